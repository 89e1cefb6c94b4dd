// Process models: the three built-in ones (src/domain/process-models) and each
// organization's own, stored in process_models and validated by the domain.
import type { z } from 'zod';
import { BUILT_IN_MODELS, getBuiltInModel, validateProcessModel, type ProcessModel } from '../../domain/process-models';
import type { Db, Tx } from '../../db/client';
import { readTenant, withTenant, type TenantContext } from '../../db/tenant';
import { AppError, forbidden, issuesError, notFound } from '../../server/errors';
import { recordActivity } from '../shared/activity';
import { orgPolicy } from '../organizations/policy';
import { processModelRepo, type ProcessModelRow } from './repository';
import type { ProcessModelCreate, ProcessModelPatch } from './schema';
import { text } from '../../domain/i18n';

function fromRow(r: ProcessModelRow): ProcessModel {
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
    const row = await processModelRepo.byKey(tx, key);
    return row ? fromRow(row) : null;
  },

  async list(db: Db, ctx: TenantContext) {
    const rows = await readTenant(db, ctx, (tx) => processModelRepo.list(tx));
    return [...BUILT_IN_MODELS, ...rows.map(fromRow)];
  },

  async create(db: Db, ctx: TenantContext, input: z.infer<typeof ProcessModelCreate>) {
    if (!orgPolicy.editSettings(ctx.role)) throw forbidden('process_model.forbidden', text('只有所有者和管理员可以定义采购流程模型。', 'Only owners and admins define process models.'));
    if (getBuiltInModel(input.key)) throw new AppError('conflict', 'process_model.key_taken', text('内置模型已使用这个标识。', 'A built-in model has this key.'), [{ field: 'body.key', message: text('是内置模型的标识', 'is the key of a built-in model'), code: 'key_taken' }]);
    const model = validated({ ...input, builtIn: false });
    return withTenant(db, ctx, async (tx) => {
      if (await processModelRepo.keyTaken(tx, input.key)) throw new AppError('conflict', 'process_model.key_taken', text('已有使用这个标识的模型。', 'A model with this key exists.'), [{ field: 'body.key', message: text('已被占用', 'is taken'), code: 'key_taken' }]);
      const row = await processModelRepo.insert(tx, { organizationId: ctx.orgId, key: model.key, name: model.name, stages: model.stages });
      await recordActivity(tx, ctx, { entityType: 'process_model', entityId: row.id, action: 'process_model.created', data: { key: model.key } });
      return fromRow(row);
    });
  },

  async update(db: Db, ctx: TenantContext, key: string, patch: z.infer<typeof ProcessModelPatch>) {
    if (!orgPolicy.editSettings(ctx.role)) throw forbidden('process_model.forbidden', text('只有所有者和管理员可以定义采购流程模型。', 'Only owners and admins define process models.'));
    return withTenant(db, ctx, async (tx) => {
      const row = await processModelRepo.byKey(tx, key);
      if (!row) throw notFound('process_model');
      const next = validated({ ...fromRow(row), ...patch });
      if (patch.stages) {
        // Stages in use by opportunities may be renamed but not removed.
        const keys = new Set(next.stages.map((s) => s.key));
        const missing = (await processModelRepo.stagesInUse(tx, key)).filter((s) => !keys.has(s));
        if (missing.length) {
          const list = missing.join(', ');
          throw new AppError('state', 'process_model.stage_in_use', text(`仍有商机处于这些阶段：${list}。`, `Stages still used by opportunities: ${list}.`), [
            { field: 'body.stages', message: text(`必须保留仍在使用的阶段：${list}`, `must keep stages in use: ${list}`), code: 'stage_in_use' },
          ]);
        }
      }
      const after = await processModelRepo.update(tx, row.id, { name: next.name, stages: next.stages });
      await recordActivity(tx, ctx, { entityType: 'process_model', entityId: row.id, action: 'process_model.updated', data: { key } });
      return fromRow(after);
    });
  },
};
