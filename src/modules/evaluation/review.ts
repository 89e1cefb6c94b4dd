// The evaluation, part two: what the committee's members do. Each declares, for
// every bidder by name, whether they have a conflict of interest — before seeing
// any bid; a conflict takes them off the committee and out of sight. Declared
// members screen the bids against the published requirements and, under
// comprehensive scoring, score alone on sheets generated from the frozen
// criteria (seeing the others' sheets only once theirs is submitted); the chair
// closes each step. The result and the report follow from what is stored
// (results.ts); the report is final when every member has signed or dissented.
// Every view of the bids and every act is appended to the buyer's audit chain.
import type { z } from 'zod';
import type { Tx } from '../../db/client';
import { readTenant, withTenant, type TenantContext } from '../../db/tenant';
import { afterScoring, afterScreening } from '../../domain/buy/evaluation';
import { priceTotals } from '../../domain/buy/price-schedule';
import { checkSheet } from '../../domain/buy/scoring';
import { canonicalJson } from '../../domain/sealing/bytes';
import { text } from '../../domain/i18n';
import { AppError, forbidden, issuesError, notFound } from '../../server/errors';
import { sha256Hex } from '../../server/sealing-node';
import { recordTenderAudit, type AuditInput } from '../audit/service';
import { openingService } from '../opening/service';
import { organizationService } from '../organizations/service';
import { setupOf } from '../tenders/present';
import { orgName, stateError } from '../tenders/service';
import { tenderRepo } from '../tenders/repository';
import { evaluationRepo, type MemberRow } from './repository';
import { buildReport, complianceOf, computeResult, reportHtml, screeningGaps, type Compliance, type EvalBid, type EvaluationResult, type Report } from './results';
import type { DeclarationBody, ScreeningBody, SheetBody, SignBody } from './schema';
import { activeMembers, compositionIssues, evaluationService, requirePhase, roundingOf, seat, type EvalDeps, type Seat } from './service';

/** An act of a member (or the buyer) in the buyer's audit chain for this tender. */
const audit = (tx: Tx, s: Seat, ctx: TenantContext, e: Omit<AuditInput, 'tenderId'>) => recordTenderAudit(tx, ctx, s.t.organizationId, { ...e, tenderId: s.t.id });

function requireMember(s: Seat, opts: { declared?: boolean; chair?: boolean } = {}): MemberRow {
  const me = s.me;
  if (!me) throw forbidden('evaluation.not_member', text('只有评标委员会成员可以进行评审。', 'Only members of the evaluation committee evaluate.'));
  if (opts.declared !== false && !me.declaredAt) throw forbidden('evaluation.declare_first', text('请先申报与各投标人有无利益冲突。', 'Declare any conflict of interest with the bidders first.'));
  if (opts.chair && !me.chair) throw forbidden('evaluation.not_chair', text('只有主任委员可以结束这一步。', 'Only the chair closes this step.'));
  return me;
}

/** The bids under evaluation with their prices (the price envelopes where there are two, once opened). */
async function evalBids(tx: Tx, s: Seat): Promise<EvalBid[]> {
  const first = await openingService.openedBids(tx, s.t.id);
  const prices = s.t.envelopes === 'two' ? await openingService.openedBids(tx, s.t.id, 'price') : [];
  return s.e.bidders
    .filter((b) => first.some((f) => f.bidId === b.bidId))
    .map((b) => ({
      bidId: b.bidId,
      bidderOrgId: b.orgId,
      name: b.name,
      prices: (s.t.envelopes === 'two' ? prices.find((p) => p.bidId === b.bidId)?.content?.prices : first.find((f) => f.bidId === b.bidId)?.content?.prices) ?? [],
    }));
}

/** Each bid's compliance: as fixed when screening closed, or (while screening) from the rows recorded so far. */
export async function complianceNow(tx: Tx, s: Seat): Promise<Record<string, Compliance>> {
  if (s.e.compliance) return s.e.compliance as unknown as Record<string, Compliance>;
  return complianceOf(s.e.bidders, setupOf(s.t).qualification, s.e.phase === 'committee' ? [] : await evaluationRepo.screening(tx, s.t.id));
}

/** Screening rows still missing (every bid × requirement), for whoever may see the evaluation. */
export async function screeningProgress(tx: Tx, s: Seat): Promise<number> {
  const rows = s.e.phase === 'committee' ? [] : await evaluationRepo.screening(tx, s.t.id);
  return screeningGaps(s.e.bidders, setupOf(s.t).qualification, rows);
}

