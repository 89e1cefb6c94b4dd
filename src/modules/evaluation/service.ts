// The evaluation (评标, issue 8), part one: who sits on the committee. After the
// opening the buyer appoints its staff, draws experts from its pool by field
// (the seed's hash in the audit chain before the draw, the seed and candidates
// after it, so that anyone can replay it), replaces a member only with a
// recorded reason, and convenes the committee once its composition holds under
// the regime and the frozen criteria still hash as published. What members do
// (declare, screen, score, sign) is in review.ts; the arithmetic in results.ts.
//
// A member acts as a user: buyer staff in the buyer's organization, an expert
// in their own. Every read goes through the caller's row-level security; the
// checks here come on top (a former member — conflicted or replaced — finds
// nothing, as the policies say).
import { randomBytes } from 'node:crypto';
import type { z } from 'zod';
import type { Db, Tx } from '../../db/client';
import { readTenant, withTenant, type TenantContext } from '../../db/tenant';
import { checkCommittee, drawExperts, expertsToDraw } from '../../domain/buy/committee';
import { EVALUATION_PHASE_LABELS, type EvaluationPhase } from '../../domain/buy/evaluation';
import { DEFAULT_ROUNDING, type Rounding } from '../../domain/buy/scoring';
import { freezeHash } from '../../domain/buy/tender';
import { text } from '../../domain/i18n';
import { AppError, forbidden, issuesError, notFound, unknownRef } from '../../server/errors';
import type { Clock } from '../../server/clock';
import type { Events } from '../../server/events';
import { sha256Hex } from '../../server/sealing-node';
import { recordAudit } from '../audit/service';
import { expertService } from '../experts/service';
import { notificationService } from '../notifications/service';
import { organizationService } from '../organizations/service';
import { buysSide } from '../shared/sides';
import { setupOf } from '../tenders/present';
import { tenderRepo, type TenderRow } from '../tenders/repository';
import { orgName, stateError } from '../tenders/service';
import { tenderPolicy } from '../tenders/policy';
import { evaluationRepo, type EvaluationRow, type MemberRow } from './repository';
import type { CommitteeBody, DrawBody, ReplaceBody } from './schema';
import type { EvaluationResult } from './results';
import { finishEvaluation, myEvaluations, screeningProgress } from './review';
import { openingService } from '../opening/service';

export type EvalDeps = { db: Db; clock: Clock; events: Events; config: { baseUrl: string } };

export interface Seat {
  t: TenderRow;
  e: EvaluationRow;
  /** The caller's seat on the committee (active), or null. */
  me: MemberRow | null;
  /** The caller belongs to the buying organization. */
  buyer: boolean;
}

/** The evaluation as the caller may reach it: the buyer's staff, or an active member. Anyone else (another organization, a former member) gets 404. */
export async function seat(tx: Tx, ctx: TenantContext, tenderId: string, opts: { forUpdate?: boolean; with?: readonly ('result' | 'report')[] } = {}): Promise<Seat> {
  const t = await tenderRepo.get(tx, tenderId);
  if (!t) throw notFound('evaluation');
  const mine = await evaluationRepo.memberOf(tx, tenderId, ctx.userId);
  const buyer = t.organizationId === ctx.orgId && buysSide(ctx);
  if (mine && mine.status !== 'active') throw notFound('evaluation');
  if (!buyer && !mine) throw notFound('evaluation');
  if (t.status !== 'opened') throw stateError('evaluation.not_opened', text('开标之后才能评标。', 'Evaluation begins after the opening.'));
  let e = await evaluationRepo.get(tx, tenderId, opts);
  if (!e) {
    if (!buyer) throw notFound('evaluation');
    e = virtualEvaluation(t);
  }
  return { t, e, me: mine, buyer };
}

