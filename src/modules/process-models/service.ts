// Process models: the three built-in ones (src/domain/process-models) and each
// organization's own, stored in process_models and validated by the domain.
import { and, asc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { BUILT_IN_MODELS, getBuiltInModel, validateProcessModel, type ProcessModel } from '../../domain/process-models';
import type { Db, Tx } from '../../db/client';
import { opportunities, processModels } from '../../db/schema/index';
import { readTenant, withTenant, type TenantContext } from '../../db/tenant';
import { AppError, forbidden, issuesError, notFound } from '../../server/errors';
import { recordActivity } from '../shared/activity';
import { orgPolicy } from '../organizations/policy';
import type { ProcessModelCreate, ProcessModelPatch } from './schema';
import { text } from '../../domain/i18n';

function fromRow(r: typeof processModels.$inferSelect): ProcessModel {
  return { key: r.key, name: r.name, builtIn: false, stages: r.stages as ProcessModel['stages'] };
}

function validated(input: unknown): ProcessModel {
  const v = validateProcessModel(input as never);
  if (!v.ok) {
    throw issuesError(v.issues.map((i) => ({ field: `body.${i.path}`, message: i.message.text, code: i.message.code })));
  }
  return v.model;
}

export const processModelService = {
  /** The model an opportunity uses: built-in by key, or the organization's own. */
  async resolve(tx: Tx, key: string): Promise<ProcessModel | null> {
    const builtIn = getBuiltInModel(key);
    if (builtIn) return builtIn;
    const rows = await tx.select().from(processModels).where(and(eq(processModels.key, key), eq(processModels.archived, 0))).limit(1);
    return rows[0] ? fromRow(rows[0]) : null;
  },

  async list(db: Db, ctx: TenantContext) {
    const rows = await readTenant(db, ctx, (tx) => tx.select().from(processModels).where(eq(processModels.archived, 0)).orderBy(asc(processModels.createdAt)));
    return [...BUILT_IN_MODELS, ...rows.map(fromRow)];
  },

  async create(db: Db, ctx: TenantContext, input: z.infer<typeof ProcessModelCreate>) {
    if (!orgPolicy.editSettings(ctx.role)) throw forbidden('process_model.forbidden', text('只有所有者和管理员可以定义采购流程模型。', 'Only owners and admins define process models.'));
    if (getBuiltInModel(input.key)) throw new AppError('conflict', 'process_model.key_taken', text('内置模型已使用这个标识。', 'A built-in model has this key.'), [{ field: 'body.key', message: text('是内置模型的标识', 'is the key of a built-in model'), code: 'key_taken' }]);
    const model = validated({ ...input, builtIn: false });
    return withTenant(db, ctx, async (tx) => {
      const exists = await tx.select({ id: processModels.id }).from(processModels).where(eq(processModels.key, input.key)).limit(1);
      if (exists.length) throw new AppError('conflict', 'process_model.key_taken', text('已有使用这个标识的模型。', 'A model with this key exists.'), [{ field: 'body.key', message: text('已被占用', 'is taken'), code: 'key_taken' }]);
      const [row] = await tx.insert(processModels).values({ organizationId: ctx.orgId, key: model.key, name: model.name, stages: model.stages }).returning();
      await recordActivity(tx, ctx, { entityType: 'process_model', entityId: row!.id, action: 'process_model.created', data: { key: model.key } });
      return fromRow(row!);
    });
  },

  async update(db: Db, ctx: TenantContext, key: string, patch: z.infer<typeof ProcessModelPatch>) {
    if (!orgPolicy.editSettings(ctx.role)) throw forbidden('process_model.forbidden', text('只有所有者和管理员可以定义采购流程模型。', 'Only owners and admins define process models.'));
    return withTenant(db, ctx, async (tx) => {
      const rows = await tx.select().from(processModels).where(and(eq(processModels.key, key), eq(processModels.archived, 0))).limit(1);
      const row = rows[0];
      if (!row) throw notFound('process_model');
      const next = validated({ ...fromRow(row), ...patch });
      if (patch.stages) {
        // Stages in use by opportunities may be renamed but not removed.
        const used = await tx.selectDistinct({ stage: opportunities.stage }).from(opportunities).where(eq(opportunities.processModel, key));
        const keys = new Set(next.stages.map((s) => s.key));
        const missing = used.map((u) => u.stage).filter((s) => !keys.has(s));
        if (missing.length) {
          const list = missing.join(', ');
          throw new AppError('state', 'process_model.stage_in_use', text(`仍有商机处于这些阶段：${list}。`, `Stages still used by opportunities: ${list}.`), [
            { field: 'body.stages', message: text(`必须保留仍在使用的阶段：${list}`, `must keep stages in use: ${list}`), code: 'stage_in_use' },
          ]);
        }
      }
      const [after] = await tx.update(processModels).set({ name: next.name, stages: next.stages, updatedAt: new Date() }).where(eq(processModels.id, row.id)).returning();
      await recordActivity(tx, ctx, { entityType: 'process_model', entityId: row.id, action: 'process_model.updated', data: { key } });
      return fromRow(after!);
    });
  },
};