/** Computes the result and the report from what is stored, and stores them (scoring closed, or price envelopes opened). */
export async function finishEvaluation(tx: Tx, deps: EvalDeps, ctx: TenantContext, s: Seat, now: Date): Promise<void> {
  const setup = setupOf(s.t);
  const bids = await evalBids(tx, s);
  const members = activeMembers(await evaluationRepo.members(tx, s.t.id));
  const compliance = await complianceNow(tx, s);
  const memberIds = new Set(members.map((m) => m.userId));
  const sheets = (await evaluationRepo.sheets(tx, s.t.id)).filter((x) => memberIds.has(x.userId)).map((x) => ({ memberId: x.userId, bidId: x.bidId, scores: x.scores }));
  const r = computeResult({ lots: setup.lots, criteria: setup.evaluation.criteria, method: setup.evaluation.method, rounding: roundingOf(s.t), criteriaHash: s.e.criteriaHash ?? '', bids, compliance, sheets });
  if (!r.ok) throw stateError('evaluation.incomplete', text(`标段 ${r.lotKey} 无法计算：${r.issues.map((i) => i.code).join('、')}`, `Lot ${r.lotKey} cannot be computed: ${r.issues.map((i) => i.code).join(', ')}`));
  const people = await organizationService.people(deps.db, members.map((m) => m.userId));
  const report = buildReport({
    tender: { id: s.t.id, number: s.t.number, title: s.t.title, regime: s.t.regime, method: s.t.method, category: s.t.category, currency: s.t.currency, buyer: await orgName(deps.db, s.t.organizationId) },
    criteria: setup.evaluation.criteria,
    requirements: setup.qualification,
    committee: members.map((m) => ({ userId: m.userId, name: people.get(m.userId)?.name ?? '', kind: m.kind, chair: m.chair })),
    bids,
    result: r.result,
    at: now,
  });
  const reportSha256 = sha256Hex(Buffer.from(canonicalJson(report), 'utf8'));
  // Stored without the members' points per criterion (the sheets and the report hold them): the result stays small.
  const stored: EvaluationResult = { ...r.result, lots: r.result.lots.map((l) => ({ ...l, evaluation: { ...l.evaluation, bids: l.evaluation.bids.map((b) => ({ ...b, criteria: b.criteria.map((c) => ({ key: c.key, score: c.score, points: c.points })) as never })) } })) };
  if (!(await evaluationRepo.transition(tx, s.t.id, [s.e.phase], { phase: 'report', result: stored as never, report: report as never, reportSha256, updatedAt: now }))) {
    throw stateError('evaluation.moved', text('评标状态刚刚被改变，请刷新。', 'The evaluation just moved on; reload.'));
  }
  await audit(tx, s, ctx, { at: now, action: 'evaluation.computed', data: { reportSha256, lots: r.result.lots.map((l) => ({ lot: l.lotKey, candidates: l.candidates })) } });
}

export async function myEvaluations(deps: EvalDeps, ctx: TenantContext) {
  const rows = await readTenant(deps.db, ctx, async (tx) => {
    const seats = (await evaluationRepo.seatsOf(tx, ctx.userId)).filter((m) => m.status === 'active');
    const out = [];
    for (const m of seats) {
      const t = await tenderRepo.get(tx, m.tenderId);
      const e = await evaluationRepo.get(tx, m.tenderId);
      if (t && e) out.push({ m, t, e });
    }
    return out;
  });
  const names = await organizationService.names(deps.db, rows.map((r) => r.t.organizationId));
  return {
    items: rows.map(({ m, t, e }) => ({
      tenderId: t.id,
      number: t.number,
      title: t.title,
      buyerName: names.get(t.organizationId)?.name ?? '',
      phase: e.phase,
      kind: m.kind,
      chair: m.chair,
      declared: m.declaredAt !== null,
      sheetsSubmitted: m.sheetsSubmittedAt !== null,
      signed: m.signedAt !== null,
    })),
  };
}

