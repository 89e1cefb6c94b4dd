// The buyer's expert pool (its own rows; an expert reads the entries naming them).
import { and, asc, eq } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { experts } from '../../db/schema/index';

export type ExpertRow = typeof experts.$inferSelect;

export const expertRepo = {
  list(tx: Tx, orgId: string): Promise<ExpertRow[]> {
    return tx.select().from(experts).where(eq(experts.organizationId, orgId)).orderBy(asc(experts.createdAt));
  },
  async get(tx: Tx, orgId: string, userId: string): Promise<ExpertRow | null> {
    return (await tx.select().from(experts).where(and(eq(experts.organizationId, orgId), eq(experts.userId, userId))).limit(1))[0] ?? null;
  },
  /** False when the person is in the pool already (once per pool, by the primary key). */
  async insert(tx: Tx, v: typeof experts.$inferInsert): Promise<boolean> {
    return (await tx.insert(experts).values(v).onConflictDoNothing().returning({ u: experts.userId })).length > 0;
  },
  async update(tx: Tx, orgId: string, userId: string, set: Partial<typeof experts.$inferInsert>): Promise<ExpertRow | null> {
    return (await tx.update(experts).set(set).where(and(eq(experts.organizationId, orgId), eq(experts.userId, userId))).returning())[0] ?? null;
  },
};
