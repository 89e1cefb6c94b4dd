// Opportunity use cases. Each write: guard → state check → transaction (with the
// re-analysis of the opportunity and its activity record) → event after commit.
import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { moveDirection, stageIndex, type ProcessModel } from '../../domain/process-models';
import { DAY_MS } from '../../domain/stats';
import { isoTimestamp, timestampMs } from '../../db/pg-text';
import type { Db, Tx } from '../../db/client';
import { activities, competitors, contacts, member, opportunities, opportunityCompetitors, opportunityFacts, orgSettings, stageMoves, accounts } from '../../db/schema/index';
import { readTenant, withTenant, type TenantContext } from '../../db/tenant';
import { AppError, forbidden, invalidField, notFound, unknownRef } from '../../server/errors';
import type { Events } from '../../server/events';
import { activityInsert, diff, recordActivity, type ActivityInput } from '../shared/activity';
import { writeTogether, type Write } from '../../db/batch';
import { CursorKey, decodeCursor, encodeCursor } from '../shared/http';
import { processModelService } from '../process-models/service';
import { analyse, presentAnalysis } from './analysis';
import { opportunityPolicy } from './policy';
import { opportunityRepo, type AnalysisRow, type OpportunityRow, type SummaryRow } from './repository';
import type { BoardQuery, FactInput, OpportunityCreate, OpportunityListQuery, OpportunityPatch, OpportunitySummary, OutcomeBody, StageMoveBody } from './schema';

type OpportunitySummaryOut = z.infer<typeof OpportunitySummary>;
import type { CompetitorPositionInput } from '../competitors/schema';
import { text } from '../../domain/i18n';

export interface OppDeps {
  db: Db;
  events: Events;
}

/** What a summary is made of: an opportunity row (Dates), or a list row (timestamps as PostgreSQL text). */
type SummarySource = Omit<OpportunityRow, 'stageEnteredAt' | 'lastInteractionAt' | 'createdAt' | 'updatedAt' | 'value'> & {
  value: number | string;
  stageEnteredAt: Date | string;
  lastInteractionAt: Date | string | null;
  createdAt: Date | string;
  updatedAt: Date | string;
};

export function presentSummary(r: { opp: Pick<SummarySource, keyof SummaryRow & keyof SummarySource>; accountName: string; industry: string; ownerName: string }, now = Date.now()): OpportunitySummaryOut {
  const o = r.opp;
  return {
    id: o.id,
    title: o.title,
    accountId: o.accountId,
    accountName: r.accountName,
    industry: r.industry as never,
    product: o.product,
    value: Number(o.value),
    currency: o.currency,
    processModel: o.processModel,
    ownerId: o.ownerId,
    ownerName: r.ownerName,
    expectedDecisionDate: o.expectedDecisionDate,
    source: o.source,
    stage: o.stage,
    stageSet: o.stageSet,
    stageInferred: o.stageInferred,
    inferenceConfidence: o.inferenceConfidence,
    stageMismatch: o.stageSet !== null && o.stageSet !== o.stageInferred,
    stageEnteredAt: isoTimestamp(o.stageEnteredAt),
    daysInStage: Math.max(0, Math.floor((now - timestampMs(o.stageEnteredAt)) / DAY_MS)),
    outcome: o.outcome as never,
    riskCodes: o.riskCodes as never[],
    lastInteractionAt: o.lastInteractionAt ? isoTimestamp(o.lastInteractionAt) : null,
    createdAt: isoTimestamp(o.createdAt),
    updatedAt: isoTimestamp(o.updatedAt),
  };
}

/** The process model of an opportunity (built in, or the organization's own). */
export async function modelOf(tx: Tx, key: string): Promise<ProcessModel> {
  const m = await processModelService.resolve(tx, key);
  if (!m) throw new AppError('state', 'opportunity.unknown_process_model', text(`采购流程模型 ${key} 已不存在。`, `The process model ${key} no longer exists.`));
  return m;
}

async function assertMember(tx: Tx, orgId: string, userId: string, field: string) {
  const rows = await tx.select({ id: member.id }).from(member).where(and(eq(member.organizationId, orgId), eq(member.userId, userId))).limit(1);
  if (!rows.length) throw unknownRef(field, 'member');
}

/** The analysis row of an opportunity the caller may see, locked for a write in this transaction; null if none. */
export function lockForAnalysis(tx: Tx, ctx: TenantContext, id: string): Promise<AnalysisRow | null> {
  return opportunityRepo.analysis(tx, ctx, id, { forUpdate: true });
}