export const reviewService = {
  /** A member declares, for every bidder, conflict of interest or none. A conflict takes them off the committee. */
  async declare(deps: EvalDeps, ctx: TenantContext, tenderId: string, body: z.infer<typeof DeclarationBody>) {
    const now = deps.clock.now();
    let conflicted = false;
    const out = await withTenant(deps.db, ctx, async (tx) => {
      const s = await seat(tx, ctx, tenderId);
      const me = requireMember(s, { declared: false });
      requirePhase(s.e, 'committee', 'screening', 'scoring', 'prices');
      if (me.declaredAt) throw new AppError('conflict', 'evaluation.declared', text('你已经申报过。', 'You declared already.'));
      const bidders = s.e.bidders;
      const given = new Map(body.declarations.map((d, i) => [d.bidderOrgId, { ...d, i }]));
      bidders.forEach((b) => {
        if (!given.has(b.orgId)) throw issuesError([{ field: 'body.declarations', message: text(`缺少对投标人“${b.name}”的申报`, `declare for the bidder "${b.name}" too`), code: 'missing' }]);
      });
      body.declarations.forEach((d, i) => {
        if (!bidders.some((b) => b.orgId === d.bidderOrgId)) throw issuesError([{ field: `body.declarations.${i}.bidderOrgId`, message: text('不是本次评标的投标人', 'is not a bidder of this evaluation'), code: 'not_found' }]);
      });
      const memberships = (await organizationService.membershipsOf(deps.db, [ctx.userId])).get(ctx.userId) ?? new Set<string>();
      for (const b of bidders) {
        const d = given.get(b.orgId)!;
        if (memberships.has(b.orgId) && !d.conflict) throw issuesError([{ field: `body.declarations.${d.i}.conflict`, message: text(`你是“${b.name}”的成员，必须申报利益冲突`, `you are a member of "${b.name}": that is a conflict of interest`), code: 'conflict' }]);
      }
      conflicted = body.declarations.some((d) => d.conflict);
      const declaration = { bidders: bidders.map((b) => ({ orgId: b.orgId, name: b.name, conflict: given.get(b.orgId)!.conflict })), note: body.note ?? '' };
      // The audit first: a member leaving on a conflict is still a member when it is written.
      await audit(tx, s, ctx, { at: now, action: conflicted ? 'committee.conflict_declared' : 'committee.declared', subjectId: ctx.userId, data: declaration });
      if (!(await evaluationRepo.updateMemberOnce(tx, me.id, 'declaredAt', { declaration, declaredAt: now, ...(conflicted ? { status: 'conflicted' as const, chair: false } : {}) }))) {
        throw new AppError('conflict', 'evaluation.declared', text('你已经申报过。', 'You declared already.'));
      }
      // The answer, from inside the transaction (what a retry with the same Idempotency-Key gets again).
      if (conflicted) return { conflicted: true as const, state: null };
      return { conflicted: false as const, state: await evaluationService.stateIn(tx, deps, ctx, await seat(tx, ctx, tenderId, { with: ['result'] })) };
    });
    deps.events.emit(ctx.orgId, 'tender.changed', { id: tenderId });
    return out;
  },

  /** The bids, as a declared member (or the buyer's staff) sees them; each view goes into the audit chain. */
  async bids(deps: EvalDeps, ctx: TenantContext, tenderId: string) {
    const now = deps.clock.now();
    return withTenant(deps.db, ctx, async (tx) => {
      const s = await seat(tx, ctx, tenderId);
      if (s.me) requireMember(s);
      const first = await openingService.openedBids(tx, tenderId);
      const price = s.t.envelopes === 'two' ? await openingService.openedBids(tx, tenderId, 'price') : [];
      const screening = s.e.phase === 'committee' ? [] : await evaluationRepo.screening(tx, tenderId);
      await audit(tx, s, ctx, { at: now, action: 'evaluation.bids_viewed', subjectId: ctx.userId, data: { bids: first.length } });
      return {
        items: s.e.bidders
          .filter((b) => first.some((f) => f.bidId === b.bidId))
          .map((b) => {
            const c = first.find((f) => f.bidId === b.bidId)!.content;
            const p = s.t.envelopes === 'two' ? price.find((x) => x.bidId === b.bidId)?.content ?? null : c;
            const totals = p?.prices.length ? priceTotalsOf(s, p.prices) : null;
            return {
              bidId: b.bidId,
              bidderOrgId: b.orgId,
              bidderName: b.name,
              statement: c?.statement ?? '',
              documents: (c?.documents ?? []).map((d) => ({ name: d.name, mediaType: d.mediaType, sha256: d.sha256 })),
              pricesOpened: !!p,
              prices: p?.prices ?? [],
              total: totals?.total ?? null,
              lotTotals: totals?.lots ?? [],
              missing: totals?.missing ?? [],
              screening: screening.filter((r) => r.bidId === b.bidId).map((r) => ({ requirementKey: r.requirementKey, passed: r.passed, reason: r.reason, decidedAt: r.decidedAt.toISOString() })),
            };
          }),
      };
    });
  },

  /** A declared member records screening results: pass or fail, with a reason for a failure. */
  async screen(deps: EvalDeps, ctx: TenantContext, tenderId: string, body: z.infer<typeof ScreeningBody>) {
    const now = deps.clock.now();
    const out = await withTenant(deps.db, ctx, async (tx) => {
      const s = await seat(tx, ctx, tenderId);
      requireMember(s);
      requirePhase(s.e, 'screening');
      const reqs = setupOf(s.t).qualification;
      body.results.forEach((r, i) => {
        if (!s.e.bidders.some((b) => b.bidId === r.bidId)) throw issuesError([{ field: `body.results.${i}.bidId`, message: text('不是本次评标的投标', 'is not a bid of this evaluation'), code: 'not_found' }]);
        if (!reqs.some((q) => q.key === r.requirementKey)) throw issuesError([{ field: `body.results.${i}.requirementKey`, message: text('不是招标文件公布的资格要求', 'is not a published requirement'), code: 'not_found' }]);
        if (!r.passed && !r.reason.trim()) throw issuesError([{ field: `body.results.${i}.reason`, message: text('不通过时必须写明理由', 'a failure needs its reason'), code: 'required' }]);
      });
      await evaluationRepo.upsertScreening(tx, body.results.map((r) => ({ organizationId: s.t.organizationId, tenderId, bidId: r.bidId, requirementKey: r.requirementKey, passed: r.passed, reason: r.reason.trim(), decidedBy: ctx.userId, decidedAt: now })));
      await audit(tx, s, ctx, { at: now, action: 'evaluation.screened', data: { results: body.results } });
      return evaluationService.stateIn(tx, deps, ctx, await seat(tx, ctx, tenderId, { with: ['result'] }));
    }).catch(guardError);
    return out;
  },

  /** The chair closes screening: every bid judged on every requirement, every member declared, the committee whole. */
  async closeScreening(deps: EvalDeps, ctx: TenantContext, tenderId: string) {
    const now = deps.clock.now();
    const out = await withTenant(deps.db, ctx, async (tx) => {
      const s = await seat(tx, ctx, tenderId, { forUpdate: true });
      requireMember(s, { chair: true });
      requirePhase(s.e, 'screening');
      await requireWholeCommittee(tx, s);
      const gaps = await screeningProgress(tx, s);
      if (gaps) throw stateError('evaluation.screening_incomplete', text(`还有 ${gaps} 项资格审查未完成。`, `${gaps} screening decisions are still to make.`));
      const setup = setupOf(s.t);
      const next = afterScreening(setup.evaluation.method, s.t.envelopes);
      // The screening's outcome, fixed now: every later step (scoring, the price envelopes, the result) reads this.
      const compliance = complianceOf(s.e.bidders, setup.qualification, await evaluationRepo.screening(tx, tenderId));
      await evaluationRepo.update(tx, tenderId, { compliance: compliance as never, updatedAt: now });
      s.e = { ...s.e, compliance: compliance as never };
      await audit(tx, s, ctx, { at: now, action: 'evaluation.screening_closed', data: { next, passed: Object.entries(compliance).filter(([, c]) => c.passed).map(([id]) => id) } });
      if (next === 'report') await finishEvaluation(tx, deps, ctx, s, now);
      else await evaluationRepo.transition(tx, tenderId, ['screening'], { phase: next, updatedAt: now });
      return evaluationService.stateIn(tx, deps, ctx, await seat(tx, ctx, tenderId, { with: ['result'] }));
    });
    deps.events.emit(ctx.orgId, 'tender.changed', { id: tenderId });
    return out;
  },

  /** The score sheets the caller may see: their own; the others' once theirs is submitted (the buyer's staff: once scoring closed). */
  async sheets(deps: EvalDeps, ctx: TenantContext, tenderId: string) {
    const now = deps.clock.now();
    // A member's read is a write too: every view by a member is in the audit chain.
    return withTenant(deps.db, ctx, (tx) => reviewService.sheetsIn(tx, deps, ctx, tenderId, now));
  },

  async sheetsIn(tx: Tx, deps: EvalDeps, ctx: TenantContext, tenderId: string, now: Date) {
    {
      const s = await seat(tx, ctx, tenderId);
      if (s.me) requireMember(s);
      if (s.me) await audit(tx, s, ctx, { at: now, action: 'evaluation.sheets_viewed', subjectId: ctx.userId, data: { othersVisible: !!s.me.sheetsSubmittedAt || !['committee', 'screening', 'scoring'].includes(s.e.phase) } });
      const closed = !['committee', 'screening', 'scoring'].includes(s.e.phase);
      const mineSubmitted = !!s.me?.sheetsSubmittedAt;
      const rows = await evaluationRepo.sheets(tx, tenderId);
      const members = await evaluationRepo.members(tx, tenderId);
      const people = await organizationService.people(deps.db, members.map((m) => m.userId));
      const visible = rows.filter((r) => r.userId === ctx.userId || closed || mineSubmitted);
      const screening = await evaluationRepo.screening(tx, tenderId);
      const compliance = await complianceNow(tx, s);
      return {
        criteria: setupOf(s.t).evaluation.criteria,
        criteriaHash: s.e.criteriaHash,
        othersVisible: closed || mineSubmitted,
        bids: s.e.bidders.filter((b) => compliance[b.bidId]?.passed).map((b) => ({ bidId: b.bidId, bidderName: b.name })),
        items: visible.map((r) => ({
          userId: r.userId,
          memberName: people.get(r.userId)?.name ?? '',
          mine: r.userId === ctx.userId,
          submitted: !!members.find((m) => m.userId === r.userId)?.sheetsSubmittedAt,
          bidId: r.bidId,
          scores: r.scores,
          remarks: r.remarks,
          savedAt: r.savedAt.toISOString(),
        })),
      };
    }
  },

  /** A member saves their sheet for one bid (scoring phase; the trigger refuses it after scoring closed or after they submitted). */
  async saveSheet(deps: EvalDeps, ctx: TenantContext, tenderId: string, bidId: string, body: z.infer<typeof SheetBody>) {
    const now = deps.clock.now();
    const out = await withTenant(deps.db, ctx, async (tx) => {
      const s = await seat(tx, ctx, tenderId);
      const me = requireMember(s);
      requirePhase(s.e, 'scoring');
      if (me.sheetsSubmittedAt) throw stateError('evaluation.sheets_submitted', text('你的评分表已提交，不能再修改。', 'Your sheets are submitted: no more changes.'));
      if (!s.e.bidders.some((b) => b.bidId === bidId)) throw notFound('bid');
      const compliance = await complianceNow(tx, s);
      if (!compliance[bidId]?.passed) throw stateError('evaluation.not_compliant', text('这份投标未通过初步评审，不打分。', 'This bid failed screening: it is not scored.'));
      const issues = checkSheet(setupOf(s.t).evaluation.criteria, body.scores).filter((i) => i.code !== 'missing');
      if (issues.length) throw issuesError(issues.map((i) => ({ field: `body.scores.${i.criterion}`, message: SHEET_MESSAGES[i.code], code: i.code })));
      await evaluationRepo.upsertSheet(tx, { organizationId: s.t.organizationId, tenderId, userId: ctx.userId, bidId, scores: body.scores, remarks: body.remarks ?? '', criteriaHash: s.e.criteriaHash ?? '', savedAt: now });
      return reviewService.sheetsIn(tx, deps, ctx, tenderId, now);
    }).catch(guardError);
    return out;
  },

  /** A member submits every sheet: one per bid that passed screening, each complete. */
  async submitSheets(deps: EvalDeps, ctx: TenantContext, tenderId: string) {
    const now = deps.clock.now();
    const out = await withTenant(deps.db, ctx, async (tx) => {
      const s = await seat(tx, ctx, tenderId, { forUpdate: false });
      let me = requireMember(s);
      requirePhase(s.e, 'scoring');
      // The seat locked first: a save in flight (its trigger reads the seat FOR SHARE) lands before, or is refused after.
      await evaluationRepo.lockMember(tx, me.id);
      me = (await evaluationRepo.memberOf(tx, tenderId, ctx.userId))!;
      if (me.sheetsSubmittedAt) throw new AppError('conflict', 'evaluation.sheets_submitted', text('你的评分表已提交。', 'Your sheets are submitted already.'));
      if (s.e.criteriaHash !== s.t.freezeHash) throw stateError('evaluation.criteria_changed', text('评标标准与发布时冻结的不一致。', 'The criteria do not match those frozen at publication.'));
      const criteria = setupOf(s.t).evaluation.criteria;
      const compliance = await complianceNow(tx, s);
      const mine = await evaluationRepo.sheets(tx, tenderId, ctx.userId);
      const problems: { field: string; message: ReturnType<typeof text>; code: string }[] = [];
      for (const b of s.e.bidders.filter((x) => compliance[x.bidId]?.passed)) {
        const sheet = mine.find((x) => x.bidId === b.bidId);
        if (!sheet) problems.push({ field: `sheets.${b.bidId}`, message: text(`还没有给“${b.name}”打分`, `"${b.name}" is not scored yet`), code: 'missing' });
        else for (const i of checkSheet(criteria, sheet.scores)) problems.push({ field: `sheets.${b.bidId}.${i.criterion}`, message: SHEET_MESSAGES[i.code], code: i.code });
      }
      if (problems.length) throw issuesError(problems);
      if (!(await evaluationRepo.updateMemberOnce(tx, me.id, 'sheetsSubmittedAt', { sheetsSubmittedAt: now }))) throw new AppError('conflict', 'evaluation.sheets_submitted', text('你的评分表已提交。', 'Your sheets are submitted already.'));
      await audit(tx, s, ctx, { at: now, action: 'evaluation.sheets_submitted', subjectId: ctx.userId, data: { sheets: mine.map((x) => ({ bidId: x.bidId, scores: x.scores })) } });
      return reviewService.sheetsIn(tx, deps, ctx, tenderId, now);
    });
    return out;
  },

  /** The chair closes scoring once every member submitted: the price envelopes next (two envelopes), else the result and the report. */
  async closeScoring(deps: EvalDeps, ctx: TenantContext, tenderId: string) {
    const now = deps.clock.now();
    const out = await withTenant(deps.db, ctx, async (tx) => {
      const s = await seat(tx, ctx, tenderId, { forUpdate: true });
      requireMember(s, { chair: true });
      requirePhase(s.e, 'scoring');
      await requireWholeCommittee(tx, s);
      const waiting = activeMembers(await evaluationRepo.members(tx, tenderId)).filter((m) => !m.sheetsSubmittedAt).length;
      if (waiting) throw stateError('evaluation.sheets_missing', text(`还有 ${waiting} 位成员未提交评分表。`, `${waiting} members have not submitted their sheets.`));
      const next = afterScoring(s.t.envelopes);
      await audit(tx, s, ctx, { at: now, action: 'evaluation.scoring_closed', data: { next } });
      if (next === 'report') await finishEvaluation(tx, deps, ctx, s, now);
      else await evaluationRepo.transition(tx, tenderId, ['scoring'], { phase: 'prices', updatedAt: now });
      return evaluationService.stateIn(tx, deps, ctx, await seat(tx, ctx, tenderId, { with: ['result'] }));
    });
    deps.events.emit(ctx.orgId, 'tender.changed', { id: tenderId });
    return out;
  },

  /** A member signs the report, or signs with a dissent; the last signature makes it final (its hash in the audit chain). */
  async sign(deps: EvalDeps, ctx: TenantContext, tenderId: string, body: z.infer<typeof SignBody>) {
    const now = deps.clock.now();
    const out = await withTenant(deps.db, ctx, async (tx) => {
      const s = await seat(tx, ctx, tenderId, { forUpdate: true });
      const me = requireMember(s);
      requirePhase(s.e, 'report');
      if (me.signedAt) throw new AppError('conflict', 'evaluation.signed', text('你已经签署过。', 'You signed already.'));
      const dissent = body.dissent?.trim() || null;
      if (!(await evaluationRepo.updateMemberOnce(tx, me.id, 'signedAt', { signedAt: now, dissent }))) throw new AppError('conflict', 'evaluation.signed', text('你已经签署过。', 'You signed already.'));
      await audit(tx, s, ctx, { at: now, action: dissent ? 'evaluation.report_dissented' : 'evaluation.report_signed', subjectId: ctx.userId, data: { reportSha256: s.e.reportSha256, dissent } });
      const left = activeMembers(await evaluationRepo.members(tx, tenderId)).filter((m) => m.id !== me.id && !m.signedAt).length;
      if (!left) {
        await evaluationRepo.transition(tx, tenderId, ['report'], { phase: 'final', finalAt: now, updatedAt: now });
        await audit(tx, s, ctx, { at: now, action: 'evaluation.report_final', data: { reportSha256: s.e.reportSha256 } });
      }
      return evaluationService.stateIn(tx, deps, ctx, await seat(tx, ctx, tenderId, { with: ['result'] }));
    });
    deps.events.emit(ctx.orgId, 'tender.changed', { id: tenderId });
    return out;
  },

  /** The report (JSON as signed, with signatures), for the buyer's staff and declared members. */
  async report(deps: EvalDeps, ctx: TenantContext, tenderId: string) {
    const now = deps.clock.now();
    return withTenant(deps.db, ctx, async (tx) => {
      const s = await seat(tx, ctx, tenderId, { with: ['report'] });
      if (s.me) requireMember(s);
      if (!s.e.report) throw stateError('evaluation.no_report', text('评分结束后才有评标报告。', 'The report exists once scoring closes.'));
      if (s.me) await audit(tx, s, ctx, { at: now, action: 'evaluation.report_viewed', subjectId: ctx.userId, data: { reportSha256: s.e.reportSha256 } });
      const members = activeMembers(await evaluationRepo.members(tx, tenderId));
      const people = await organizationService.people(deps.db, members.map((m) => m.userId));
      return {
        report: s.e.report as unknown as Report,
        sha256: s.e.reportSha256!,
        final: s.e.finalAt !== null,
        signatures: members.map((m) => ({ userId: m.userId, name: people.get(m.userId)?.name ?? '', signedAt: m.signedAt?.toISOString() ?? null, dissent: m.dissent })),
      };
    });
  },

  async reportHtml(deps: EvalDeps, ctx: TenantContext, tenderId: string, lang: 'zh-CN' | 'en') {
    const r = await reviewService.report(deps, ctx, tenderId);
    return reportHtml(r.report, r.sha256, r.signatures, lang);
  },
};

