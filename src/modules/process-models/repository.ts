// Data access for the organization's own process models (the built-in ones live
// in src/domain/process-models and are never stored).
import { and, asc, eq } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { opportunities, processModels } from '../../db/schema/index';

export type ProcessModelRow = typeof processModels.$inferSelect;

export const processModelRepo = {
  /** The organization's model with this key, unless archived; null if none. */
  async byKey(tx: Tx, key: string): Promise<ProcessModelRow | null> {
    return (await tx.select().from(processModels).where(and(eq(processModels.key, key), eq(processModels.archived, 0))).limit(1))[0] ?? null;
  },

  /** Whether a model (archived or not) already has this key. */
  async keyTaken(tx: Tx, key: string): Promise<boolean> {
    return (await tx.select({ id: processModels.id }).from(processModels).where(eq(processModels.key, key)).limit(1)).length > 0;
  },

  list: (tx: Tx) => tx.select().from(processModels).where(eq(processModels.archived, 0)).orderBy(asc(processModels.createdAt)),

  /** The stages opportunities on this model are in. */
  async stagesInUse(tx: Tx, key: string): Promise<string[]> {
    return (await tx.selectDistinct({ stage: opportunities.stage }).from(opportunities).where(eq(opportunities.processModel, key))).map((r) => r.stage);
  },

  async insert(tx: Tx, values: typeof processModels.$inferInsert): Promise<ProcessModelRow> {
    const [row] = await tx.insert(processModels).values(values).returning();
    return row!;
  },

  async update(tx: Tx, id: string, patch: Pick<typeof processModels.$inferInsert, 'name' | 'stages'>): Promise<ProcessModelRow> {
    const [row] = await tx.update(processModels).set({ ...patch, updatedAt: new Date() }).where(eq(processModels.id, id)).returning();
    return row!;
  },
};
