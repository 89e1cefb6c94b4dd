// The opening (开标): key holders' shares, the opening per envelope and its
// record, and what it found in each bid. The buyer's rows; a bidder reads the
// opening record and what concerns its own bid (src/db/schema/tender.ts).
import { and, asc, eq, inArray, ne } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { bidOpenings, bids, bidVersions, openingShares, tenderOpenings } from '../../db/schema/index';

export type OpeningRow = typeof tenderOpenings.$inferSelect;

export const openingRepo = {
  openings(tx: Tx, tenderId: string): Promise<OpeningRow[]> {
    return tx.select().from(tenderOpenings).where(eq(tenderOpenings.tenderId, tenderId)).orderBy(asc(tenderOpenings.envelope));
  },

  async upsertOpening(tx: Tx, v: typeof tenderOpenings.$inferInsert): Promise<void> {
    await tx
      .insert(tenderOpenings)
      .values(v)
      .onConflictDoUpdate({ target: [tenderOpenings.tenderId, tenderOpenings.envelope], set: { status: v.status, record: v.record, openedAt: v.openedAt, updatedAt: v.updatedAt } });
  },

  shares(tx: Tx, tenderId: string, envelope: string) {
    return tx.select().from(openingShares).where(and(eq(openingShares.tenderId, tenderId), eq(openingShares.envelope, envelope))).orderBy(asc(openingShares.submittedAt));
  },

  /** A holder's share; false when this holder handed one over already (once per holder and envelope, by the primary key). */
  async insertShare(tx: Tx, v: typeof openingShares.$inferInsert): Promise<boolean> {
    const r = await tx.insert(openingShares).values(v).onConflictDoNothing().returning({ h: openingShares.holderUserId });
    return r.length > 0;
  },

  /** A holder hands over their share again (the shares handed over did not rebuild the key). */
  async replaceShare(tx: Tx, v: typeof openingShares.$inferInsert): Promise<void> {
    await tx
      .update(openingShares)
      .set({ share: v.share, submittedAt: v.submittedAt })
      .where(and(eq(openingShares.tenderId, v.tenderId), eq(openingShares.envelope, v.envelope), eq(openingShares.holderUserId, v.holderUserId)));
  },

  async clearShares(tx: Tx, tenderId: string, envelope: string): Promise<void> {
    await tx.delete(openingShares).where(and(eq(openingShares.tenderId, tenderId), eq(openingShares.envelope, envelope)));
  },

  /** Every bid of the tender with the version that counts (its latest), readable by the buyer only once the tender is opened (RLS). */
  bidsForOpening(tx: Tx, tenderId: string) {
    return tx
      .select({ id: bids.id, orgId: bids.organizationId, status: bids.status, version: bids.version })
      .from(bids)
      .where(eq(bids.tenderId, tenderId))
      .orderBy(asc(bids.createdAt), asc(bids.id));
  },

  /** The stored versions of some bids (content included), oldest first. */
  versionsOf(tx: Tx, bidIds: string[]) {
    if (!bidIds.length) return Promise.resolve([]);
    return tx.select().from(bidVersions).where(inArray(bidVersions.bidId, bidIds)).orderBy(asc(bidVersions.bidId), asc(bidVersions.version));
  },

  async insertBidOpenings(tx: Tx, rows: (typeof bidOpenings.$inferInsert)[]): Promise<void> {
    for (let i = 0; i < rows.length; i += 200) await tx.insert(bidOpenings).values(rows.slice(i, i + 200));
  },

  /** What the opening found in bids (the buyer: all; a bidder: its own, by RLS). */
  bidOpenings(tx: Tx, tenderId: string, envelope?: string) {
    return tx
      .select()
      .from(bidOpenings)
      .where(envelope ? and(eq(bidOpenings.tenderId, tenderId), eq(bidOpenings.envelope, envelope)) : eq(bidOpenings.tenderId, tenderId))
      .orderBy(asc(bidOpenings.bidderOrgId));
  },

  /** Who was opened in the first envelope (no contents: what the evaluation lists its bidders from). */
  openedBidders(tx: Tx, tenderId: string) {
    return tx
      .select({ bidId: bidOpenings.bidId, bidderOrgId: bidOpenings.bidderOrgId })
      .from(bidOpenings)
      .where(and(eq(bidOpenings.tenderId, tenderId), eq(bidOpenings.outcome, 'opened'), ne(bidOpenings.envelope, 'price')))
      .orderBy(asc(bidOpenings.bidderOrgId));
  },

  async bidOpening(tx: Tx, tenderId: string, bidId: string) {
    return (await tx.select().from(bidOpenings).where(and(eq(bidOpenings.tenderId, tenderId), eq(bidOpenings.bidId, bidId))).limit(1))[0] ?? null;
  },

  async updateBidOpening(tx: Tx, tenderId: string, envelope: string, bidId: string, patch: Partial<typeof bidOpenings.$inferInsert>): Promise<void> {
    await tx.update(bidOpenings).set(patch).where(and(eq(bidOpenings.tenderId, tenderId), eq(bidOpenings.envelope, envelope), eq(bidOpenings.bidId, bidId)));
  },
};