/** An opportunity the caller may see, with the playbook's current suggestions for it; null if none. */
export async function withSuggestions(tx: Tx, ctx: TenantContext, id: string) {
  const row = await opportunityRepo.analysis(tx, ctx, id);
  if (!row) return null;
  const model = await processModelService.resolve(tx, row.opp.processModel);
  return { row, suggestions: model ? analyse(row, model, new Date()).suggestions : [] };
}

async function load(tx: Tx, ctx: TenantContext, id: string, forUpdate = false) {
  const row = await opportunityRepo.analysis(tx, ctx, id, { forUpdate });
  if (!row) throw notFound('opportunity');
  return row;
}

export interface ReanalyzeOptions {
  /** Evidence ids that caused this re-analysis, recorded on an inferred stage move. */
  evidenceIds?: string[];
  reason?: string;
  /** Extra columns to write in the same update (e.g. interaction counters). */
  patch?: Partial<typeof opportunities.$inferInsert>;
  /** false: a background refresh, which leaves updated_at alone. */
  touch?: boolean;
}

export interface ReanalysisPlan {
  patch: Partial<typeof opportunities.$inferInsert>;
  /** The inferred stage moved: the move and its activity record. */
  stageMove: typeof stageMoves.$inferInsert | null;
  activity: ActivityInput | null;
  changed: boolean;
}

/**
 * What a re-analysis changes, computed from the loaded (and locked) row: the
 * inferred stage (with a stage move and activity when it moved), the effective
 * stage and when it was entered, the risk codes. Pure; `row` may already hold
 * changes of the same transaction that are not written yet (see interactions).
 */
export function planReanalysis(ctx: TenantContext, row: AnalysisRow, model: ProcessModel, now: Date, opts: ReanalyzeOptions = {}): ReanalysisPlan {
  const a = analyse(row, model, now);
  const o = row.opp;
  const inferred = a.inference.stageKey;
  const patch: Partial<typeof opportunities.$inferInsert> = { ...opts.patch, inferenceConfidence: a.inference.confidence, firstInteractionStage: a.firstContact?.stageKey ?? null };
  let stageSet = o.stageSet;
  let stageMove: ReanalysisPlan['stageMove'] = null;
  let activity: ReanalysisPlan['activity'] = null;
  if (inferred !== o.stageInferred) {
    patch.stageInferred = inferred;
    // Evidence that reaches the stage the owner set settles the disagreement.
    if (stageSet === inferred) stageSet = null;
    patch.stageSet = stageSet;
    const direction = moveDirection(model, o.stageInferred, inferred);
    stageMove = {
      organizationId: ctx.orgId,
      opportunityId: o.id,
      kind: 'inferred',
      fromStage: o.stageInferred,
      toStage: inferred,
      direction,
      reason: opts.reason ?? null,
      evidenceIds: opts.evidenceIds ?? a.inference.explanation.evidence.map((e) => e.id).slice(-5),
      actorId: ctx.userId,
    };
    activity = {
      entityType: 'opportunity',
      entityId: o.id,
      accountId: o.accountId,
      opportunityId: o.id,
      action: 'stage.inferred',
      data: { from: o.stageInferred, to: inferred, direction, confidence: a.inference.confidence },
    };
  }
  const effective = stageSet ?? inferred;
  if (effective !== o.stage) {
    patch.stage = effective;
    patch.stageEnteredAt = now;
  }
  // Risks depend on the stage; evaluate again if the stage just changed.
  const risks = effective !== a.riskInput.stageKey || patch.stageEnteredAt
    ? analyse({ ...row, opp: { ...o, ...(patch as object), stageSet, stageEnteredAt: (patch.stageEnteredAt as Date) ?? o.stageEnteredAt } as OpportunityRow }, model, now).risks
    : a.risks;
  patch.riskCodes = risks.map((r) => r.code);
  const changed = Object.keys(opts.patch ?? {}).length > 0 || Object.entries(patch).some(([k, v]) => JSON.stringify((o as Record<string, unknown>)[k]) !== JSON.stringify(v));
  return { patch, stageMove, activity, changed };
}

/** The writes of a plan, unsent, to go out in one round trip with the caller's own (db/batch). */
export function reanalysisWrites(tx: Tx, ctx: TenantContext, id: string, plan: ReanalysisPlan, opts: { touch?: boolean } = {}): Write[] {
  if (!plan.changed) return [];
  return [
    plan.stageMove && opportunityRepo.stageMoveInsert(tx, plan.stageMove),
    plan.activity && activityInsert(tx, ctx, plan.activity),
    opportunityRepo.updateStatement(tx, id, plan.patch, { touch: opts.touch !== false }),
  ];
}