/** An opened tender's evaluation before anything was done to it. */
function virtualEvaluation(t: TenderRow): EvaluationRow {
  return { organizationId: t.organizationId, tenderId: t.id, phase: 'committee', minMembers: 0, draws: [], bidders: [], compliance: null, criteriaHash: null, result: null, report: null, reportSha256: null, convenedAt: null, finalAt: null, updatedAt: t.updatedAt };
}

/** The evaluation row of an opened tender, made on the buyer's first change, locked for it. */
async function ensure(tx: Tx, deps: EvalDeps, t: TenderRow, now: Date): Promise<EvaluationRow> {
  const existing = await evaluationRepo.get(tx, t.id, { forUpdate: true });
  if (existing) return existing;
  const opened = await openingService.openedBidders(tx, t.id);
  const names = await organizationService.names(deps.db, opened.map((b) => b.bidderOrgId));
  await evaluationRepo.insert(tx, {
    organizationId: t.organizationId,
    tenderId: t.id,
    phase: 'committee',
    bidders: opened.map((b) => ({ bidId: b.bidId, orgId: b.bidderOrgId, name: names.get(b.bidderOrgId)?.name ?? '' })),
    updatedAt: now,
  });
  return (await evaluationRepo.get(tx, t.id, { forUpdate: true }))!;
}

export function requireEvalManager(ctx: TenantContext, s: Seat) {
  if (!s.buyer || !tenderPolicy.manage(ctx.role)) throw forbidden('evaluation.forbidden', text('只有采购方的经理及以上可以组建评标委员会和定标。', "The buyer's managers and up form the committee and award."));
}

export function requirePhase(e: EvaluationRow, ...phases: EvaluationPhase[]) {
  if (!phases.includes(e.phase)) {
    const want = phases.map((p) => EVALUATION_PHASE_LABELS[p]);
    const now = EVALUATION_PHASE_LABELS[e.phase];
    throw stateError('evaluation.phase', text(`评标现处于“${now['zh-CN']}”阶段；此操作需在“${want.map((w) => w['zh-CN']).join('”或“')}”阶段进行。`, `The evaluation is at "${now.en}"; this needs "${want.map((w) => w.en).join('" or "')}".`));
  }
}

export const activeMembers = (members: readonly MemberRow[]) => members.filter((m) => m.status === 'active');

export const roundingOf = (t: TenderRow): Rounding => (setupOf(t).evaluation as { rounding?: Rounding }).rounding ?? DEFAULT_ROUNDING;

/** The committee's composition problems under the tender's regime (empty: it may evaluate). */
export const compositionIssues = (t: TenderRow, e: EvaluationRow, members: readonly MemberRow[]) =>
  checkCommittee(t.regime, activeMembers(members).map((m) => ({ id: m.userId, kind: m.kind })), { minMembers: e.minMembers || undefined });

/** The people (organizations) bidding: a member of one of them cannot sit on the committee. */
async function bidderMemberships(db: Db, e: EvaluationRow, userIds: string[]): Promise<Set<string>> {
  const orgs = new Set(e.bidders.map((b) => b.orgId));
  const m = await organizationService.membershipsOf(db, userIds);
  return new Set(userIds.filter((u) => [...(m.get(u) ?? [])].some((o) => orgs.has(o))));
}

async function mailExperts(tx: Tx, deps: EvalDeps, t: TenderRow, userIds: string[], now: Date) {
  if (!userIds.length) return;
  const people = await organizationService.people(deps.db, userIds);
  const buyer = await orgName(deps.db, t.organizationId);
  for (const u of userIds) {
    const p = people.get(u);
    if (!p) continue;
    await notificationService.mail(
      tx,
      { orgId: t.organizationId },
      p.email,
      text(`评标邀请：${t.number}`, `Evaluation committee: ${t.number}`),
      `${p.name}，您已被抽取为 ${buyer} 招标 ${t.number}「${t.title}」的评标委员会成员。请登录 Procura，在“我的评标”中先申报利益冲突，再开始评审。\n\n${p.name}, you were drawn onto the evaluation committee of ${buyer}'s tender ${t.number} "${t.title}". Sign in to Procura, declare any conflict of interest under "My evaluations", then evaluate.\n\n${deps.config.baseUrl}/evaluations/${t.id}\n\n— Procura`,
      now,
    );
  }
}

