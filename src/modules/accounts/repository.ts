import { and, asc, desc, eq, gt, ilike, inArray, lt, or, sql, type SQL } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { accounts, contacts, opportunities } from '../../db/schema/index';

export type AccountRow = typeof accounts.$inferSelect;

const counts = {
  openOpportunities: sql<number>`(select count(*)::int from ${opportunities} o where o.account_id = "accounts"."id" and o.outcome = 'open')`,
  contacts: sql<number>`(select count(*)::int from ${contacts} c where c.account_id = "accounts"."id")`,
};

export const accountRepo = {
  async list(
    tx: Tx,
    q: { q?: string; industry?: string[]; sort: 'name' | 'updatedAt' | 'createdAt'; order: 'asc' | 'desc'; limit: number; after: unknown[] | null },
  ) {
    const col = q.sort === 'name' ? accounts.name : q.sort === 'updatedAt' ? accounts.updatedAt : accounts.createdAt;
    const conds: SQL[] = [];
    if (q.q) conds.push(ilike(accounts.name, `%${q.q.replace(/[%_\\]/g, (m) => `\\${m}`)}%`));
    if (q.industry?.length) conds.push(inArray(accounts.industry, q.industry));
    if (q.after) {
      const [v, id] = q.after as [string, string];
      const value = q.sort === 'name' ? v : new Date(v);
      const cmp = q.order === 'asc' ? gt : lt;
      conds.push(or(cmp(col, value), and(eq(col, value), cmp(accounts.id, id)))!);
    }
    const dir = q.order === 'asc' ? asc : desc;
    return tx
      .select({ a: accounts, ...counts })
      .from(accounts)
      .where(conds.length ? and(...conds) : undefined)
      .orderBy(dir(col), dir(accounts.id))
      .limit(q.limit + 1);
  },
  async get(tx: Tx, id: string) {
    const rows = await tx.select({ a: accounts, ...counts }).from(accounts).where(eq(accounts.id, id)).limit(1);
    return rows[0] ?? null;
  },
  async insert(tx: Tx, values: typeof accounts.$inferInsert) {
    const [row] = await tx.insert(accounts).values(values).returning();
    return row!;
  },
  async update(tx: Tx, id: string, patch: Partial<typeof accounts.$inferInsert>) {
    const [row] = await tx.update(accounts).set({ ...patch, updatedAt: new Date() }).where(eq(accounts.id, id)).returning();
    return row ?? null;
  },
  async remove(tx: Tx, id: string) {
    await tx.delete(accounts).where(eq(accounts.id, id));
  },
  async opportunityCount(tx: Tx, id: string) {
    const rows = await tx.select({ n: sql<number>`count(*)::int` }).from(opportunities).where(eq(opportunities.accountId, id));
    return rows[0]?.n ?? 0;
  },
};
