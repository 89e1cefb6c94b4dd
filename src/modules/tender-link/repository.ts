// A supplier's links from tenders to its opportunities: this module's table
// (the supplier's own rows), and what the supplier may see of a linked tender's
// events (its invitation, the tender's publication and failure, its own bid).
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { awardLots, bidResults, bids, bidVersions, opportunities, tenderInvitations, tenderLinks, tenders } from '../../db/schema/index';

export const linkRepo = {
  async get(tx: Tx, tenderId: string) {
    const rows = await tx
      .select({ l: tenderLinks, title: opportunities.title })
      .from(tenderLinks)
      .innerJoin(opportunities, eq(opportunities.id, tenderLinks.opportunityId))
      .where(eq(tenderLinks.tenderId, tenderId))
      .limit(1);
    return rows[0] ?? null;
  },

  /** Links a tender once per organization (the primary key decides a race); false when it is linked already. */
  async insert(tx: Tx, v: typeof tenderLinks.$inferInsert): Promise<boolean> {
    return (await tx.insert(tenderLinks).values(v).onConflictDoNothing().returning({ t: tenderLinks.tenderId })).length > 0;
  },

  async remove(tx: Tx, tenderId: string): Promise<boolean> {
    return (await tx.delete(tenderLinks).where(eq(tenderLinks.tenderId, tenderId)).returning({ t: tenderLinks.tenderId })).length > 0;
  },

  all(tx: Tx, tenderId?: string) {
    return tx.select().from(tenderLinks).where(tenderId ? eq(tenderLinks.tenderId, tenderId) : sql`true`).orderBy(asc(tenderLinks.createdAt));
  },

  /** What the supplier may see of a tender's events (RLS: its own invitation and bid; the tender when published and visible to it). */
  async events(tx: Tx, tenderId: string, orgId: string) {
    const t = (await tx.select().from(tenders).where(eq(tenders.id, tenderId)).limit(1))[0] ?? null;
    const invitation = (await tx.select({ at: tenderInvitations.invitedAt }).from(tenderInvitations).where(and(eq(tenderInvitations.tenderId, tenderId), eq(tenderInvitations.supplierOrgId, orgId))).limit(1))[0] ?? null;
    const firstBid = (
      await tx
        .select({ at: bidVersions.receivedAt })
        .from(bidVersions)
        .innerJoin(bids, eq(bids.id, bidVersions.bidId))
        .where(and(eq(bids.tenderId, tenderId), eq(bids.organizationId, orgId), eq(bidVersions.kind, 'submit')))
        .orderBy(asc(bidVersions.receivedAt))
        .limit(1)
    )[0] ?? null;
    // The published candidates (a bidder reads them) and this bidder's own results after the award.
    const lots = await tx.select({ lotKey: awardLots.lotKey, publishedAt: awardLots.publishedAt, candidates: awardLots.candidates }).from(awardLots).where(eq(awardLots.tenderId, tenderId));
    const results = await tx.select().from(bidResults).where(and(eq(bidResults.tenderId, tenderId), eq(bidResults.bidderOrgId, orgId)));
    return { tender: t, invitedAt: invitation?.at ?? null, firstBidAt: firstBid?.at ?? null, lots, results };
  },

  /** Organizations with links to a tender (owner connection: the clock's tick). */
  linkedOrgs: (tenderId: string | null) =>
    sql`select distinct organization_id as org, tender_id as tender from tender_links ${tenderId ? sql`where tender_id = ${tenderId}` : sql``}`,
};
