// Data access for competitors (organization-wide), with how many open
// opportunities each is still in.
import { asc, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { competitors, opportunities, opportunityCompetitors } from '../../db/schema/index';

export type CompetitorRow = typeof competitors.$inferSelect;

const active = sql<number>`(select count(*)::int from ${opportunityCompetitors} oc join ${opportunities} o on o.id = oc.opportunity_id where oc.competitor_id = "competitors"."id" and o.outcome = 'open' and oc.position <> 'eliminated')`;

export const competitorRepo = {
  /** Every competitor by name, with its open opportunities. */
  listWithActive: (tx: Tx) => tx.select({ c: competitors, n: active }).from(competitors).orderBy(asc(competitors.name)),

  async activeCount(tx: Tx, id: string): Promise<number> {
    return (await tx.select({ n: active }).from(competitors).where(eq(competitors.id, id)))[0]?.n ?? 0;
  },

  async get(tx: Tx, id: string): Promise<CompetitorRow | null> {
    return (await tx.select().from(competitors).where(eq(competitors.id, id)).limit(1))[0] ?? null;
  },

  async nameTaken(tx: Tx, name: string): Promise<boolean> {
    return (await tx.select({ id: competitors.id }).from(competitors).where(eq(competitors.name, name)).limit(1)).length > 0;
  },

  /** Inserts a competitor; null when the name is taken (unique per organization). */
  async insert(tx: Tx, values: typeof competitors.$inferInsert): Promise<CompetitorRow | null> {
    return (await tx.insert(competitors).values(values).onConflictDoNothing().returning())[0] ?? null;
  },

  async update(tx: Tx, id: string, patch: Partial<typeof competitors.$inferInsert>): Promise<CompetitorRow> {
    const [row] = await tx.update(competitors).set(patch).where(eq(competitors.id, id)).returning();
    return row!;
  },
};
