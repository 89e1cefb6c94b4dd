// The supplier registry and certifications: this module's tables. The buyer's
// rows (tenant rule); a supplier organization reads its own entries and writes
// its applications through the narrower policies of src/db/schema/buy.ts.
import { and, asc, desc, eq, ilike, inArray, sql, type SQL } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { certificationDocuments, certifications, suppliers, user } from '../../db/schema/index';

export type SupplierRow = typeof suppliers.$inferSelect;
export type CertRow = typeof certifications.$inferSelect & { reviewerName: string | null };

const certColumns = { c: certifications, reviewerName: user.name };

export const supplierRepo = {
  /** The buyer's registry (tenant rule: the buyer's own rows). */
  list(tx: Tx, orgId: string, q: { q?: string; category?: string; certified?: boolean }) {
    const conds: SQL[] = [eq(suppliers.organizationId, orgId)];
    if (q.q) conds.push(ilike(suppliers.name, `%${q.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`));
    if (q.category || q.certified !== undefined) {
      const certified = sql`exists (select 1 from certifications c where c.supplier_id = ${suppliers.id} and c.status = 'certified'${q.category ? sql` and c.category = ${q.category}` : sql``})`;
      conds.push(q.certified === false ? sql`not ${certified}` : certified);
    }
    return tx.select().from(suppliers).where(and(...conds)).orderBy(asc(suppliers.name)).limit(500);
  },

  async get(tx: Tx, id: string, opts: { forUpdate?: boolean } = {}) {
    const q = tx.select().from(suppliers).where(eq(suppliers.id, id)).limit(1);
    return (await (opts.forUpdate ? q.for('update') : q))[0] ?? null;
  },

  async byOrg(tx: Tx, buyerOrgId: string, supplierOrgId: string) {
    return (await tx.select().from(suppliers).where(and(eq(suppliers.organizationId, buyerOrgId), eq(suppliers.supplierOrgId, supplierOrgId))).limit(1))[0] ?? null;
  },

  /** Inserts an entry; null when this supplier organization is in the registry already. */
  async insert(tx: Tx, values: typeof suppliers.$inferInsert) {
    const rows = await tx.insert(suppliers).values(values).onConflictDoNothing().returning();
    return rows[0] ?? null;
  },

  /** A supplier's own entries with the buyers it is registered with. */
  registrations(tx: Tx, supplierOrgId: string) {
    return tx.select().from(suppliers).where(eq(suppliers.supplierOrgId, supplierOrgId)).orderBy(desc(suppliers.createdAt));
  },

  async certsOf(tx: Tx, supplierIds: string[]): Promise<CertRow[]> {
    if (!supplierIds.length) return [];
    const rows = await tx.select(certColumns).from(certifications).leftJoin(user, eq(user.id, certifications.reviewerId)).where(inArray(certifications.supplierId, supplierIds)).orderBy(asc(certifications.category));
    return rows.map((r) => ({ ...r.c, reviewerName: r.reviewerName }));
  },

  async cert(tx: Tx, id: string, opts: { forUpdate?: boolean } = {}): Promise<CertRow | null> {
    if (opts.forUpdate) {
      const rows = await tx.select().from(certifications).where(eq(certifications.id, id)).limit(1).for('update');
      return rows[0] ? { ...rows[0], reviewerName: null } : null;
    }
    const rows = await tx.select(certColumns).from(certifications).leftJoin(user, eq(user.id, certifications.reviewerId)).where(eq(certifications.id, id)).limit(1);
    return rows[0] ? { ...rows[0].c, reviewerName: rows[0].reviewerName } : null;
  },

  async certFor(tx: Tx, supplierId: string, category: string) {
    return (await tx.select().from(certifications).where(and(eq(certifications.supplierId, supplierId), eq(certifications.category, category))).limit(1).for('update'))[0] ?? null;
  },

  async insertCert(tx: Tx, values: typeof certifications.$inferInsert) {
    const rows = await tx.insert(certifications).values(values).onConflictDoNothing().returning({ id: certifications.id });
    return rows[0]?.id ?? null;
  },

  /** Whether the row was changed (row-level security, or a status changed meanwhile, can leave it as it was). */
  async updateCert(tx: Tx, id: string, patch: Partial<typeof certifications.$inferInsert>, opts: { fromStatus?: string } = {}): Promise<boolean> {
    const r = await tx
      .update(certifications)
      .set(patch)
      .where(and(eq(certifications.id, id), opts.fromStatus ? eq(certifications.status, opts.fromStatus) : undefined))
      .returning({ id: certifications.id });
    return r.length === 1;
  },

  documents(tx: Tx, certIds: string[]) {
    if (!certIds.length) return Promise.resolve([]);
    return tx
      .select({ id: certificationDocuments.id, certificationId: certificationDocuments.certificationId, name: certificationDocuments.name, mediaType: certificationDocuments.mediaType, size: certificationDocuments.size, sha256: certificationDocuments.sha256 })
      .from(certificationDocuments)
      .where(inArray(certificationDocuments.certificationId, certIds))
      .orderBy(asc(certificationDocuments.createdAt));
  },

  async document(tx: Tx, id: string) {
    return (await tx.select().from(certificationDocuments).where(eq(certificationDocuments.id, id)).limit(1))[0] ?? null;
  },

  async insertDocument(tx: Tx, values: typeof certificationDocuments.$inferInsert) {
    await tx.insert(certificationDocuments).values(values);
  },

  /** The supplier organization accepts a buyer's e-mail invitation (one SECURITY DEFINER function: migration 0005). */
  async acceptInvite(tx: Tx, tokenHash: string): Promise<string | null> {
    const r = await tx.execute(sql`select accept_supplier_invite(${tokenHash}) as buyer`);
    return (r.rows[0] as { buyer: string | null }).buyer;
  },

  /** Certifications of one buyer past their validity: the clock's expiry (owner connection, scheduled). */
  expireDue: (now: Date) =>
    sql`update certifications set status = 'expired', updated_at = ${now.toISOString()}::timestamptz
        where status in ('certified', 'suspended') and valid_until <= ${now.toISOString()}::timestamptz
        returning id, organization_id, supplier_id, supplier_org_id, category`,
};
