// Data access for contacts. Reads carry when we last met the contact (the latest
// interaction of its account that names it).
import { and, asc, eq, gt, ilike, or, sql, type SQL } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { accounts, contacts, interactions } from '../../db/schema/index';

export type ContactRow = typeof contacts.$inferSelect;
export type NewContact = typeof contacts.$inferInsert;

const lastContactAt = sql<Date | null>`(select max(i.occurred_at) from ${interactions} i where i.account_id = "contacts"."account_id" and "contacts"."id" = any(i.contact_ids))`;

export const contactRepo = {
  /** A page by name, then id, with one more row than asked to tell whether another page follows. */
  page(tx: Tx, q: { accountId?: string; q?: string; role?: string[]; after: [string, string] | null; limit: number }) {
    const conds: SQL[] = [];
    if (q.accountId) conds.push(eq(contacts.accountId, q.accountId));
    if (q.q) conds.push(ilike(contacts.name, `%${q.q.replace(/[%_\\]/g, (m) => `\\${m}`)}%`));
    if (q.role?.length) conds.push(sql`${contacts.buyingRoles} && ${sql.param(q.role)}::text[]`);
    if (q.after) conds.push(or(gt(contacts.name, q.after[0]), and(eq(contacts.name, q.after[0]), gt(contacts.id, q.after[1])))!);
    return tx
      .select({ c: contacts, last: lastContactAt })
      .from(contacts)
      .where(conds.length ? and(...conds) : undefined)
      .orderBy(asc(contacts.name), asc(contacts.id))
      .limit(q.limit + 1);
  },

  /** One contact with when we last met it, or null. */
  async withLastContact(tx: Tx, id: string) {
    return (await tx.select({ c: contacts, last: lastContactAt }).from(contacts).where(eq(contacts.id, id)).limit(1))[0] ?? null;
  },

  async get(tx: Tx, id: string): Promise<ContactRow | null> {
    return (await tx.select().from(contacts).where(eq(contacts.id, id)).limit(1))[0] ?? null;
  },

  async accountExists(tx: Tx, id: string): Promise<boolean> {
    return (await tx.select({ id: accounts.id }).from(accounts).where(eq(accounts.id, id)).limit(1)).length > 0;
  },

  /** The ids above a contact in the reporting line, nearest first (at most 50 levels). */
  async chainAbove(tx: Tx, reportsToId: string): Promise<string[]> {
    const r = await tx.execute<{ id: string }>(sql`
      with recursive up(id, depth) as (
        select ${reportsToId}::uuid, 0
        union all
        select c.reports_to_id, up.depth + 1 from ${contacts} c join up on c.id = up.id where c.reports_to_id is not null and up.depth < 50
      ) select id from up`);
    return (r.rows as { id: string }[]).map((x) => x.id);
  },

  async insert(tx: Tx, values: NewContact): Promise<ContactRow> {
    const [row] = await tx.insert(contacts).values(values).returning();
    return row!;
  },

  async update(tx: Tx, id: string, patch: Partial<NewContact>): Promise<void> {
    await tx.update(contacts).set({ ...patch, updatedAt: new Date() }).where(eq(contacts.id, id));
  },

  /** Deletes a contact; those who reported to it now report to its manager. */
  async removeKeepingLine(tx: Tx, before: ContactRow): Promise<void> {
    await tx.update(contacts).set({ reportsToId: before.reportsToId }).where(eq(contacts.reportsToId, before.id));
    await tx.delete(contacts).where(eq(contacts.id, before.id));
  },
};
