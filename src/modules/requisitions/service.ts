// Requisitions (采购申请) and the approval chain: guard → state check (domain
// rules in domain/buy/approval.ts) → one transaction with the activity and
// audit records. The last approval makes the procurement project in the same
// transaction (projects service).
import type { z } from 'zod';
import type { Db } from '../../db/client';
import { readTenant, withTenant, type TenantContext } from '../../db/tenant';
import { canEdit, decide, noStepsMessage, requisitionTotal, stepsFor, type ApprovalRule } from '../../domain/buy/approval';
import { lineTotal } from '../../domain/buy/money';
import { text } from '../../domain/i18n';
import { AppError, forbidden, invalidField, notFound, unknownRef } from '../../server/errors';
import type { Clock } from '../../server/clock';
import { recordAudit } from '../audit/service';
import { projectService } from '../projects/service';
import { recordActivity } from '../shared/activity';
import { CursorKey, decodeCursor, encodeCursor } from '../shared/http';
import { requireBuyer } from '../shared/sides';
import { requisitionPolicy } from './policy';
import { requisitionRepo, type ItemRow, type ListRow, type StepRow } from './repository';
import type { ApprovalRulesBody, DecisionBody, RequisitionCreate, RequisitionListQuery, RequisitionPatch } from './schema';

type Deps = { db: Db; clock: Clock };

function presentSummary(r: ListRow, userId: string) {
  const q = r.r;
  return {
    id: q.id,
    number: q.number,
    title: q.title,
    department: q.department,
    requesterId: q.requesterId,
    requesterName: r.requesterName,
    currency: q.currency,
    total: String(q.total),
    status: q.status as never,
    waitingStep: q.status === 'submitted' ? r.waiting?.name ?? null : null,
    awaitingMe: q.status === 'submitted' && q.requesterId !== userId && !!r.waiting?.approverIds.includes(userId),
    submittedAt: q.submittedAt?.toISOString() ?? null,
    updatedAt: q.updatedAt.toISOString(),
  };
}

const presentItem = (i: ItemRow) => ({
  id: i.id,
  name: i.name,
  specification: i.specification,
  quantity: trimQuantity(String(i.quantity)),
  unit: i.unit,
  unitPrice: String(i.unitPrice),
  neededBy: i.neededBy ?? null,
  lineTotal: lineTotal(String(i.unitPrice), trimQuantity(String(i.quantity))),
});

const presentStep = (s: StepRow) => ({
  round: s.round,
  position: s.position,
  key: s.key,
  name: s.name,
  approverIds: s.approverIds,
  decision: (s.decision ?? null) as never,
  deciderId: s.deciderId,
  deciderName: s.deciderName,
  comment: s.comment,
  decidedAt: s.decidedAt?.toISOString() ?? null,
});

/** numeric(16,4) comes back as "2000.0000": the quantity as entered. */
function trimQuantity(q: string): string {
  return q.includes('.') ? q.replace(/\.?0+$/, '') : q;
}
const trimMoney = (m: string) => (m.includes('.') ? m.replace(/(\.\d*?)0+$/, '$1').replace(/\.$/, '') : m);

function itemValues(items: z.infer<typeof RequisitionCreate>['items']) {
  return items.map((i, n) => ({ position: n, name: i.name, specification: i.specification, quantity: i.quantity, unit: i.unit, unitPrice: i.unitPrice, neededBy: i.neededBy ?? null }));
}

function rulesOf(rows: Awaited<ReturnType<typeof requisitionRepo.rules>>): ApprovalRule[] {
  return rows.map((r) => ({ key: r.key, name: r.name, minAmount: trimMoney(String(r.minAmount)), department: r.department, approverIds: r.approverIds }));
}

