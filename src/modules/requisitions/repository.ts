// Requisitions, their items and approval steps, and the organization's approval
// rules: the tables of this module only.
import { and, asc, desc, eq, inArray, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { approvalRules, member, projects, requisitionItems, requisitions, requisitionSteps, user } from '../../db/schema/index';

export type RequisitionRow = typeof requisitions.$inferSelect;
export type ItemRow = typeof requisitionItems.$inferSelect;
export type StepRow = typeof requisitionSteps.$inferSelect & { deciderName: string | null };

/** The step of the current round that waits for a decision (the lowest position without one). */
const waiting = sql<{ key: string; name: string; approverIds: string[] } | null>`(
  select json_build_object('key', s.key, 'name', s.name, 'approverIds', s.approver_ids) from requisition_steps s
  where s.requisition_id = "requisitions"."id" and s.round = "requisitions"."round" and s.decision is null
  order by s.position limit 1)`;

export interface ListRow {
  r: RequisitionRow;
  requesterName: string;
  waiting: { key: string; name: string; approverIds: string[] } | null;
}

export const requisitionRepo = {
  async list(tx: Tx, orgId: string, userId: string, q: { status?: string[]; view: 'all' | 'mine' | 'inbox'; limit: number; after: [string, string] | null }): Promise<ListRow[]> {
    const conds: SQL[] = [eq(requisitions.organizationId, orgId)];
    if (q.status?.length) conds.push(inArray(requisitions.status, q.status));
    if (q.view === 'mine') conds.push(eq(requisitions.requesterId, userId));
    if (q.view === 'inbox') {
      conds.push(eq(requisitions.status, 'submitted'));
      conds.push(sql`exists (select 1 from requisition_steps s where s.requisition_id = "requisitions"."id" and s.round = "requisitions"."round" and s.decision is null
        and s.position = (select min(s2.position) from requisition_steps s2 where s2.requisition_id = s.requisition_id and s2.round = s.round and s2.decision is null)
        and ${userId}::uuid = any(s.approver_ids))`);
    }
    if (q.after) conds.push(or(lt(requisitions.updatedAt, new Date(q.after[0])), and(eq(requisitions.updatedAt, new Date(q.after[0])), lt(requisitions.id, q.after[1])))!);
    return tx
      .select({ r: requisitions, requesterName: user.name, waiting })
      .from(requisitions)
      .innerJoin(user, eq(user.id, requisitions.requesterId))
      .where(and(...conds))
      .orderBy(desc(requisitions.updatedAt), desc(requisitions.id))
      .limit(q.limit + 1);
  },

  async get(tx: Tx, id: string, opts: { forUpdate?: boolean } = {}): Promise<ListRow | null> {
    const base = tx.select({ r: requisitions, requesterName: user.name, waiting }).from(requisitions).innerJoin(user, eq(user.id, requisitions.requesterId)).where(eq(requisitions.id, id)).limit(1);
    const rows = await (opts.forUpdate ? base.for('update', { of: requisitions }) : base);
    return rows[0] ?? null;
  },

  items: (tx: Tx, id: string) => tx.select().from(requisitionItems).where(eq(requisitionItems.requisitionId, id)).orderBy(asc(requisitionItems.position)),

  async steps(tx: Tx, id: string): Promise<StepRow[]> {
    const rows = await tx
      .select({ s: requisitionSteps, deciderName: user.name })
      .from(requisitionSteps)
      .leftJoin(user, eq(user.id, requisitionSteps.deciderId))
      .where(eq(requisitionSteps.requisitionId, id))
      .orderBy(asc(requisitionSteps.round), asc(requisitionSteps.position));
    return rows.map((r) => ({ ...r.s, deciderName: r.deciderName }));
  },

  async projectOf(tx: Tx, id: string): Promise<string | null> {
    const rows = await tx.select({ id: projects.id }).from(projects).where(eq(projects.requisitionId, id)).limit(1);
    return rows[0]?.id ?? null;
  },

  /** The next number of the organization for this year: PR-2027-0001 (serialized per organization). */
  async nextNumber(tx: Tx, orgId: string, year: number): Promise<string> {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`requisition-number:${orgId}`}))`);
    const prefix = `PR-${year}-`;
    const r = await tx.execute(sql`select coalesce(max(substring(number from ${prefix.length + 1}::int)::int), 0) + 1 as n from requisitions where organization_id = ${orgId} and number like ${`${prefix}%`}`);
    return `${prefix}${String((r.rows[0] as { n: number }).n).padStart(4, '0')}`;
  },

  async insert(tx: Tx, values: typeof requisitions.$inferInsert, items: Omit<typeof requisitionItems.$inferInsert, 'requisitionId' | 'organizationId'>[]) {
    const [row] = await tx.insert(requisitions).values(values).returning();
    await tx.insert(requisitionItems).values(items.map((i) => ({ ...i, requisitionId: row!.id, organizationId: row!.organizationId })));
    return row!;
  },

  async update(tx: Tx, id: string, patch: Partial<typeof requisitions.$inferInsert>) {
    const [row] = await tx.update(requisitions).set({ ...patch, updatedAt: new Date() }).where(eq(requisitions.id, id)).returning();
    return row!;
  },

  async replaceItems(tx: Tx, orgId: string, id: string, items: Omit<typeof requisitionItems.$inferInsert, 'requisitionId' | 'organizationId'>[]) {
    await tx.delete(requisitionItems).where(eq(requisitionItems.requisitionId, id));
    await tx.insert(requisitionItems).values(items.map((i) => ({ ...i, requisitionId: id, organizationId: orgId })));
  },

  async insertSteps(tx: Tx, rows: (typeof requisitionSteps.$inferInsert)[]) {
    if (rows.length) await tx.insert(requisitionSteps).values(rows);
  },

  /** Records a decision on a step that has none yet; false if someone decided it first. */
  async decideStep(tx: Tx, id: string, round: number, key: string, d: { decision: string; deciderId: string; comment: string | null; at: Date }): Promise<boolean> {
    const rows = await tx
      .update(requisitionSteps)
      .set({ decision: d.decision, deciderId: d.deciderId, comment: d.comment, decidedAt: d.at })
      .where(and(eq(requisitionSteps.requisitionId, id), eq(requisitionSteps.round, round), eq(requisitionSteps.key, key), isNull(requisitionSteps.decision)))
      .returning({ id: requisitionSteps.id });
    return rows.length === 1;
  },

  rules: (tx: Tx) => tx.select().from(approvalRules).orderBy(asc(approvalRules.position)),

  async replaceRules(tx: Tx, orgId: string, rules: Omit<typeof approvalRules.$inferInsert, 'organizationId'>[]) {
    await tx.delete(approvalRules).where(eq(approvalRules.organizationId, orgId));
    if (rules.length) await tx.insert(approvalRules).values(rules.map((r) => ({ ...r, organizationId: orgId })));
  },

  /** Member ids of the organization among these, with their names. */
  async members(tx: Tx, orgId: string, ids: string[]): Promise<Map<string, string>> {
    if (!ids.length) return new Map();
    const rows = await tx.select({ id: user.id, name: user.name }).from(member).innerJoin(user, eq(user.id, member.userId)).where(and(eq(member.organizationId, orgId), inArray(member.userId, ids)));
    return new Map(rows.map((r) => [r.id, r.name]));
  },
};
