// Sealed bids and their versions: this module's tables. A bid row belongs to
// the bidder (tenant rule); its buyer reads it only once the tender is opened
// (src/db/schema/tender.ts). Versions are never changed or deleted by the
// application, and a trigger refuses any version at or after the deadline.
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { bids, bidVersions } from '../../db/schema/index';
import type { TenderRow } from '../tenders/repository';

export type BidRow = typeof bids.$inferSelect;

const DATES = ['publishAt', 'questionsUntil', 'deadline', 'openingAt', 'publishedAt', 'statusChangedAt', 'materialAmendedAt', 'reminderSentAt', 'createdAt', 'updatedAt'] as const;
/** A tender row as to_json() gives it (snake_case, dates as text) in the shape drizzle reads. */
function tenderOf(j: Record<string, unknown>): TenderRow {
  const o: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(j)) o[k.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase())] = v;
  for (const d of DATES) o[d] = o[d] == null ? null : new Date(o[d] as string);
  o.estimatedValue = String(o.estimatedValue);
  o.bidBond = String(o.bidBond);
  return o as TenderRow;
}
export type VersionRow = typeof bidVersions.$inferSelect;

export const bidRepo = {
  async mine(tx: Tx, tenderId: string, orgId: string, opts: { forUpdate?: boolean } = {}): Promise<BidRow | null> {
    const q = tx.select().from(bids).where(and(eq(bids.tenderId, tenderId), eq(bids.organizationId, orgId))).limit(1);
    return (await (opts.forUpdate ? q.for('update') : q))[0] ?? null;
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

  /** Of an organization's bids, those on these tenders (the market list). */
  async statusOn(tx: Tx, orgId: string, tenderIds: string[]) {
    if (!tenderIds.length) return new Map<string, string>();
    const rows = await tx.select({ tenderId: bids.tenderId, status: bids.status }).from(bids).where(and(eq(bids.organizationId, orgId), inArray(bids.tenderId, tenderIds)));
    return new Map(rows.map((r) => [r.tenderId, r.status]));
  },

  /**
   * Everything a submission needs to know, in one round trip, as the bidder
   * sees it (RLS): the tender, its keys, the bidder's invitation, registration
   * and blacklisting with the buyer, its bid and that bid's versions so far.
   */
  async context(tx: Tx, tenderId: string, orgId: string) {
    const r = await tx.execute(sql`select to_json(t) as tender,
        exists (select 1 from tender_links l where l.tender_id = t.id) as linked,
        (select json_agg(json_build_object('envelope', k.envelope, 'fingerprint', k.fingerprint) order by k.envelope) from tender_keys k where k.tender_id = t.id) as keys,
        exists (select 1 from tender_invitations i where i.tender_id = t.id and i.supplier_org_id = ${orgId}) as invited,
        exists (select 1 from suppliers s where s.organization_id = t.organization_id and s.supplier_org_id = ${orgId}) as registered,
        exists (select 1 from certifications c join suppliers s on s.id = c.supplier_id
                where s.organization_id = t.organization_id and s.supplier_org_id = ${orgId} and c.status = 'blacklisted') as blacklisted,
        (select name from organization o where o.id = ${orgId}) as my_name,
        b.id as bid_id, b.status as bid_status, b.version as bid_version,
        (select coalesce(json_agg(json_build_object('version', v.version, 'kind', v.kind, 'confirms', v.confirms, 'sha256', v.sha256, 'size', v.size, 'receivedAt', v.received_at, 'receipt', v.receipt) order by v.version), '[]')
           from bid_versions v where v.bid_id = b.id) as versions
      from tenders t left join bids b on b.tender_id = t.id and b.organization_id = ${orgId}
      where t.id = ${tenderId}`);
    const row = r.rows[0] as
      | { tender: Record<string, unknown>; linked: boolean; keys: { envelope: string; fingerprint: string }[] | null; invited: boolean; registered: boolean; blacklisted: boolean; my_name: string; bid_id: string | null; bid_status: string | null; bid_version: number | null; versions: { version: number; kind: string; confirms: number | null; sha256: string | null; size: number; receivedAt: string; receipt: unknown }[] }
      | undefined;
    return row ? { ...row, tender: tenderOf(row.tender) } : null;
  },

  /**
   * The bidder's registration with the buyer (made when missing) and its bid's
   * next version, in one statement; the bid row's lock orders one bidder's
   * concurrent versions.
   */
  async claimVersion(tx: Tx, v: { orgId: string; orgName: string; buyerOrgId: string; tenderId: string; status: 'active' | 'withdrawn'; at: Date; register: boolean }): Promise<{ id: string; version: number }> {
    const at = v.at.toISOString();
    const r = await tx.execute(sql`with ${v.register ? sql`reg as (insert into suppliers (organization_id, supplier_org_id, name, created_at) values (${v.buyerOrgId}, ${v.orgId}, ${v.orgName}, ${at}::timestamptz) on conflict do nothing), ` : sql``}b as (
        insert into bids as b (organization_id, buyer_org_id, tender_id, status, version, created_at, updated_at)
        values (${v.orgId}, ${v.buyerOrgId}, ${v.tenderId}, ${v.status}, 1, ${at}::timestamptz, ${at}::timestamptz)
        on conflict (tender_id, organization_id) do update set version = b.version + 1, status = excluded.status, updated_at = excluded.updated_at
        returning id, version)
      select id, version from b`);
    return r.rows[0] as { id: string; version: number };
  },

  versionInsert: (tx: Tx, values: typeof bidVersions.$inferInsert) => tx.insert(bidVersions).values(values),
};
