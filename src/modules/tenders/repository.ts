// Tenders and what they publish: this module's tables (src/db/schema/tender.ts).
// The buyer reads and writes its own rows; a supplier reads a published tender
// it may see (open to sellers, or invited) and writes only its downloads and
// questions, through the narrower policies there.
import { and, asc, desc, eq, inArray, isNotNull, lt, ne, notInArray, or, sql, type SQL } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import type { TenderStatus } from '../../domain/buy/tender-status';
import {
  bids,
  keyHolders,
  member,
  projects,
  suppliers,
  tenderAmendments,
  tenderClarifications,
  tenderDocuments,
  tenderDownloads,
  tenderInvitations,
  tenderKeys,
  tenderQuestions,
  tenders,
  user,
} from '../../db/schema/index';

export type TenderRow = typeof tenders.$inferSelect;
export type TenderKeyRow = typeof tenderKeys.$inferSelect;

const docMeta = {
  id: tenderDocuments.id,
  name: tenderDocuments.name,
  mediaType: tenderDocuments.mediaType,
  size: tenderDocuments.size,
  sha256: tenderDocuments.sha256,
  amendmentId: tenderDocuments.amendmentId,
  createdAt: tenderDocuments.createdAt,
};

export const tenderRepo = {
  async nextNumber(tx: Tx, orgId: string, year: number): Promise<string> {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`tender-number:${orgId}`}))`);
    const prefix = `ZB-${year}-`;
    const r = await tx.execute(sql`select coalesce(max(substring(number from ${prefix.length + 1}::int)::int), 0) + 1 as n from tenders where organization_id = ${orgId} and number like ${`${prefix}%`}`);
    return `${prefix}${String((r.rows[0] as { n: number }).n).padStart(4, '0')}`;
  },

  async insert(tx: Tx, values: typeof tenders.$inferInsert): Promise<TenderRow> {
    return (await tx.insert(tenders).values(values).returning())[0]!;
  },

  async get(tx: Tx, id: string, opts: { forUpdate?: boolean } = {}): Promise<TenderRow | null> {
    const q = tx.select().from(tenders).where(eq(tenders.id, id)).limit(1);
    return (await (opts.forUpdate ? q.for('update') : q))[0] ?? null;
  },

  async update(tx: Tx, id: string, patch: Partial<typeof tenders.$inferInsert>): Promise<void> {
    await tx.update(tenders).set(patch).where(eq(tenders.id, id));
  },

  /** Moves the status only from one of `from` (the database decides a race: one caller wins). */
  async transition(tx: Tx, id: string, from: TenderStatus[], patch: Partial<typeof tenders.$inferInsert>): Promise<boolean> {
    const r = await tx.update(tenders).set(patch).where(and(eq(tenders.id, id), inArray(tenders.status, from))).returning({ id: tenders.id });
    return r.length > 0;
  },

  listForBuyer(tx: Tx, orgId: string, q: { status?: TenderStatus[]; projectId?: string; limit: number; after: [string, string] | null }) {
    const conds: SQL[] = [eq(tenders.organizationId, orgId)];
    if (q.status?.length) conds.push(inArray(tenders.status, q.status));
    if (q.projectId) conds.push(eq(tenders.projectId, q.projectId));
    if (q.after) conds.push(or(lt(tenders.updatedAt, new Date(q.after[0])), and(eq(tenders.updatedAt, new Date(q.after[0])), lt(tenders.id, q.after[1])))!);
    return tx.select().from(tenders).where(and(...conds)).orderBy(desc(tenders.updatedAt), desc(tenders.id)).limit(q.limit + 1);
  },

  /** Tenders of other organizations this one may see (RLS decides: published, and open to sellers or inviting it), with its invitation and bid. */
  listMarket(tx: Tx, orgId: string, q: { status?: TenderStatus[]; view: 'all' | 'invited' | 'bid'; limit: number; after: [string, string] | null }) {
    const invited = sql<boolean>`exists (select 1 from tender_invitations i where i.tender_id = ${tenders.id} and i.supplier_org_id = ${orgId})`;
    const conds: SQL[] = [ne(tenders.organizationId, orgId), isNotNull(tenders.publishedAt)];
    if (q.status?.length) conds.push(inArray(tenders.status, q.status));
    if (q.view === 'invited') conds.push(invited);
    if (q.view === 'bid') conds.push(sql`exists (select 1 from bids b where b.tender_id = ${tenders.id} and b.organization_id = ${orgId})`);
    if (q.after) conds.push(or(lt(tenders.deadline, new Date(q.after[0])), and(eq(tenders.deadline, new Date(q.after[0])), lt(tenders.id, q.after[1])))!);
    return tx
      .select({ t: tenders, invited, myBid: bids.status })
      .from(tenders)
      .leftJoin(bids, and(eq(bids.tenderId, tenders.id), eq(bids.organizationId, orgId)))
      .where(and(...conds))
      .orderBy(desc(tenders.deadline), desc(tenders.id))
      .limit(q.limit + 1);
  },

  async projectTitle(tx: Tx, projectId: string): Promise<string | null> {
    return (await tx.select({ title: projects.title }).from(projects).where(eq(projects.id, projectId)).limit(1))[0]?.title ?? null;
  },

  invitations(tx: Tx, tenderId: string) {
    return tx
      .select({ supplierId: tenderInvitations.supplierId, supplierOrgId: tenderInvitations.supplierOrgId, invitedAt: tenderInvitations.invitedAt, name: suppliers.name })
      .from(tenderInvitations)
      .leftJoin(suppliers, eq(suppliers.id, tenderInvitations.supplierId))
      .where(eq(tenderInvitations.tenderId, tenderId))
      .orderBy(asc(suppliers.name));
  },

  async addInvitations(tx: Tx, rows: (typeof tenderInvitations.$inferInsert)[]): Promise<string[]> {
    if (!rows.length) return [];
    const r = await tx.insert(tenderInvitations).values(rows).onConflictDoNothing().returning({ org: tenderInvitations.supplierOrgId });
    return r.map((x) => x.org);
  },

  async removeInvitations(tx: Tx, tenderId: string, keepOrgIds: string[]): Promise<void> {
    await tx.delete(tenderInvitations).where(keepOrgIds.length ? and(eq(tenderInvitations.tenderId, tenderId), notInArray(tenderInvitations.supplierOrgId, keepOrgIds)) : eq(tenderInvitations.tenderId, tenderId));
  },

  documents(tx: Tx, tenderId: string) {
    return tx.select(docMeta).from(tenderDocuments).where(eq(tenderDocuments.tenderId, tenderId)).orderBy(asc(tenderDocuments.createdAt), asc(tenderDocuments.name));
  },

  async document(tx: Tx, tenderId: string, id: string) {
    return (await tx.select().from(tenderDocuments).where(and(eq(tenderDocuments.tenderId, tenderId), eq(tenderDocuments.id, id))).limit(1))[0] ?? null;
  },

  async insertDocument(tx: Tx, values: typeof tenderDocuments.$inferInsert) {
    return (await tx.insert(tenderDocuments).values(values).returning(docMeta))[0]!;
  },

  async deleteDocument(tx: Tx, tenderId: string, id: string): Promise<boolean> {
    return (await tx.delete(tenderDocuments).where(and(eq(tenderDocuments.tenderId, tenderId), eq(tenderDocuments.id, id))).returning({ id: tenderDocuments.id })).length > 0;
  },

  /** A supplier's download, written by the supplier for the buyer's eyes only (no RETURNING: it may not read the row). */
  async recordDownload(tx: Tx, values: typeof tenderDownloads.$inferInsert): Promise<void> {
    await tx.insert(tenderDownloads).values(values);
  },

  downloads(tx: Tx, tenderId: string) {
    return tx
      .select({ supplierOrgId: tenderDownloads.supplierOrgId, documentId: tenderDownloads.documentId, documentName: tenderDocuments.name, at: tenderDownloads.at })
      .from(tenderDownloads)
      .innerJoin(tenderDocuments, eq(tenderDocuments.id, tenderDownloads.documentId))
      .where(eq(tenderDownloads.tenderId, tenderId))
      .orderBy(desc(tenderDownloads.at));
  },

  /** Organizations that downloaded a tender's documents (the buyer's read), to tell them of amendments. */
  async downloaders(tx: Tx, tenderId: string): Promise<string[]> {
    const r = await tx.selectDistinct({ org: tenderDownloads.supplierOrgId }).from(tenderDownloads).where(eq(tenderDownloads.tenderId, tenderId));
    return r.map((x) => x.org);
  },

  keys(tx: Tx, tenderId: string): Promise<TenderKeyRow[]> {
    return tx.select().from(tenderKeys).where(eq(tenderKeys.tenderId, tenderId)).orderBy(asc(tenderKeys.envelope));
  },

  async insertKeys(tx: Tx, rows: (typeof tenderKeys.$inferInsert)[]): Promise<void> {
    await tx.insert(tenderKeys).values(rows);
  },

  async publishSecret(tx: Tx, tenderId: string, envelope: string, secret: Buffer): Promise<void> {
    await tx.update(tenderKeys).set({ secret }).where(and(eq(tenderKeys.tenderId, tenderId), eq(tenderKeys.envelope, envelope)));
  },

  keyHolders(tx: Tx, orgId: string) {
    return tx
      .select({ userId: member.userId, name: user.name, email: user.email, record: keyHolders.record })
      .from(member)
      .innerJoin(user, eq(user.id, member.userId))
      .leftJoin(keyHolders, and(eq(keyHolders.userId, member.userId), eq(keyHolders.organizationId, orgId)))
      .where(eq(member.organizationId, orgId))
      .orderBy(asc(user.name));
  },

  async enrolKeyHolder(tx: Tx, orgId: string, userId: string, record: Record<string, unknown>, at: Date): Promise<void> {
    await tx
      .insert(keyHolders)
      .values({ organizationId: orgId, userId, record, createdAt: at })
      .onConflictDoUpdate({ target: [keyHolders.organizationId, keyHolders.userId], set: { record, createdAt: at } });
  },

  amendments(tx: Tx, tenderId: string) {
    return tx.select().from(tenderAmendments).where(eq(tenderAmendments.tenderId, tenderId)).orderBy(asc(tenderAmendments.at));
  },

  async insertAmendment(tx: Tx, values: typeof tenderAmendments.$inferInsert): Promise<string> {
    return (await tx.insert(tenderAmendments).values(values).returning({ id: tenderAmendments.id }))[0]!.id;
  },

  /** The buyer sees every question; a supplier its own (RLS). Never who asked, in what this returns. */
  questions(tx: Tx, tenderId: string) {
    return tx.select({ id: tenderQuestions.id, question: tenderQuestions.question, askedAt: tenderQuestions.askedAt, clarificationId: tenderQuestions.clarificationId }).from(tenderQuestions).where(eq(tenderQuestions.tenderId, tenderId)).orderBy(asc(tenderQuestions.askedAt));
  },

  async question(tx: Tx, tenderId: string, id: string) {
    return (await tx.select().from(tenderQuestions).where(and(eq(tenderQuestions.tenderId, tenderId), eq(tenderQuestions.id, id))).limit(1).for('update'))[0] ?? null;
  },

  /** A supplier's question (no RETURNING beyond its id: the asker reads its own). */
  async insertQuestion(tx: Tx, values: typeof tenderQuestions.$inferInsert): Promise<void> {
    await tx.insert(tenderQuestions).values(values);
  },

  async answerQuestion(tx: Tx, id: string, clarificationId: string): Promise<boolean> {
    const r = await tx.update(tenderQuestions).set({ clarificationId }).where(and(eq(tenderQuestions.id, id), sql`${tenderQuestions.clarificationId} is null`)).returning({ id: tenderQuestions.id });
    return r.length > 0;
  },

  clarifications(tx: Tx, tenderId: string) {
    return tx.select().from(tenderClarifications).where(eq(tenderClarifications.tenderId, tenderId)).orderBy(asc(tenderClarifications.publishedAt));
  },

  async insertClarification(tx: Tx, values: typeof tenderClarifications.$inferInsert): Promise<string> {
    return (await tx.insert(tenderClarifications).values(values).returning({ id: tenderClarifications.id }))[0]!.id;
  },

  /** Active bids before the opening, for the buyer of a tender that shows it (a SECURITY DEFINER function: the bids themselves stay hidden). */
  async bidCount(tx: Tx, tenderId: string): Promise<number | null> {
    const r = await tx.execute(sql`select tender_bid_count(${tenderId}) as n`);
    return (r.rows[0] as { n: number | null }).n;
  },

  async validBidCount(tx: Tx, tenderId: string): Promise<number | null> {
    const r = await tx.execute(sql`select tender_valid_bid_count(${tenderId}) as n`);
    return (r.rows[0] as { n: number | null }).n;
  },

  async members(tx: Tx, orgId: string, ids: string[]): Promise<Set<string>> {
    if (!ids.length) return new Set();
    const rows = await tx.select({ id: member.userId }).from(member).where(and(eq(member.organizationId, orgId), inArray(member.userId, ids)));
    return new Set(rows.map((r) => r.id));
  },

  /** Registry entries of the buyer, by id (for invitations). */
  registry(tx: Tx, ids: string[]) {
    if (!ids.length) return Promise.resolve([]);
    return tx.select().from(suppliers).where(inArray(suppliers.id, ids));
  },

  async invitationOf(tx: Tx, tenderId: string, orgId: string) {
    return (await tx.select().from(tenderInvitations).where(and(eq(tenderInvitations.tenderId, tenderId), eq(tenderInvitations.supplierOrgId, orgId))).limit(1))[0] ?? null;
  },

  async setAmendmentHash(tx: Tx, id: string, hash: string): Promise<void> {
    await tx.update(tenderAmendments).set({ freezeHash: hash }).where(eq(tenderAmendments.id, id));
  },

  /** Organizations with an active bid (a SECURITY DEFINER function for the platform's notices; never shown to the buyer). */
  async bidderOrgs(tx: Tx, tenderId: string): Promise<string[]> {
    const r = await tx.execute(sql`select tender_bidder_orgs(${tenderId}) as org`);
    return (r.rows as { org: string }[]).map((x) => x.org);
  },

  async askers(tx: Tx, tenderId: string): Promise<string[]> {
    const r = await tx.selectDistinct({ org: tenderQuestions.askerOrgId }).from(tenderQuestions).where(eq(tenderQuestions.tenderId, tenderId));
    return r.map((x) => x.org);
  },
};