export const committeeService = {
  /** The committee members' names and e-mails. */
  async people(deps: EvalDeps, members: readonly MemberRow[]) {
    return organizationService.people(deps.db, members.map((m) => m.userId));
  },

  /** Buyer: appoint its staff (members of the buying organization) and name the chair, while the committee is formed. */
  async setStaff(deps: EvalDeps, ctx: TenantContext, tenderId: string, body: z.infer<typeof CommitteeBody>) {
    const now = deps.clock.now();
    const out = await withTenant(deps.db, ctx, async (tx) => {
      const s = await seat(tx, ctx, tenderId);
      requireEvalManager(ctx, s);
      const e = await ensure(tx, deps, s.t, now);
      requirePhase(e, 'committee');
      const staff = await tenderRepo.members(tx, ctx.orgId, body.staff.map((m) => m.userId));
      body.staff.forEach((m, i) => {
        if (!staff.has(m.userId)) throw unknownRef(`body.staff.${i}.userId`, 'member');
      });
      const conflicted = await bidderMemberships(deps.db, e, body.staff.map((m) => m.userId));
      body.staff.forEach((m, i) => {
        if (conflicted.has(m.userId)) throw issuesError([{ field: `body.staff.${i}.userId`, message: text('此人属于一家投标人，不能进入评标委员会', 'this person belongs to a bidder and cannot sit on the committee'), code: 'conflict' }]);
      });
      const chairs = body.staff.filter((m) => m.chair).length;
      if (chairs > 1) throw issuesError([{ field: 'body.staff', message: text('只能有一位主任委员', 'name one chair at most'), code: 'chair' }]);
      await evaluationRepo.removeUndeclaredStaff(tx, tenderId);
      // Who stays (declared already) keeps their seat; a conflict or an expert's seat cannot be appointed over.
      const kept = await evaluationRepo.members(tx, tenderId);
      body.staff.forEach((m, i) => {
        const k = kept.find((x) => x.userId === m.userId);
        if (k && (k.kind !== 'buyer' || k.status !== 'active')) throw issuesError([{ field: `body.staff.${i}.userId`, message: text('此人已在评标委员会中（作为专家），或已申报利益冲突', 'this person sits on the committee as an expert, or declared a conflict'), code: 'duplicate' }]);
      });
      if (chairs) await evaluationRepo.clearChair(tx, tenderId);
      await evaluationRepo.insertMembers(tx, body.staff.filter((m) => !kept.some((k) => k.userId === m.userId)).map((m) => ({ organizationId: ctx.orgId, tenderId, userId: m.userId, kind: 'buyer' as const, chair: !!m.chair, source: 'appointed', joinedAt: now })));
      for (const m of body.staff.filter((x) => x.chair && kept.some((k) => k.userId === x.userId))) await evaluationRepo.updateMember(tx, kept.find((k) => k.userId === m.userId)!.id, { chair: true });
      await evaluationRepo.update(tx, tenderId, { minMembers: body.minMembers ?? e.minMembers, updatedAt: now });
      await recordAudit(tx, ctx, { at: now, action: 'committee.staff_appointed', tenderId, data: { staff: body.staff, minMembers: body.minMembers ?? e.minMembers } });
      return evaluationService.stateIn(tx, deps, ctx, await seat(tx, ctx, tenderId, { with: ['result'] }));
    });
    return out;
  },

  /**
   * Buyer: draws `count` experts of a field from its pool. The seed comes from
   * the CSPRNG; its hash and the candidates are in the audit chain before the
   * draw, the seed and the result after it, all in one transaction.
   */
  async draw(deps: EvalDeps, ctx: TenantContext, tenderId: string, body: z.infer<typeof DrawBody>) {
    const now = deps.clock.now();
    const out = await withTenant(deps.db, ctx, async (tx) => {
      const s = await seat(tx, ctx, tenderId);
      requireEvalManager(ctx, s);
      const e = await ensure(tx, deps, s.t, now);
      requirePhase(e, 'committee');
      await mailExperts(tx, deps, s.t, await drawInto(tx, deps, ctx, s.t, e, body.field, body.count, now, null), now);
      return evaluationService.stateIn(tx, deps, ctx, await seat(tx, ctx, tenderId, { with: ['result'] }));
    });
    return out;
  },

  /** Buyer: replaces a member, with the reason recorded: an expert by a new draw in their field, staff by the person named. */
  async replace(deps: EvalDeps, ctx: TenantContext, tenderId: string, memberId: string, body: z.infer<typeof ReplaceBody>) {
    const now = deps.clock.now();
    const out = await withTenant(deps.db, ctx, async (tx) => {
      const s = await seat(tx, ctx, tenderId);
      requireEvalManager(ctx, s);
      const e = await ensure(tx, deps, s.t, now);
      requirePhase(e, 'committee', 'screening', 'scoring');
      const members = await evaluationRepo.members(tx, tenderId);
      const m = members.find((x) => x.id === memberId);
      if (!m) throw notFound('committee_member');
      if (m.status === 'replaced') throw stateError('committee.replaced', text('该成员已被替换。', 'This member was replaced already.'));
      await evaluationRepo.updateMember(tx, m.id, { status: 'replaced', replacedReason: body.reason, replacedAt: now, chair: false });
      await recordAudit(tx, ctx, { at: now, action: 'committee.member_replaced', tenderId, subjectId: m.userId, data: { reason: body.reason, kind: m.kind } });
      if (m.kind === 'expert') {
        await mailExperts(tx, deps, s.t, await drawInto(tx, deps, ctx, s.t, e, m.field ?? body.field ?? '', 1, now, m.id), now);
      } else {
        if (!body.userId) throw issuesError([{ field: 'body.userId', message: text('替换采购人代表时必须指定接替的人', 'name who replaces a member of the buyer'), code: 'required' }]);
        if (!(await tenderRepo.members(tx, ctx.orgId, [body.userId])).has(body.userId)) throw unknownRef('body.userId', 'member');
        if ((await bidderMemberships(deps.db, e, [body.userId])).size) throw issuesError([{ field: 'body.userId', message: text('此人属于一家投标人', 'this person belongs to a bidder'), code: 'conflict' }]);
        if (!(await evaluationRepo.insertMembers(tx, [{ organizationId: ctx.orgId, tenderId, userId: body.userId, kind: 'buyer', chair: m.chair, source: 'appointed', joinedAt: now }]))) {
          throw issuesError([{ field: 'body.userId', message: text('此人已在评标委员会中（或曾被替换）', 'this person is or was on the committee'), code: 'duplicate' }]);
        }
      }
      return evaluationService.stateIn(tx, deps, ctx, await seat(tx, ctx, tenderId, { with: ['result'] }));
    });
    return out;
  },

  /** Buyer: records the chair the committee chose among its members (staff or expert), before it is convened. */
  async setChair(deps: EvalDeps, ctx: TenantContext, tenderId: string, memberId: string) {
    const now = deps.clock.now();
    const out = await withTenant(deps.db, ctx, async (tx) => {
      const s = await seat(tx, ctx, tenderId);
      requireEvalManager(ctx, s);
      const e = await ensure(tx, deps, s.t, now);
      // Before convening, or whenever the chair left (a conflict, a replacement) and the committee must go on.
      requirePhase(e, 'committee', 'screening', 'scoring', 'prices', 'report');
      const m = (await evaluationRepo.members(tx, tenderId)).find((x) => x.id === memberId && x.status === 'active');
      if (!m) throw notFound('committee_member');
      await evaluationRepo.clearChair(tx, tenderId);
      await evaluationRepo.updateMember(tx, m.id, { chair: true });
      await recordAudit(tx, ctx, { at: now, action: 'committee.chair_named', tenderId, subjectId: m.userId, data: { kind: m.kind } });
      return evaluationService.stateIn(tx, deps, ctx, await seat(tx, ctx, tenderId, { with: ['result'] }));
    });
    return out;
  },

  /** Buyer: the committee starts: composition valid, a chair named, the frozen criteria hash as published. */
  async convene(deps: EvalDeps, ctx: TenantContext, tenderId: string) {
    const now = deps.clock.now();
    const out = await withTenant(deps.db, ctx, async (tx) => {
      const s = await seat(tx, ctx, tenderId);
      requireEvalManager(ctx, s);
      const e = await ensure(tx, deps, s.t, now);
      requirePhase(e, 'committee');
      const members = await evaluationRepo.members(tx, tenderId);
      const issues = compositionIssues(s.t, e, members);
      if (issues.length) throw stateError('committee.composition', text(issues.map((i) => i.text['zh-CN']).join('；'), issues.map((i) => i.text.en).join('; ')));
      const active = activeMembers(members);
      if (active.filter((m) => m.chair).length !== 1) throw stateError('committee.chair', text('请指定一位主任委员。', 'Name one chair.'));
      const docs = await tenderRepo.documents(tx, tenderId);
      const hash = freezeHash({ ...setupOf(s.t), envelopes: s.t.envelopes }, docs.map((d) => d.sha256));
      if (hash !== s.t.freezeHash) throw stateError('evaluation.criteria_changed', text('评标标准与发布时冻结的不一致，不能评标。', 'The criteria do not match those frozen at publication: no evaluation.'));
      await evaluationRepo.transition(tx, tenderId, ['committee'], { phase: 'screening', criteriaHash: hash, convenedAt: now, updatedAt: now });
      await recordAudit(tx, ctx, { at: now, action: 'committee.convened', tenderId, data: { criteriaHash: hash, members: active.map((m) => ({ userId: m.userId, kind: m.kind, chair: m.chair })) } });
      return evaluationService.stateIn(tx, deps, ctx, await seat(tx, ctx, tenderId, { with: ['result'] }));
    });
    deps.events.emit(ctx.orgId, 'tender.changed', { id: tenderId });
    return out;
  },
};

