// Logging what happened with a customer: the interaction, the evidence it
// carries, the key facts that evidence establishes, and, in the same
// transaction, the re-inference of the opportunity's stage and risks.
import { and, desc, eq, inArray, lt, or, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import { EVIDENCE_TYPES, type EvidenceTypeDef } from '../../domain/evidence';
import type { Db, Tx } from '../../db/client';
import { competitors, contacts, evidenceItems, interactions, member, opportunities, opportunityFacts, accounts } from '../../db/schema/index';
import { readTenant, withTenant, type TenantContext } from '../../db/tenant';
import { invalidField, notFound, unknownRef } from '../../server/errors';
import type { Events } from '../../server/events';
import { recordActivity } from '../shared/activity';
import { decodeCursor, encodeCursor } from '../shared/http';
import { visibleTo } from '../opportunities/repository';
import { reanalyze } from '../opportunities/service';
import type { EvidencePatch, InteractionCreate, InteractionListQuery } from './schema';

const evidenceTypes = new Map<string, EvidenceTypeDef>(EVIDENCE_TYPES.map((e) => [e.key, e]));

type InteractionRow = typeof interactions.$inferSelect;
type EvidenceRow = typeof evidenceItems.$inferSelect;

function present(i: InteractionRow, ev: EvidenceRow[]) {
  return {
    id: i.id,
    accountId: i.accountId,
    opportunityId: i.opportunityId,
    type: i.type as never,
    occurredAt: i.occurredAt.toISOString(),
    summary: i.summary,
    customerResponse: i.customerResponse,
    competitorResponses: i.competitorResponses,
    contactIds: i.contactIds,
    userIds: i.userIds,
    evidence: ev.map((e) => ({ id: e.id, type: e.type, value: e.value, sourceContactId: e.sourceContactId, verified: e.verified, occurredAt: e.occurredAt.toISOString(), origin: e.origin })),
    createdBy: i.createdBy,
    createdAt: i.createdAt.toISOString(),
  };
}

async function visibleOpportunity(tx: Tx, ctx: TenantContext, id: string) {
  const vis = visibleTo(ctx);
  const rows = await tx
    .select({ id: opportunities.id, accountId: opportunities.accountId, stage: opportunities.stage, firstInteractionAt: opportunities.firstInteractionAt, lastInteractionAt: opportunities.lastInteractionAt })
    .from(opportunities)
    .where(vis ? and(eq(opportunities.id, id), vis) : eq(opportunities.id, id))
    .limit(1);
  return rows[0] ?? null;
}

export const interactionService = {
  async create(deps: { db: Db; events: Events }, ctx: TenantContext, input: z.infer<typeof InteractionCreate>) {
    const now = new Date();
    const occurredAt = input.occurredAt ? new Date(input.occurredAt) : now;
    if (occurredAt.getTime() > now.getTime() + 5 * 60_000) throw invalidField('body.occurredAt', 'must not be in the future', 'in_future');
    if (input.evidence.length && !input.opportunityId) throw invalidField('body.opportunityId', 'is required when the interaction carries evidence', 'required');
    input.evidence.forEach((e, n) => {
      if (!evidenceTypes.has(e.type)) throw invalidField(`body.evidence.${n}.type`, 'is not a known evidence type', 'unknown_evidence_type');
    });
    const result = await withTenant(deps.db, ctx, async (tx) => {
      let accountId = input.accountId;
      const opp = input.opportunityId ? await visibleOpportunity(tx, ctx, input.opportunityId) : null;
      if (input.opportunityId && !opp) throw unknownRef('body.opportunityId', 'opportunity');
      if (opp) {
        if (accountId && accountId !== opp.accountId) throw invalidField('body.accountId', "is not the opportunity's account", 'account_mismatch');
        accountId = opp.accountId;
      } else {
        const acc = await tx.select({ id: accounts.id }).from(accounts).where(eq(accounts.id, accountId!)).limit(1);
        if (!acc.length) throw unknownRef('body.accountId', 'account');
      }
      // Every referenced id must belong to this organization and this account.
      const refContacts = [...new Set([...input.contactIds, ...input.evidence.flatMap((e) => (e.sourceContactId ? [e.sourceContactId] : []))])];
      if (refContacts.length) {
        const found = new Set(
          (await tx.select({ id: contacts.id }).from(contacts).where(and(inArray(contacts.id, refContacts), eq(contacts.accountId, accountId!)))).map((r) => r.id),
        );
        input.contactIds.forEach((c, n) => {
          if (!found.has(c)) throw unknownRef(`body.contactIds.${n}`, 'contact');
        });
        input.evidence.forEach((e, n) => {
          if (e.sourceContactId && !found.has(e.sourceContactId)) throw unknownRef(`body.evidence.${n}.sourceContactId`, 'contact');
        });
      }
      if (input.userIds.length) {
        const found = new Set((await tx.select({ id: member.userId }).from(member).where(and(eq(member.organizationId, ctx.orgId), inArray(member.userId, input.userIds)))).map((r) => r.id));
        input.userIds.forEach((u, n) => {
          if (!found.has(u)) throw unknownRef(`body.userIds.${n}`, 'member');
        });
      }
      if (input.competitorResponses.length) {
        const ids = input.competitorResponses.map((c) => c.competitorId);
        const found = new Set((await tx.select({ id: competitors.id }).from(competitors).where(inArray(competitors.id, ids))).map((r) => r.id));
        input.competitorResponses.forEach((c, n) => {
          if (!found.has(c.competitorId)) throw unknownRef(`body.competitorResponses.${n}.competitorId`, 'competitor');
        });
      }

      const [row] = await tx
        .insert(interactions)
        .values({
          organizationId: ctx.orgId,
          accountId: accountId!,
          opportunityId: opp?.id ?? null,
          type: input.type,
          occurredAt,
          summary: input.summary,
          customerResponse: input.customerResponse ?? null,
          competitorResponses: input.competitorResponses,
          contactIds: input.contactIds,
          userIds: input.userIds.length ? input.userIds : [ctx.userId],
          createdBy: ctx.userId,
        })
        .returning();
      const ev = input.evidence.length
        ? await tx
            .insert(evidenceItems)
            .values(
              input.evidence.map((e) => ({
                organizationId: ctx.orgId,
                opportunityId: opp!.id,
                interactionId: row!.id,
                type: e.type,
                value: e.value ?? null,
                sourceContactId: e.sourceContactId ?? null,
                verified: e.verified,
                occurredAt,
              })),
            )
            .returning()
        : [];

      if (opp) {
        // Evidence that states a key fact (budget, decision date, criteria) records it, adding its source.
        for (const e of input.evidence) {
          const kind = evidenceTypes.get(e.type)?.fact;
          if (!kind || !e.value) continue;
          const src = e.sourceContactId ? [e.sourceContactId] : [];
          await tx
            .insert(opportunityFacts)
            .values({ organizationId: ctx.orgId, opportunityId: opp.id, kind, value: e.value, sourceContactIds: src, verified: e.verified })
            .onConflictDoUpdate({
              target: [opportunityFacts.opportunityId, opportunityFacts.kind],
              set: {
                value: e.value,
                sourceContactIds: sql`(select coalesce(array_agg(distinct x), '{}') from unnest(${opportunityFacts.sourceContactIds} || ${sql.param(src)}::uuid[]) x)`,
                verified: sql`${opportunityFacts.verified} or ${e.verified}`,
                updatedAt: now,
              },
            });
        }
        await reanalyze(tx, ctx, opp.id, {
          evidenceIds: ev.map((e) => e.id),
          reason: `${input.type}: ${input.summary.slice(0, 120)}`,
          patch: {
            interactionCount: sql`${opportunities.interactionCount} + 1` as never,
            lastInteractionAt: !opp.lastInteractionAt || occurredAt > opp.lastInteractionAt ? occurredAt : opp.lastInteractionAt,
            ...(!opp.firstInteractionAt || occurredAt < opp.firstInteractionAt ? { firstInteractionAt: occurredAt, firstInteractionStage: opp.firstInteractionAt ? undefined : opp.stage } : {}),
          },
        });
      }
      await recordActivity(tx, ctx, {
        entityType: 'interaction',
        entityId: row!.id,
        accountId,
        opportunityId: opp?.id ?? null,
        action: 'interaction.logged',
        data: { type: input.type, summary: input.summary.slice(0, 500), customerResponse: input.customerResponse?.slice(0, 500) ?? null, evidence: input.evidence.map((e) => e.type), contacts: input.contactIds.length },
      });
      return present(row!, ev);
    });
    if (result.opportunityId) deps.events.emit(ctx.orgId, 'opportunity.changed', { id: result.opportunityId });
    return result;
  },

  async list(db: Db, ctx: TenantContext, q: z.infer<typeof InteractionListQuery>) {
    const after = decodeCursor(q.cursor, 2) as [string, string] | null;
    return readTenant(db, ctx, async (tx) => {
      const conds: SQL[] = [];
      if (q.opportunityId) {
        if (!(await visibleOpportunity(tx, ctx, q.opportunityId))) throw notFound('opportunity');
        conds.push(eq(interactions.opportunityId, q.opportunityId));
      }
      if (q.accountId) conds.push(eq(interactions.accountId, q.accountId));
      const vis = visibleTo(ctx);
      if (vis) conds.push(sql`("interactions"."opportunity_id" is null or exists (select 1 from opportunities where "opportunities"."id" = "interactions"."opportunity_id" and ${vis}))`);
      if (after) {
        const t = new Date(after[0]);
        conds.push(or(lt(interactions.occurredAt, t), and(eq(interactions.occurredAt, t), lt(interactions.id, after[1])))!);
      }
      const rows = await tx.select().from(interactions).where(and(...conds)).orderBy(desc(interactions.occurredAt), desc(interactions.id)).limit(q.limit + 1);
      const page = rows.slice(0, q.limit);
      const ev = page.length ? await tx.select().from(evidenceItems).where(inArray(evidenceItems.interactionId, page.map((r) => r.id))) : [];
      const last = page[page.length - 1];
      return {
        items: page.map((r) => present(r, ev.filter((e) => e.interactionId === r.id))),
        nextCursor: rows.length > q.limit && last ? encodeCursor([last.occurredAt.toISOString(), last.id]) : null,
      };
    });
  },

  /** One evidence item: a read by primary key (also the benchmark's baseline route). */
  async getEvidence(db: Db, ctx: TenantContext, id: string) {
    return readTenant(db, ctx, async (tx) => {
      const vis = visibleTo(ctx);
      const rows = await tx
        .select({ e: evidenceItems })
        .from(evidenceItems)
        .where(vis ? and(eq(evidenceItems.id, id), sql`exists (select 1 from opportunities where "opportunities"."id" = "evidence_items"."opportunity_id" and ${vis})`) : eq(evidenceItems.id, id))
        .limit(1);
      const e = rows[0]?.e;
      if (!e) throw notFound('evidence');
      return { id: e.id, type: e.type, value: e.value, sourceContactId: e.sourceContactId, verified: e.verified, occurredAt: e.occurredAt.toISOString(), origin: e.origin };
    });
  },

  /** Mark a piece of evidence verified (or not); the stage and risks follow. */
  async verifyEvidence(deps: { db: Db; events: Events }, ctx: TenantContext, id: string, body: z.infer<typeof EvidencePatch>) {
    const out = await withTenant(deps.db, ctx, async (tx) => {
      const rows = await tx.select().from(evidenceItems).where(eq(evidenceItems.id, id)).limit(1);
      const e = rows[0];
      if (!e || !(await visibleOpportunity(tx, ctx, e.opportunityId))) throw notFound('evidence');
      const [after] = await tx.update(evidenceItems).set({ verified: body.verified }).where(eq(evidenceItems.id, id)).returning();
      await recordActivity(tx, ctx, { entityType: 'evidence', entityId: id, opportunityId: e.opportunityId, action: 'evidence.verified', data: { type: e.type, changes: { verified: [e.verified, body.verified] } } });
      await reanalyze(tx, ctx, e.opportunityId, { evidenceIds: [id] });
      return { id: after!.id, type: after!.type, value: after!.value, sourceContactId: after!.sourceContactId, verified: after!.verified, occurredAt: after!.occurredAt.toISOString(), origin: after!.origin, opportunityId: e.opportunityId };
    });
    deps.events.emit(ctx.orgId, 'opportunity.changed', { id: out.opportunityId });
    const { opportunityId: _o, ...rest } = out;
    return rest;
  },
};
