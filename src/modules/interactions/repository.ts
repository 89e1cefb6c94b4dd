// Data access for interactions and their evidence. Writes come back unsent
// (builders) where the service sends them together with others (db/batch).
import { and, desc, eq, inArray, lt, or, sql, type SQL } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { accounts, competitors, contacts, evidenceItems, interactions, member, opportunities, opportunityFacts } from '../../db/schema/index';
import type { TenantContext } from '../../db/tenant';
import { visibleTo } from '../opportunities/repository';

export type InteractionRow = typeof interactions.$inferSelect;
export type EvidenceRow = typeof evidenceItems.$inferSelect;

/** A key fact an interaction states: its latest value, the sources it adds, whether verified. */
export interface FactChange {
  kind: string;
  value: string;
  added: string[];
  verified: boolean;
}

const ids = (rows: { id: string }[]) => new Set(rows.map((r) => r.id));

export const interactionRepo = {
  /** An opportunity the caller may see (the "own opportunities only" setting applies), or null. */
  async visibleOpportunity(tx: Tx, ctx: TenantContext, id: string) {
    const vis = visibleTo(ctx);
    const rows = await tx
      .select({ id: opportunities.id, accountId: opportunities.accountId })
      .from(opportunities)
      .where(vis ? and(eq(opportunities.id, id), vis) : eq(opportunities.id, id))
      .limit(1);
    return rows[0] ?? null;
  },

  async accountExists(tx: Tx, id: string): Promise<boolean> {
    return (await tx.select({ id: accounts.id }).from(accounts).where(eq(accounts.id, id)).limit(1)).length > 0;
  },

  /** Which of these contacts belong to the account. */
  async contactsOfAccount(tx: Tx, contactIds: string[], accountId: string): Promise<Set<string>> {
    return ids(await tx.select({ id: contacts.id }).from(contacts).where(and(inArray(contacts.id, contactIds), eq(contacts.accountId, accountId))));
  },

  /** Which of these users are members of the organization. */
  async membersAmong(tx: Tx, orgId: string, userIds: string[]): Promise<Set<string>> {
    return ids(await tx.select({ id: member.userId }).from(member).where(and(eq(member.organizationId, orgId), inArray(member.userId, userIds))));
  },

  /** Which of these competitors the organization has (row-level security scopes the read). */
  async competitorsAmong(tx: Tx, competitorIds: string[]): Promise<Set<string>> {
    return ids(await tx.select({ id: competitors.id }).from(competitors).where(inArray(competitors.id, competitorIds)));
  },

  insert: (tx: Tx, row: InteractionRow) => tx.insert(interactions).values(row),

  insertEvidence: (tx: Tx, rows: EvidenceRow[]) => tx.insert(evidenceItems).values(rows),

  /** Records a key fact, or updates it: the new value, its sources added to the old ones, verified once any source verified it. */
  upsertFact: (tx: Tx, orgId: string, opportunityId: string, f: FactChange, now: Date) =>
    tx
      .insert(opportunityFacts)
      .values({ organizationId: orgId, opportunityId, kind: f.kind, value: f.value, sourceContactIds: f.added, verified: f.verified, updatedAt: now })
      .onConflictDoUpdate({
        target: [opportunityFacts.opportunityId, opportunityFacts.kind],
        set: {
          value: f.value,
          sourceContactIds: sql`(select coalesce(array_agg(distinct x), '{}') from unnest(${opportunityFacts.sourceContactIds} || ${sql.param(f.added)}::uuid[]) x)`,
          verified: sql`${opportunityFacts.verified} or ${f.verified}`,
          updatedAt: now,
        },
      }),

  /** A page of interactions, newest first, with one more row than asked to tell whether another page follows. */
  async page(tx: Tx, ctx: TenantContext, q: { opportunityId?: string; accountId?: string; after: [string, string] | null; limit: number }) {
    const conds: SQL[] = [];
    if (q.opportunityId) conds.push(eq(interactions.opportunityId, q.opportunityId));
    if (q.accountId) conds.push(eq(interactions.accountId, q.accountId));
    const vis = visibleTo(ctx);
    if (vis) conds.push(sql`("interactions"."opportunity_id" is null or exists (select 1 from opportunities where "opportunities"."id" = "interactions"."opportunity_id" and ${vis}))`);
    if (q.after) {
      const t = new Date(q.after[0]);
      conds.push(or(lt(interactions.occurredAt, t), and(eq(interactions.occurredAt, t), lt(interactions.id, q.after[1])))!);
    }
    return tx.select().from(interactions).where(and(...conds)).orderBy(desc(interactions.occurredAt), desc(interactions.id)).limit(q.limit + 1);
  },

  async evidenceOf(tx: Tx, interactionIds: string[]): Promise<EvidenceRow[]> {
    return interactionIds.length ? tx.select().from(evidenceItems).where(inArray(evidenceItems.interactionId, interactionIds)) : [];
  },

  /** One piece of evidence the caller may see, or null. */
  async visibleEvidence(tx: Tx, ctx: TenantContext, id: string): Promise<EvidenceRow | null> {
    const vis = visibleTo(ctx);
    const rows = await tx
      .select({ e: evidenceItems })
      .from(evidenceItems)
      .where(vis ? and(eq(evidenceItems.id, id), sql`exists (select 1 from opportunities where "opportunities"."id" = "evidence_items"."opportunity_id" and ${vis})`) : eq(evidenceItems.id, id))
      .limit(1);
    return rows[0]?.e ?? null;
  },

  async setEvidenceVerified(tx: Tx, id: string, verified: boolean): Promise<EvidenceRow> {
    const [row] = await tx.update(evidenceItems).set({ verified }).where(eq(evidenceItems.id, id)).returning();
    return row!;
  },

  /** Of these event keys, those the opportunity's evidence already holds; the opportunity row is locked first (one log of an event at a time). */
  async originKeysOf(tx: Tx, opportunityId: string, keys: string[]): Promise<Set<string>> {
    await tx.execute(sql`select 1 from opportunities where id = ${opportunityId} for update`);
    if (!keys.length) return new Set();
    const rows = await tx
      .select({ k: evidenceItems.originKey })
      .from(evidenceItems)
      .where(and(eq(evidenceItems.opportunityId, opportunityId), inArray(evidenceItems.originKey, keys)));
    return new Set(rows.map((r) => r.k!));
  },
};