/** One draw into the committee, logged (seed hash first, then seed and result). Returns who was drawn. */
async function drawInto(tx: Tx, deps: EvalDeps, ctx: TenantContext, t: TenderRow, e: EvaluationRow, field: string, count: number, now: Date, replaces: string | null): Promise<string[]> {
  const pool = (await expertService.pool(tx, ctx.orgId)).filter((x) => x.active);
  const members = await evaluationRepo.members(tx, t.id);
  const conflicted = await bidderMemberships(deps.db, e, pool.map((p) => p.userId));
  // Nobody twice (members past and present), nobody from a bidder.
  const exclude = [...new Set([...members.map((m) => m.userId), ...conflicted])].sort();
  const eligible = pool.filter((p) => p.fields.includes(field) && !exclude.includes(p.userId)).length;
  if (eligible < count) {
    throw stateError('committee.pool_short', text(`专家库中“${field}”领域可抽取的专家只有 ${eligible} 名，需要 ${count} 名。`, `The pool has ${eligible} eligible experts in "${field}"; ${count} are needed.`));
  }
  const seed = randomBytes(32).toString('hex');
  const candidates = pool.map((p) => ({ id: p.userId, fields: p.fields }));
  await recordAudit(tx, ctx, { at: now, action: 'committee.draw_committed', tenderId: t.id, data: { field, count, seedSha256: sha256Hex(Buffer.from(seed, 'utf8')), pool: candidates.map((c) => c.id).sort(), exclude } });
  const draw = drawExperts({ pool: candidates, field, count, seed, exclude })!;
  await evaluationRepo.appendDraw(tx, t.id, { ...draw, count, pool: candidates, at: now.toISOString(), replaces } as unknown as Record<string, unknown>, now);
  await recordAudit(tx, ctx, { at: now, action: 'committee.drawn', tenderId: t.id, data: { field, seed, drawn: draw.drawn, replaces } });
  const ok = await evaluationRepo.insertMembers(tx, draw.drawn.map((userId) => ({ organizationId: ctx.orgId, tenderId: t.id, userId, kind: 'expert' as const, source: 'drawn', field, joinedAt: now })));
  if (!ok) throw new AppError('conflict', 'committee.duplicate', text('抽取到的专家已在评标委员会中。', 'A drawn expert is on the committee already.'));
  return draw.drawn;
}