async function requireWholeCommittee(tx: Tx, s: Seat) {
  const members = await evaluationRepo.members(tx, s.t.id);
  const issues = compositionIssues(s.t, s.e, members);
  if (issues.length) throw stateError('committee.composition', text(`评标委员会不完整（需替换成员）：${issues.map((i) => i.text['zh-CN']).join('；')}`, `The committee is not whole (replace members): ${issues.map((i) => i.text.en).join('; ')}`));
  const undeclared = activeMembers(members).filter((m) => !m.declaredAt).length;
  if (undeclared) throw stateError('committee.undeclared', text(`还有 ${undeclared} 位成员未申报利益冲突。`, `${undeclared} members have not declared yet.`));
}

function priceTotalsOf(s: Seat, prices: Parameters<typeof priceTotals>[0]) {
  return priceTotals(prices, setupOf(s.t).lots);
}

const SHEET_MESSAGES = {
  unknown_criterion: text('不是冻结的评标标准中的一项', 'is not a criterion of the frozen set'),
  price_typed: text('价格分由系统计算，不能填写', 'the price score is computed by the system, never typed'),
  not_a_score: text('必须是最多两位小数的分数', 'must be a score with at most two decimals'),
  out_of_range: text('超出该项满分', "is above the criterion's full marks"),
  missing: text('未打分', 'is not scored'),
} as const;

/** The phase trigger's refusal (a write after a close) as the problem it is. */
function guardError(e: unknown): never {
  const hint = (e as { hint?: string; cause?: { hint?: string } }).hint ?? (e as { cause?: { hint?: string } }).cause?.hint;
  if (hint === 'evaluation_phase') throw stateError('evaluation.phase', text('这一步已经结束，不能再修改。', 'This step has closed: it no longer changes.'));
  if (hint === 'sheets_submitted') throw stateError('evaluation.sheets_submitted', text('你的评分表已提交，不能再修改。', 'Your sheets are submitted: no more changes.'));
  if (hint === 'seat_once' || hint === 'seat_own' || hint === 'evaluation_forward' || hint === 'evaluation_immutable') throw stateError('evaluation.refused', text('评标记录不允许这样修改。', 'The evaluation record does not change that way.'));
  throw e;
}