export const requisitionService = {
  async list(db: Db, ctx: TenantContext, q: z.infer<typeof RequisitionListQuery>) {
    requireBuyer(ctx);
    const after = decodeCursor(q.cursor, [CursorKey.isoTime, CursorKey.id]);
    const rows = await readTenant(db, ctx, (tx) => requisitionRepo.list(tx, ctx.orgId, ctx.userId, { ...q, after }));
    const page = rows.slice(0, q.limit);
    const last = page[page.length - 1];
    return { items: page.map((r) => presentSummary(r, ctx.userId)), nextCursor: rows.length > q.limit && last ? encodeCursor([last.r.updatedAt.toISOString(), last.r.id]) : null };
  },

  async get(db: Db, ctx: TenantContext, id: string) {
    requireBuyer(ctx);
    return readTenant(db, ctx, async (tx) => {
      const r = await requisitionRepo.get(tx, id);
      if (!r) throw notFound('requisition');
      const [items, steps, projectId] = [await requisitionRepo.items(tx, id), await requisitionRepo.steps(tx, id), await requisitionRepo.projectOf(tx, id)];
      return { ...presentSummary(r, ctx.userId), justification: r.r.justification, round: r.r.round, items: items.map(presentItem), steps: steps.map(presentStep), projectId, createdAt: r.r.createdAt.toISOString() };
    });
  },

  async create(deps: Deps, ctx: TenantContext, input: z.infer<typeof RequisitionCreate>) {
    requireBuyer(ctx);
    const now = deps.clock.now();
    return withTenant(deps.db, ctx, async (tx) => {
      const number = await requisitionRepo.nextNumber(tx, ctx.orgId, now.getUTCFullYear());
      const total = requisitionTotal(input.items);
      const row = await requisitionRepo.insert(
        tx,
        { organizationId: ctx.orgId, number, title: input.title, department: input.department, requesterId: ctx.userId, justification: input.justification, currency: input.currency, total, status: 'draft' },
        itemValues(input.items),
      );
      await recordActivity(tx, ctx, { entityType: 'requisition', entityId: row.id, action: 'requisition.created', data: { number, total, currency: input.currency } });
      return requisitionService.getIn(tx, ctx, row.id);
    });
  },

  /** The detail inside a transaction (the answer a write returns, and stores for an Idempotency-Key). */
  async getIn(tx: Parameters<Parameters<typeof withTenant>[2]>[0], ctx: TenantContext, id: string) {
    const r = (await requisitionRepo.get(tx, id))!;
    const [items, steps, projectId] = [await requisitionRepo.items(tx, id), await requisitionRepo.steps(tx, id), await requisitionRepo.projectOf(tx, id)];
    return { ...presentSummary(r, ctx.userId), justification: r.r.justification, round: r.r.round, items: items.map(presentItem), steps: steps.map(presentStep), projectId, createdAt: r.r.createdAt.toISOString() };
  },

  async update(deps: Deps, ctx: TenantContext, id: string, patch: z.infer<typeof RequisitionPatch>) {
    requireBuyer(ctx);
    return withTenant(deps.db, ctx, async (tx) => {
      const r = await requisitionRepo.get(tx, id, { forUpdate: true });
      if (!r) throw notFound('requisition');
      if (!requisitionPolicy.edit(ctx, r.r.requesterId)) throw forbidden('requisition.forbidden', text('只有申请人可以修改采购申请。', 'Only the requester changes a requisition.'));
      const can = canEdit(r.r.status as never);
      if (!can.ok) throw new AppError('state', can.code, can.message.text);
      const values: Record<string, unknown> = {};
      for (const k of ['title', 'department', 'justification', 'currency'] as const) if (patch[k] !== undefined) values[k] = patch[k];
      if (patch.items) {
        await requisitionRepo.replaceItems(tx, ctx.orgId, id, itemValues(patch.items));
        values.total = requisitionTotal(patch.items);
      }
      // A change to a requisition in the chain takes it out: it must be submitted again, and the chain starts over.
      if (can.restarts) values.status = 'draft';
      await requisitionRepo.update(tx, id, values);
      await recordActivity(tx, ctx, { entityType: 'requisition', entityId: id, action: 'requisition.updated', data: { fields: Object.keys(values), restarted: can.restarts } });
      return requisitionService.getIn(tx, ctx, id);
    });
  },

  async submit(deps: Deps, ctx: TenantContext, id: string) {
    requireBuyer(ctx);
    const now = deps.clock.now();
    return withTenant(deps.db, ctx, async (tx) => {
      const r = await requisitionRepo.get(tx, id, { forUpdate: true });
      if (!r) throw notFound('requisition');
      if (!requisitionPolicy.edit(ctx, r.r.requesterId)) throw forbidden('requisition.forbidden', text('只有申请人可以提交采购申请。', 'Only the requester submits a requisition.'));
      if (r.r.status !== 'draft' && r.r.status !== 'returned' && r.r.status !== 'withdrawn') {
        throw new AppError('state', 'requisition.not_draft', text(`只有草稿、退回或撤回的申请可以提交（当前：${r.r.status}）。`, `Only a draft, returned or withdrawn requisition is submitted (it is ${r.r.status}).`));
      }
      const steps = stepsFor(rulesOf(await requisitionRepo.rules(tx)), String(r.r.total), r.r.department);
      if (!steps.length) throw new AppError('state', 'approval.no_steps', noStepsMessage().text);
      const round = r.r.round + 1;
      await requisitionRepo.insertSteps(tx, steps.map((s, i) => ({ organizationId: ctx.orgId, requisitionId: id, round, position: i, key: s.key, name: s.name, approverIds: [...s.approverIds] })));
      await requisitionRepo.update(tx, id, { status: 'submitted', round, submittedAt: now, decidedAt: null });
      await recordActivity(tx, ctx, { entityType: 'requisition', entityId: id, action: 'requisition.submitted', data: { round, steps: steps.map((s) => s.key) } });
      await recordAudit(tx, ctx, { at: now, action: 'requisition.submitted', subjectId: id, data: { round, total: String(r.r.total) } });
      return requisitionService.getIn(tx, ctx, id);
    });
  },

  async decide(deps: Deps, ctx: TenantContext, id: string, body: z.infer<typeof DecisionBody>) {
    requireBuyer(ctx);
    const now = deps.clock.now();
    return withTenant(deps.db, ctx, async (tx) => {
      // The requisition row is locked: concurrent decisions on it run one after the other.
      const r = await requisitionRepo.get(tx, id, { forUpdate: true });
      if (!r) throw notFound('requisition');
      const rules = rulesOf(await requisitionRepo.rules(tx));
      const steps = (await requisitionRepo.steps(tx, id)).filter((s) => s.round === r.r.round);
      // The steps carry the approvers they had when submitted: later rule changes do not move a running chain.
      const chain = steps.map((s) => ({ key: s.key, name: s.name, minAmount: '0', department: null, approverIds: s.approverIds }));
      const result = decide({ status: r.r.status as never, requesterId: r.r.requesterId }, chain.length ? chain : rules, steps.map((s) => ({ key: s.key, decision: s.decision as never, deciderId: s.deciderId })), ctx.userId, body.decision, body.comment ?? null);
      if (!result.ok) {
        if (result.code === 'approval.comment_required') throw invalidField('body.comment', result.message.text, 'required');
        throw new AppError(result.code === 'approval.not_submitted' ? 'state' : 'forbidden', result.code, result.message.text);
      }
      if (!(await requisitionRepo.decideStep(tx, id, r.r.round, result.step, { decision: body.decision, deciderId: ctx.userId, comment: body.comment ?? null, at: now }))) {
        throw new AppError('conflict', 'approval.already_decided', text('这一步刚刚已被他人审批。', 'Someone decided this step a moment ago.'));
      }
      await requisitionRepo.update(tx, id, { status: result.status, ...(result.done ? { decidedAt: now } : {}) });
      await recordActivity(tx, ctx, { entityType: 'requisition', entityId: id, action: `requisition.${body.decision}`, data: { step: result.step, comment: body.comment ?? null } });
      await recordAudit(tx, ctx, { at: now, action: `requisition.${body.decision}`, subjectId: id, data: { step: result.step, round: r.r.round } });
      if (result.status === 'approved') {
        await projectService.createFromRequisition(tx, ctx, { id, number: r.r.number, title: r.r.title, total: String(r.r.total), currency: r.r.currency }, now);
      }
      return requisitionService.getIn(tx, ctx, id);
    });
  },

  async withdraw(deps: Deps, ctx: TenantContext, id: string) {
    requireBuyer(ctx);
    return withTenant(deps.db, ctx, async (tx) => {
      const r = await requisitionRepo.get(tx, id, { forUpdate: true });
      if (!r) throw notFound('requisition');
      if (!requisitionPolicy.edit(ctx, r.r.requesterId)) throw forbidden('requisition.forbidden', text('只有申请人可以撤回采购申请。', 'Only the requester withdraws a requisition.'));
      if (r.r.status !== 'submitted' && r.r.status !== 'returned') throw new AppError('state', 'requisition.not_withdrawable', text('只有审批中或退回的申请可以撤回。', 'Only a requisition in approval or returned is withdrawn.'));
      await requisitionRepo.update(tx, id, { status: 'withdrawn' });
      await recordActivity(tx, ctx, { entityType: 'requisition', entityId: id, action: 'requisition.withdrawn' });
      return requisitionService.getIn(tx, ctx, id);
    });
  },

  async rules(db: Db, ctx: TenantContext) {
    requireBuyer(ctx);
    return readTenant(db, ctx, async (tx) => {
      const rows = await requisitionRepo.rules(tx);
      const names = await requisitionRepo.members(tx, ctx.orgId, [...new Set(rows.flatMap((r) => r.approverIds))]);
      return { rules: rulesOf(rows).map((r) => ({ ...r, approverIds: [...r.approverIds], approverNames: r.approverIds.map((u) => names.get(u) ?? '') })) };
    });
  },

  async setRules(deps: Deps, ctx: TenantContext, body: z.infer<typeof ApprovalRulesBody>) {
    requireBuyer(ctx);
    if (!requisitionPolicy.editRules(ctx.role)) throw forbidden('approval_rules.forbidden', text('只有所有者和管理员可以设置审批流程。', 'Only owners and admins set the approval chain.'));
    await withTenant(deps.db, ctx, async (tx) => {
      const seen = new Set<string>();
      const known = await requisitionRepo.members(tx, ctx.orgId, [...new Set(body.rules.flatMap((r) => r.approverIds))]);
      body.rules.forEach((r, i) => {
        if (seen.has(r.key)) throw invalidField(`body.rules.${i}.key`, text('编号重复', 'is used twice'), 'duplicate');
        seen.add(r.key);
        r.approverIds.forEach((u, j) => {
          if (!known.has(u)) throw unknownRef(`body.rules.${i}.approverIds.${j}`, 'member');
        });
      });
      await requisitionRepo.replaceRules(tx, ctx.orgId, body.rules.map((r, i) => ({ key: r.key, name: r.name, position: i, minAmount: r.minAmount, department: r.department ?? null, approverIds: r.approverIds })));
      await recordActivity(tx, ctx, { entityType: 'organization', entityId: ctx.orgId, action: 'approval_rules.set', data: { rules: body.rules.map((r) => r.key) } });
      await recordAudit(tx, ctx, { at: deps.clock.now(), action: 'approval_rules.set', data: { rules: body.rules } });
    });
    return requisitionService.rules(deps.db, ctx);
  },
};
