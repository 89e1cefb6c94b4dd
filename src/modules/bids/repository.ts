// Sealed bids and their versions: this module's tables. A bid row belongs to
// the bidder (tenant rule); its buyer reads it only once the tender is opened
// (src/db/schema/tender.ts). Versions are never changed or deleted by the
// application, and a trigger refuses any version at or after the deadline.
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { bids, bidVersions } from '../../db/schema/index';

export type BidRow = typeof bids.$inferSelect;
export type VersionRow = typeof bidVersions.$inferSelect;

export const bidRepo = {
  /**
   * The bidder's bid for a tender with its next version number: made on the
   * first submission, its version counted up (and its status set) on every
   * later one. The row lock this takes orders one bidder's versions.
   */
  async nextVersion(tx: Tx, v: { orgId: string; buyerOrgId: string; tenderId: string; status: 'active' | 'withdrawn'; at: Date }): Promise<{ id: string; version: number }> {
    const r = await tx.execute(sql`insert into bids as b (organization_id, buyer_org_id, tender_id, status, version, created_at, updated_at)
      values (${v.orgId}, ${v.buyerOrgId}, ${v.tenderId}, ${v.status}, 1, ${v.at.toISOString()}::timestamptz, ${v.at.toISOString()}::timestamptz)
      on conflict (tender_id, organization_id) do update set version = b.version + 1, status = excluded.status, updated_at = excluded.updated_at
      returning id, version`);
    return r.rows[0] as { id: string; version: number };
  },

  async insertVersion(tx: Tx, values: typeof bidVersions.$inferInsert): Promise<void> {
    await tx.insert(bidVersions).values(values);
  },

  async mine(tx: Tx, tenderId: string, orgId: string): Promise<BidRow | null> {
    return (await tx.select().from(bids).where(and(eq(bids.tenderId, tenderId), eq(bids.organizationId, orgId))).limit(1))[0] ?? null;
  },

  /** The versions of a bid without their content. */
  versions(tx: Tx, bidId: string) {
    return tx
      .select({ version: bidVersions.version, kind: bidVersions.kind, confirms: bidVersions.confirms, sha256: bidVersions.sha256, size: bidVersions.size, receivedAt: bidVersions.receivedAt, receipt: bidVersions.receipt })
      .from(bidVersions)
      .where(eq(bidVersions.bidId, bidId))
      .orderBy(asc(bidVersions.version));
  },

  async version(tx: Tx, bidId: string, version: number): Promise<VersionRow | null> {
    return (await tx.select().from(bidVersions).where(and(eq(bidVersions.bidId, bidId), eq(bidVersions.version, version))).limit(1))[0] ?? null;
  },

  async latestSubmission(tx: Tx, bidId: string): Promise<VersionRow | null> {
    return (await tx.select().from(bidVersions).where(and(eq(bidVersions.bidId, bidId), eq(bidVersions.kind, 'submit'))).orderBy(desc(bidVersions.version)).limit(1))[0] ?? null;
  },

  /** Of an organization's bids, those on these tenders (the market list). */
  async statusOn(tx: Tx, orgId: string, tenderIds: string[]) {
    if (!tenderIds.length) return new Map<string, string>();
    const rows = await tx.select({ tenderId: bids.tenderId, status: bids.status }).from(bids).where(and(eq(bids.organizationId, orgId), inArray(bids.tenderId, tenderIds)));
    return new Map(rows.map((r) => [r.tenderId, r.status]));
  },
};
