// The award's tables: per lot the candidates publication and the award, the
// objections, what each bidder is told, the contract drafts. The buyer's rows;
// a bidder reads the published candidates, its own objections and results.
import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { awardLots, bidResults, contracts, objections } from '../../db/schema/index';

export type AwardLotRow = typeof awardLots.$inferSelect;
export type ObjectionRow = typeof objections.$inferSelect;
export type ContractRow = typeof contracts.$inferSelect;

export const awardRepo = {
  lots(tx: Tx, tenderId: string, opts: { forUpdate?: boolean } = {}): Promise<AwardLotRow[]> {
    const q = tx.select().from(awardLots).where(eq(awardLots.tenderId, tenderId)).orderBy(asc(awardLots.lotKey));
    return opts.forUpdate ? q.for('update') : q;
  },
  async insertLots(tx: Tx, rows: (typeof awardLots.$inferInsert)[]): Promise<void> {
    if (rows.length) await tx.insert(awardLots).values(rows);
  },
  /** The award of a lot: only once, by the database (the row must still be unawarded and published). */
  async award(tx: Tx, tenderId: string, lotKey: string, set: Pick<typeof awardLots.$inferInsert, 'awardBidId' | 'awardBidderOrgId' | 'awardAmount' | 'awardedAt' | 'updatedAt' | 'tieChoice'>): Promise<boolean> {
    const r = await tx
      .update(awardLots)
      .set({ ...set, status: 'awarded' })
      .where(and(eq(awardLots.tenderId, tenderId), eq(awardLots.lotKey, lotKey), eq(awardLots.status, 'publicized'), isNull(awardLots.awardBidId)))
      .returning({ k: awardLots.lotKey });
    return r.length > 0;
  },
  async updateLot(tx: Tx, tenderId: string, lotKey: string, set: Partial<typeof awardLots.$inferInsert>, onlyStatus?: string): Promise<boolean> {
    const cond = onlyStatus ? and(eq(awardLots.tenderId, tenderId), eq(awardLots.lotKey, lotKey), eq(awardLots.status, onlyStatus as never)) : and(eq(awardLots.tenderId, tenderId), eq(awardLots.lotKey, lotKey));
    return (await tx.update(awardLots).set(set).where(cond).returning({ k: awardLots.lotKey })).length > 0;
  },
  /** A candidate out of a lot (declined, disqualified), appended to the lot's list. */
  async addOut(tx: Tx, tenderId: string, lotKey: string, out: Record<string, unknown>, at: Date): Promise<void> {
    await tx.update(awardLots).set({ out: sql`${awardLots.out} || ${JSON.stringify([out])}::jsonb`, updatedAt: at }).where(and(eq(awardLots.tenderId, tenderId), eq(awardLots.lotKey, lotKey)));
  },

  objections(tx: Tx, tenderId: string): Promise<ObjectionRow[]> {
    return tx.select().from(objections).where(eq(objections.tenderId, tenderId)).orderBy(asc(objections.filedAt));
  },
  async insertObjection(tx: Tx, v: typeof objections.$inferInsert): Promise<string> {
    return (await tx.insert(objections).values(v).returning({ id: objections.id }))[0]!.id;
  },
  async answer(tx: Tx, tenderId: string, id: string, set: { answer: string; answeredBy: string; answeredAt: Date }): Promise<boolean> {
    return (await tx.update(objections).set(set).where(and(eq(objections.tenderId, tenderId), eq(objections.id, id), isNull(objections.answeredAt))).returning({ id: objections.id })).length > 0;
  },

  async insertResults(tx: Tx, rows: (typeof bidResults.$inferInsert)[]): Promise<void> {
    if (rows.length) await tx.insert(bidResults).values(rows);
  },
  results(tx: Tx, tenderId: string) {
    return tx.select().from(bidResults).where(eq(bidResults.tenderId, tenderId)).orderBy(asc(bidResults.lotKey));
  },

  async insertContract(tx: Tx, v: typeof contracts.$inferInsert): Promise<void> {
    await tx.insert(contracts).values(v);
  },
  contracts(tx: Tx, tenderIds: string[]): Promise<ContractRow[]> {
    if (!tenderIds.length) return Promise.resolve([]);
    return tx.select().from(contracts).where(inArray(contracts.tenderId, tenderIds)).orderBy(asc(contracts.lotKey));
  },
  /** Every awarded lot of the organization (savings on the dashboard). */
  awardedLots(tx: Tx, orgId: string) {
    return tx.select().from(awardLots).where(and(eq(awardLots.organizationId, orgId), eq(awardLots.status, 'awarded')));
  },
};