/** Re-runs inference and risks after a change and writes what changed. Inside the caller's transaction. */
export async function reanalyze(tx: Tx, ctx: TenantContext, id: string, opts: ReanalyzeOptions = {}) {
  const row = await load(tx, ctx, id, true);
  const model = await modelOf(tx, row.opp.processModel);
  const plan = planReanalysis(ctx, row, model, new Date(), opts);
  await writeTogether(tx, reanalysisWrites(tx, ctx, id, plan, opts));
  return { model };
}

export const opportunityService = {
  async list(db: Db, ctx: TenantContext, q: z.infer<typeof OpportunityListQuery>) {
    const key = q.sort === 'updatedAt' || q.sort === 'stageEnteredAt' ? CursorKey.pgTime : q.sort === 'expectedDecisionDate' ? CursorKey.date.nullable() : q.sort === 'value' ? CursorKey.decimal : CursorKey.text;
    const after = decodeCursor(q.cursor, [key, CursorKey.id]);
    const rows = await readTenant(db, ctx, (tx) => opportunityRepo.list(tx, ctx, { ...q, after }));
    const page = rows.slice(0, q.limit);
    const last = page[page.length - 1];
    const now = Date.now();
    return {
      items: page.map((r) => presentSummary({ opp: r, accountName: r.accountName, industry: r.industry, ownerName: r.ownerName }, now)),
      nextCursor: rows.length > q.limit && last ? encodeCursor([last.sortKey, last.id]) : null,
    };
  },

  async board(db: Db, ctx: TenantContext, q: z.infer<typeof BoardQuery>) {
    return readTenant(db, ctx, async (tx) => {
      let key = q.processModel;
      if (!key) {
        const s = await tx.select({ m: orgSettings.defaultProcessModel }).from(orgSettings).limit(1);
        key = s[0]?.m ?? 'internal-8';
      }
      const model = await processModelService.resolve(tx, key);
      if (!model) throw invalidField('query.processModel', text('不是本组织的采购流程模型', 'is not a process model of this organization'), 'unknown_process_model');
      const f = { ...q, processModel: key };
      const now = Date.now();
      const [totals, items] = await Promise.all([opportunityRepo.boardTotals(tx, ctx, f), opportunityRepo.boardItems(tx, ctx, f)]);
      return {
        processModel: key,
        columns: model.stages.map((s) => {
          const t = totals.find((x) => x.stage === s.key);
          return {
            stage: { key: s.key, name: s.name, backbone: s.backbone, evidenceTypes: s.evidenceTypes },
            count: t?.count ?? 0,
            totalValue: t?.total ?? 0,
            items: items.filter((i) => i.stage === s.key).map((i) => presentSummary({ opp: i, accountName: i.accountName, industry: i.industry, ownerName: i.ownerName }, now)),
          };
        }),
      };
    });
  },

  async get(db: Db, ctx: TenantContext, id: string) {
    return readTenant(db, ctx, async (tx) => {
      const row = await load(tx, ctx, id);
      const model = await modelOf(tx, row.opp.processModel);
      return presentDetail(row, model, new Date());
    });
  },

  async create(deps: OppDeps, ctx: TenantContext, input: z.infer<typeof OpportunityCreate>) {
    const out = await withTenant(deps.db, ctx, async (tx) => {
      const acc = await tx.select({ id: accounts.id }).from(accounts).where(eq(accounts.id, input.accountId)).limit(1);
      if (!acc.length) throw unknownRef('body.accountId', 'account');
      let key = input.processModel;
      if (!key) key = (await tx.select({ m: orgSettings.defaultProcessModel }).from(orgSettings).limit(1))[0]?.m ?? 'internal-8';
      const model = await processModelService.resolve(tx, key);
      if (!model) throw invalidField('body.processModel', text('不是本组织的采购流程模型', 'is not a process model of this organization'), 'unknown_process_model');
      if (input.stage && stageIndex(model, input.stage) < 0) throw invalidField('body.stage', text(`不是 ${key} 的阶段`, `is not a stage of ${key}`), 'unknown_stage');
      const ownerId = input.ownerId ?? ctx.userId;
      if (ownerId !== ctx.userId) {
        if (ctx.role === 'member') throw forbidden('opportunity.forbidden', text('成员只能为自己创建商机。', 'Members create opportunities for themselves.'));
        await assertMember(tx, ctx.orgId, ownerId, 'body.ownerId');
      }
      const first = model.stages[0]!.key;
      const stageSet = input.stage && input.stage !== first ? input.stage : null;
      const row = await opportunityRepo.insert(tx, {
        organizationId: ctx.orgId,
        accountId: input.accountId,
        title: input.title,
        product: input.product ?? null,
        value: input.value,
        currency: input.currency,
        processModel: key,
        ownerId,
        expectedDecisionDate: input.expectedDecisionDate ?? null,
        source: input.source ?? null,
        stageSet,
        stageInferred: first,
        stage: stageSet ?? first,
        createdBy: ctx.userId,
      });
      if (stageSet) {
        await tx.insert(stageMoves).values({ organizationId: ctx.orgId, opportunityId: row.id, kind: 'set', fromStage: null, toStage: stageSet, direction: 'forward', reason: 'set at creation', actorId: ctx.userId });
      }
      await recordActivity(tx, ctx, { entityType: 'opportunity', entityId: row.id, accountId: row.accountId, opportunityId: row.id, action: 'opportunity.created', data: { title: row.title, value: row.value, currency: row.currency, stage: row.stage } });
      await reanalyze(tx, ctx, row.id);
      const loaded = await load(tx, ctx, row.id);
      return presentDetail(loaded, model, new Date());
    });
    deps.events.emit(ctx.orgId, 'opportunity.changed', { id: out.id });
    return out;
  },

  async update(deps: OppDeps, ctx: TenantContext, id: string, patch: z.infer<typeof OpportunityPatch>) {
    const out = await withTenant(deps.db, ctx, async (tx) => {
      const row = await load(tx, ctx, id, true);
      if (patch.ownerId && patch.ownerId !== row.opp.ownerId) {
        if (!opportunityPolicy.canReassign(ctx, row.opp.ownerId)) throw forbidden('opportunity.forbidden', text('只有负责人或经理可以转交商机。', 'Only the owner or a manager reassigns an opportunity.'));
        await assertMember(tx, ctx.orgId, patch.ownerId, 'body.ownerId');
      }
      const changes = diff(row.opp as unknown as Record<string, unknown>, patch);
      const model = await modelOf(tx, row.opp.processModel);
      if (!Object.keys(changes).length) return presentDetail(row, model, new Date());
      await opportunityRepo.update(tx, id, patch);
      await recordActivity(tx, ctx, { entityType: 'opportunity', entityId: id, accountId: row.opp.accountId, opportunityId: id, action: 'opportunity.updated', data: { changes } });
      return presentDetail(await load(tx, ctx, id), model, new Date());
    });
    deps.events.emit(ctx.orgId, 'opportunity.changed', { id });
    return out;
  },

  /** The owner moves the stage by hand; backwards needs a reason (non-linear processes, seed 002). */
  async moveStage(deps: OppDeps, ctx: TenantContext, id: string, body: z.infer<typeof StageMoveBody>) {
    const out = await withTenant(deps.db, ctx, async (tx) => {
      const row = await load(tx, ctx, id, true);
      const o = row.opp;
      if (o.outcome !== 'open') throw new AppError('state', 'opportunity.closed', text('该商机已关闭，请先重新打开再调整阶段。', 'This opportunity is closed; reopen it to move its stage.'));
      const model = await modelOf(tx, o.processModel);
      if (stageIndex(model, body.stage) < 0) throw invalidField('body.stage', text(`不是 ${o.processModel} 的阶段`, `is not a stage of ${o.processModel}`), 'unknown_stage');
      const direction = moveDirection(model, o.stage, body.stage);
      if (direction === 'same') return presentDetail(row, model, new Date());
      if (direction === 'back' && !body.reason) throw invalidField('body.reason', text('阶段回退时必须填写原因', 'is required to move a stage backwards'), 'reason_required');
      const stageSet = body.stage === o.stageInferred ? null : body.stage;
      await opportunityRepo.update(tx, id, { stageSet, stage: body.stage, stageEnteredAt: new Date() });
      await tx.insert(stageMoves).values({ organizationId: ctx.orgId, opportunityId: id, kind: 'set', fromStage: o.stage, toStage: body.stage, direction, reason: body.reason ?? null, actorId: ctx.userId });
      await recordActivity(tx, ctx, { entityType: 'opportunity', entityId: id, accountId: o.accountId, opportunityId: id, action: 'stage.moved', data: { from: o.stage, to: body.stage, direction, reason: body.reason ?? null } });
      await reanalyze(tx, ctx, id);
      return presentDetail(await load(tx, ctx, id), model, new Date());
    });
    deps.events.emit(ctx.orgId, 'opportunity.changed', { id });
    return out;
  },

  async setOutcome(deps: OppDeps, ctx: TenantContext, id: string, body: z.infer<typeof OutcomeBody>) {
    const out = await withTenant(deps.db, ctx, async (tx) => {
      const row = await load(tx, ctx, id, true);
      const o = row.opp;
      if (body.outcome === o.outcome) throw new AppError('state', 'opportunity.same_outcome', text(`该商机已经是这个结果（${o.outcome}）。`, `The opportunity is already ${o.outcome}.`));
      if (body.winningCompetitorId) {
        const c = await tx.select({ id: competitors.id }).from(competitors).where(eq(competitors.id, body.winningCompetitorId)).limit(1);
        if (!c.length) throw unknownRef('body.winningCompetitorId', 'competitor');
      }
      const closing = body.outcome !== 'open';
      await opportunityRepo.update(tx, id, {
        outcome: body.outcome,
        lostReason: body.outcome === 'lost' ? body.lostReason ?? null : null,
        winningCompetitorId: body.outcome === 'lost' ? body.winningCompetitorId ?? null : null,
        closedAt: closing ? new Date() : null,
      });
      if (body.outcome === 'lost' && body.winningCompetitorId) {
        await tx
          .insert(opportunityCompetitors)
          .values({ organizationId: ctx.orgId, opportunityId: id, competitorId: body.winningCompetitorId, position: 'won' })
          .onConflictDoUpdate({ target: [opportunityCompetitors.opportunityId, opportunityCompetitors.competitorId], set: { position: 'won', updatedAt: new Date() } });
      }
      await recordActivity(tx, ctx, { entityType: 'opportunity', entityId: id, accountId: o.accountId, opportunityId: id, action: closing ? 'opportunity.closed' : 'opportunity.reopened', data: { outcome: body.outcome, from: o.outcome, lostReason: body.lostReason ?? null, winningCompetitorId: body.winningCompetitorId ?? null } });
      await reanalyze(tx, ctx, id);
      return presentDetail(await load(tx, ctx, id), await modelOf(tx, o.processModel), new Date());
    });
    deps.events.emit(ctx.orgId, 'opportunity.changed', { id });
    return out;
  },

  async upsertFact(deps: OppDeps, ctx: TenantContext, id: string, body: z.infer<typeof FactInput>) {
    return withTenant(deps.db, ctx, async (tx) => {
      const row = await load(tx, ctx, id, true);
      const known = new Set(row.contacts.map((c) => c.id));
      const bad = body.sourceContactIds.findIndex((c) => !known.has(c));
      if (bad >= 0) throw unknownRef(`body.sourceContactIds.${bad}`, 'contact');
      const before = row.facts.find((f) => f.kind === body.kind);
      await tx
        .insert(opportunityFacts)
        .values({ organizationId: ctx.orgId, opportunityId: id, kind: body.kind, value: body.value, sourceContactIds: body.sourceContactIds, verified: body.verified })
        .onConflictDoUpdate({ target: [opportunityFacts.opportunityId, opportunityFacts.kind], set: { value: body.value, sourceContactIds: body.sourceContactIds, verified: body.verified, updatedAt: new Date() } });
      await recordActivity(tx, ctx, { entityType: 'opportunity', entityId: id, accountId: row.opp.accountId, opportunityId: id, action: 'fact.updated', data: { kind: body.kind, changes: { value: [before?.value ?? null, body.value] }, sources: body.sourceContactIds.length } });
      const { model } = await reanalyze(tx, ctx, id);
      return presentDetail(await load(tx, ctx, id), model, new Date());
    });
  },

  async setCompetitor(deps: OppDeps, ctx: TenantContext, id: string, body: z.infer<typeof CompetitorPositionInput>) {
    return withTenant(deps.db, ctx, async (tx) => {
      const row = await load(tx, ctx, id, true);
      const c = await tx.select({ id: competitors.id, name: competitors.name }).from(competitors).where(eq(competitors.id, body.competitorId)).limit(1);
      if (!c.length) throw unknownRef('body.competitorId', 'competitor');
      const before = row.competitors.find((x) => x.competitorId === body.competitorId);
      await tx
        .insert(opportunityCompetitors)
        .values({ organizationId: ctx.orgId, opportunityId: id, competitorId: body.competitorId, position: body.position, strengths: body.strengths ?? null, weaknesses: body.weaknesses ?? null })
        .onConflictDoUpdate({
          target: [opportunityCompetitors.opportunityId, opportunityCompetitors.competitorId],
          set: { position: body.position, strengths: body.strengths ?? null, weaknesses: body.weaknesses ?? null, updatedAt: new Date() },
        });
      await recordActivity(tx, ctx, { entityType: 'opportunity', entityId: id, accountId: row.opp.accountId, opportunityId: id, action: 'competitor.positioned', data: { competitor: c[0]!.name, changes: { position: [before?.position ?? null, body.position] } } });
      const { model } = await reanalyze(tx, ctx, id);
      return presentDetail(await load(tx, ctx, id), model, new Date());
    });
  },

  async removeCompetitor(deps: OppDeps, ctx: TenantContext, id: string, competitorId: string) {
    await withTenant(deps.db, ctx, async (tx) => {
      const row = await load(tx, ctx, id, true);
      const before = row.competitors.find((x) => x.competitorId === competitorId);
      if (!before) throw notFound('competitor');
      await tx.delete(opportunityCompetitors).where(and(eq(opportunityCompetitors.opportunityId, id), eq(opportunityCompetitors.competitorId, competitorId)));
      await recordActivity(tx, ctx, { entityType: 'opportunity', entityId: id, accountId: row.opp.accountId, opportunityId: id, action: 'competitor.removed', data: { competitor: before.name } });
      await reanalyze(tx, ctx, id);
    });
  },

  async stageHistory(db: Db, ctx: TenantContext, id: string) {
    return readTenant(db, ctx, async (tx) => {
      await load(tx, ctx, id);
      const rows = await opportunityRepo.stageHistory(tx, id);
      return rows.map((r) => ({
        id: r.m.id,
        kind: r.m.kind as 'set' | 'inferred',
        fromStage: r.m.fromStage,
        toStage: r.m.toStage,
        direction: r.m.direction as 'forward' | 'back' | 'same',
        reason: r.m.reason,
        evidenceIds: r.m.evidenceIds,
        actorId: r.m.actorId,
        actorName: r.actorName,
        at: r.m.at.toISOString(),
      }));
    });
  },

  async timeline(db: Db, ctx: TenantContext, id: string, q: { limit: number; cursor?: string }) {
    return readTenant(db, ctx, async (tx) => {
      await load(tx, ctx, id);
      return timelinePage(tx, eq(activities.opportunityId, id), q);
    });
  },
};

