// Procurement projects (采购项目): made from an approved requisition, with a
// purchasing team, moved through the buyer's process model by what the buyer
// does (domain/buy/project.ts). Other modules move a project only through
// `advance` (a requisition approved, a tender published, opened, failed …).
import type { z } from 'zod';
import type { Db, Tx } from '../../db/client';
import { readTenant, withTenant, type TenantContext } from '../../db/tenant';
import { BUY_ACTION_LABELS, stageAfter, type BuyAction } from '../../domain/buy/project';
import { text } from '../../domain/i18n';
import { getBuiltInModel, getStage, type ProcessModel } from '../../domain/process-models';
import { forbidden, notFound, unknownRef } from '../../server/errors';
import { recordAudit } from '../audit/service';
import { recordActivity } from '../shared/activity';
import { CursorKey, decodeCursor, encodeCursor } from '../shared/http';
import { requireBuyer } from '../shared/sides';
import { projectPolicy } from './policy';
import { projectRepo, type ProjectRow } from './repository';
import type { ProjectListQuery, TeamBody } from './schema';

const DEFAULT_BUY_MODEL = 'internal-8';
const modelOf = (key: string): ProcessModel => getBuiltInModel(key) ?? getBuiltInModel(DEFAULT_BUY_MODEL)!;

function presentSummary(p: ProjectRow, tenders: number) {
  const model = modelOf(p.processModel);
  const stage = getStage(model, p.stage);
  return {
    id: p.id,
    number: p.number,
    title: p.title,
    requisitionId: p.requisitionId,
    processModel: p.processModel,
    stage: p.stage,
    stageName: stage?.name ?? text(p.stage, p.stage),
    stageEnteredAt: p.stageEnteredAt.toISOString(),
    budget: String(p.budget),
    currency: p.currency,
    status: p.status as 'open' | 'closed',
    tenders,
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
  };
}

/** Moves a project's stage for a buy-side action, recording it in the timeline and the audit chain. Inside the caller's transaction. */
export async function advance(tx: Tx, ctx: Pick<TenantContext, 'orgId' | 'userId'>, projectId: string, action: BuyAction, now: Date, data: Record<string, unknown> = {}): Promise<void> {
  const p = await projectRepo.get(tx, projectId, { forUpdate: true });
  if (!p) throw notFound('project');
  const next = stageAfter(modelOf(p.processModel), p.stage, action);
  if (next.moved) await projectRepo.update(tx, p.id, { stage: next.stageKey, stageEnteredAt: now });
  await recordActivity(tx, ctx, { entityType: 'project', entityId: p.id, projectId: p.id, action: `project.${action}`, data: { ...data, from: p.stage, to: next.stageKey, label: BUY_ACTION_LABELS[action] } });
}

export const projectService = {
  /** The project of a requisition just approved (once, even when approvals race). Inside the approval's transaction. */
  async createFromRequisition(tx: Tx, ctx: Pick<TenantContext, 'orgId' | 'userId'>, r: { id: string; number: string; title: string; total: string; currency: string }, now: Date) {
    const model = modelOf(DEFAULT_BUY_MODEL);
    const stage = stageAfter(model, model.stages[0]!.key, 'requisition_approved').stageKey;
    const row = await projectRepo.insert(tx, {
      organizationId: ctx.orgId,
      requisitionId: r.id,
      number: r.number.replace(/^PR-/, 'PJ-'),
      title: r.title,
      processModel: model.key,
      stage,
      stageEnteredAt: now,
      budget: r.total,
      currency: r.currency,
    });
    if (!row) return projectRepo.byRequisition(tx, r.id);
    await recordActivity(tx, ctx, { entityType: 'project', entityId: row.id, projectId: row.id, action: 'project.requisition_approved', data: { requisition: r.number, budget: r.total, to: stage, label: BUY_ACTION_LABELS.requisition_approved } });
    await recordAudit(tx, ctx, { at: now, action: 'project.created', subjectId: row.id, data: { requisitionId: r.id, budget: r.total, currency: r.currency } });
    return row;
  },

  async list(db: Db, ctx: TenantContext, q: z.infer<typeof ProjectListQuery>) {
    requireBuyer(ctx);
    const after = decodeCursor(q.cursor, [CursorKey.isoTime, CursorKey.id]);
    const rows = await readTenant(db, ctx, (tx) => projectRepo.list(tx, ctx.orgId, { ...q, after }));
    const page = rows.slice(0, q.limit);
    const last = page[page.length - 1];
    return { items: page.map((r) => presentSummary(r.p, r.tenders)), nextCursor: rows.length > q.limit && last ? encodeCursor([last.p.updatedAt.toISOString(), last.p.id]) : null };
  },

  async get(db: Db, ctx: TenantContext, id: string) {
    requireBuyer(ctx);
    return readTenant(db, ctx, async (tx) => {
      const p = await projectRepo.get(tx, id);
      if (!p) throw notFound('project');
      const [team, tenderList] = [await projectRepo.team(tx, id), await projectRepo.tendersOf(tx, id)];
      return {
        ...presentSummary(p, tenderList.length),
        team: team.map((m) => ({ ...m, roles: m.roles as never[] })),
        stages: modelOf(p.processModel).stages.map((s) => ({ key: s.key, name: s.name })),
        tenderList: tenderList.map((t) => ({ ...t, deadline: t.deadline.toISOString() })),
      };
    });
  },

  /** Sets the purchasing team; the first team formed moves the project on. */
  async setTeam(deps: { db: Db; clock: { now(): Date } }, ctx: TenantContext, id: string, body: z.infer<typeof TeamBody>) {
    requireBuyer(ctx);
    if (!projectPolicy.manageTeam(ctx.role)) throw forbidden('project.forbidden', text('只有经理及以上可以组建采购小组。', 'Managers and up form the purchasing team.'));
    await withTenant(deps.db, ctx, async (tx) => {
      const p = await projectRepo.get(tx, id, { forUpdate: true });
      if (!p) throw notFound('project');
      const ids = [...new Set(body.members.map((m) => m.userId))];
      const known = await projectRepo.members(tx, ctx.orgId, ids);
      body.members.forEach((m, i) => {
        if (!known.has(m.userId)) throw unknownRef(`body.members.${i}.userId`, 'member');
      });
      const before = await projectRepo.team(tx, id);
      await projectRepo.replaceTeam(tx, ctx.orgId, id, body.members);
      await recordActivity(tx, ctx, { entityType: 'project', entityId: id, projectId: id, action: 'project.team_set', data: { members: body.members.length } });
      if (!before.length && body.members.length) await advance(tx, ctx, id, 'team_formed', deps.clock.now());
      await recordAudit(tx, ctx, { at: deps.clock.now(), action: 'project.team_set', subjectId: id, data: { members: body.members.map((m) => ({ userId: m.userId, roles: m.roles })) } });
    });
    return projectService.get(deps.db, ctx, id);
  },

  async timeline(db: Db, ctx: TenantContext, id: string, q: { limit: number }) {
    requireBuyer(ctx);
    return readTenant(db, ctx, async (tx) => {
      if (!(await projectRepo.get(tx, id))) throw notFound('project');
      const rows = await projectRepo.timeline(tx, id, q.limit);
      return {
        items: rows.map((r) => ({
          id: String(r.a.id),
          at: r.a.at.toISOString(),
          action: r.a.action,
          entityType: r.a.entityType,
          entityId: r.a.entityId,
          opportunityId: null,
          actorId: r.a.actorId,
          actorName: r.actorName,
          data: r.a.data,
        })),
        nextCursor: null,
      };
    });
  },
};