type ResultView = { lotKey: string; name: string; candidates: { bidId: string; bidder: string; rank: number; total: string | null; price: string }[]; tiedAtCut: string[] }[];

export const evaluationService = {
  /** The evaluation as the caller may see it (the buyer's staff, or an active member). */
  async state(deps: EvalDeps, ctx: TenantContext, tenderId: string) {
    return readTenant(deps.db, ctx, async (tx) => {
      const s = await seat(tx, ctx, tenderId, { with: ['result'] });
      return evaluationService.stateIn(tx, deps, ctx, s);
    });
  },

  async stateIn(tx: Tx, deps: EvalDeps, ctx: TenantContext, s: Seat) {
    const { t, e, me } = s;
    const members = await evaluationRepo.members(tx, t.id);
    const people = await committeeService.people(deps, members);
    const setup = setupOf(t);
    const active = activeMembers(members);
    const declared = (m: MemberRow) => m.declaredAt !== null;
    const seesBidders = s.buyer || !!me;
    const result = e.result as EvaluationResult | null;
    const bidder = (id: string) => e.bidders.find((b) => b.bidId === id)?.name ?? '';
    const results: ResultView | null = result && (s.buyer || (me && declared(me)))
      ? result.lots.map((l) => ({
          lotKey: l.lotKey,
          name: l.name,
          candidates: l.candidates.map((id) => {
            const b = l.evaluation.bids.find((x) => x.bidId === id)!;
            return { bidId: id, bidder: bidder(id), rank: b.rank!, total: b.total?.rounded ?? null, price: b.price };
          }),
          tiedAtCut: l.tiedAtCut,
        }))
      : null;
    return {
      tenderId: t.id,
      number: t.number,
      title: t.title,
      buyerName: await orgName(deps.db, t.organizationId),
      regime: t.regime,
      category: t.category,
      currency: t.currency,
      envelopes: t.envelopes,
      method: setup.evaluation.method,
      criteria: setup.evaluation.criteria,
      requirements: setup.qualification,
      lots: setup.lots.map((l) => ({ key: l.key, name: l.name })),
      rounding: roundingOf(t),
      freezeHash: t.freezeHash,
      phase: e.phase,
      minMembers: e.minMembers,
      expertsToDraw: expertsToDraw(t.regime, { staff: active.filter((m) => m.kind === 'buyer').length, experts: active.filter((m) => m.kind === 'expert').length }, { minMembers: e.minMembers || undefined }),
      composition: compositionIssues(t, e, members).map((i) => i.text),
      members: members.map((m) => ({
        id: m.id,
        userId: m.userId,
        name: people.get(m.userId)?.name ?? '',
        email: s.buyer ? people.get(m.userId)?.email ?? null : null,
        kind: m.kind,
        chair: m.chair,
        source: m.source as 'appointed' | 'drawn',
        field: m.field,
        status: m.status,
        declared: declared(m),
        sheetsSubmitted: m.sheetsSubmittedAt !== null,
        signed: m.signedAt !== null,
        dissent: m.dissent,
        replacedReason: m.replacedReason,
      })),
      draws: (e.draws as { field: string; count: number; seed: string; candidates: string[]; exclude: string[]; drawn: string[]; pool: { id: string; fields: string[] }[]; at: string; replaces: string | null }[]).map((d) => ({
        field: d.field,
        count: d.count,
        seed: d.seed,
        candidates: d.candidates,
        exclude: d.exclude,
        drawn: d.drawn,
        // The pool as it was (to check the candidates) is the buyer's to see; a member replays from the candidates.
        pool: s.buyer ? d.pool : [],
        at: d.at,
        replaces: d.replaces ?? null,
      })),
      bidders: seesBidders ? e.bidders.map((b) => ({ orgId: b.orgId, name: b.name })) : [],
      me: me
        ? { memberId: me.id, chair: me.chair, kind: me.kind, declared: declared(me), sheetsSubmitted: me.sheetsSubmittedAt !== null, signed: me.signedAt !== null, dissent: me.dissent }
        : null,
      canManage: s.buyer && tenderPolicy.manage(ctx.role),
      progress: {
        declared: active.filter(declared).length,
        active: active.length,
        screeningMissing: await screeningProgress(tx, s),
        sheetsSubmitted: active.filter((m) => m.sheetsSubmittedAt).length,
        signed: active.filter((m) => m.signedAt).length,
      },
      results,
      reportSha256: e.reportSha256,
      convenedAt: e.convenedAt?.toISOString() ?? null,
      finalAt: e.finalAt?.toISOString() ?? null,
    };
  },

  /** The user's seats on committees, in every buyer (the expert's and the staff's "My evaluations"). */
  async mine(deps: EvalDeps, ctx: TenantContext) {
    return myEvaluations(deps, ctx);
  },

  /** The evaluation row made when the tender opens (inside the opening's transaction). */
  async begin(tx: Tx, deps: EvalDeps, t: TenderRow, now: Date) {
    await ensure(tx, deps, t, now);
  },

  /** The person has a seat on the tender's committee that does not let them read the bids: not declared yet, or left on a conflict. */
  async barredFromBids(tx: Tx, tenderId: string, userId: string): Promise<boolean> {
    const m = await evaluationRepo.memberOf(tx, tenderId, userId);
    return !!m && (m.status === 'conflicted' || (m.status === 'active' && !m.declaredAt));
  },

  /** The evaluation row of a tender (as the caller may read it), inside the caller's transaction. */
  evaluationOf(tx: Tx, tenderId: string, opts: { withResult?: boolean } = {}) {
    return evaluationRepo.get(tx, tenderId, { with: opts.withResult ? ['result'] : [] });
  },

  /** The stored result and evaluation row of a tender the buyer owns (for the award), inside the caller's transaction. */
  async forAward(tx: Tx, tenderId: string) {
    return evaluationRepo.get(tx, tenderId, { forUpdate: true, with: ['result'] });
  },

  /** The bids that passed screening (their price envelopes are the ones to open). */
  async compliantBidIds(tx: Tx, tenderId: string): Promise<Set<string>> {
    const e = await evaluationRepo.get(tx, tenderId);
    if (!e?.compliance) return new Set();
    return new Set(Object.entries(e.compliance as Record<string, { passed: boolean }>).filter(([, v]) => v.passed).map(([k]) => k));
  },

  /** The price envelopes are open: the result and the report, in the opening's transaction. */
  async pricesOpened(tx: Tx, deps: EvalDeps, ctx: TenantContext, tenderId: string, now: Date) {
    await finishEvaluation(tx, deps, ctx, await seat(tx, ctx, tenderId, { forUpdate: true }), now);
  },

  async markAwardPhase(tx: Tx, tenderId: string, from: EvaluationPhase[], to: EvaluationPhase, now: Date) {
    return evaluationRepo.transition(tx, tenderId, from, { phase: to, updatedAt: now });
  },
};