export async function timelinePage(tx: Tx, where: ReturnType<typeof eq>, q: { limit: number; cursor?: string }) {
  const after = decodeCursor(q.cursor, [CursorKey.pgTime, CursorKey.serial]);
  const rows = await opportunityRepo.timeline(tx, where, q.limit, after);
  const page = rows.slice(0, q.limit);
  const last = page[page.length - 1];
  return {
    items: page.map((r) => ({
      id: String(r.a.id),
      at: r.a.at.toISOString(),
      action: r.a.action,
      entityType: r.a.entityType,
      entityId: r.a.entityId,
      opportunityId: r.a.opportunityId,
      actorId: r.a.actorId,
      actorName: r.actorName,
      data: r.a.data,
    })),
    nextCursor: rows.length > q.limit && last ? encodeCursor([last.atKey, last.a.id]) : null,
  };
}

export function presentDetail(row: AnalysisRow, model: ProcessModel, now: Date) {
  const a = analyse(row, model, now);
  const o = row.opp;
  return {
    ...presentSummary(row, now.getTime()),
    lostReason: o.lostReason,
    winningCompetitorId: o.winningCompetitorId,
    closedAt: o.closedAt ? o.closedAt.toISOString() : null,
    stages: model.stages.map((s) => ({ key: s.key, name: s.name, backbone: s.backbone, evidenceTypes: s.evidenceTypes })),
    ...presentAnalysis(row, a),
    facts: row.facts.map((f) => ({ kind: f.kind as never, value: f.value, sourceContactIds: f.sourceContactIds, verified: f.verified, updatedAt: new Date(f.updatedAt).toISOString() })),
    competitors: row.competitors.map((c) => ({ ...c, position: c.position as never, updatedAt: new Date(c.updatedAt).toISOString() })),
  };
}


