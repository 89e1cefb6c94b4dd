// The award (定标, issue 8 §5–6): the committee's candidates are published per
// lot with an objection window (at least 3 days under the legal regimes); a
// bidder's objection suspends the award until the buyer answers it; each lot
// goes to its best remaining candidate (a tie waits for the committee's recorded
// choice; a candidate out — declined, disqualified — passes it to the next, or
// the buyer re-tenders). The award notice to the winner and the result notice to
// every other bidder are written in one transaction at one instant, each bidder
// told its own screening, scores and rank and the winner's name and price; a
// contract draft is made from the tender and the winning bid; the project moves
// to "preferred supplier chosen". Savings: budget minus awarded value.
import type { z } from 'zod';
import type { Db, Tx } from '../../db/client';
import { readTenant, withTenant, type TenantContext } from '../../db/tenant';
import { AWARD_RULES, canAward, canNegotiate, nextAward, objectionWindow } from '../../domain/buy/award';
import { fromCents, savings, toCents } from '../../domain/buy/money';
import { isLegalRegime } from '../../domain/buy/tender';
import { text } from '../../domain/i18n';
import { AppError, forbidden, issuesError, notFound } from '../../server/errors';
import type { Clock } from '../../server/clock';
import type { Events } from '../../server/events';
import { recordAudit } from '../audit/service';
import { evaluationService } from '../evaluation/service';
import type { EvaluationResult } from '../evaluation/results';
import { notificationService } from '../notifications/service';
import { openingService } from '../opening/service';
import { organizationService } from '../organizations/service';
import { advance } from '../projects/service';
import { recordActivity } from '../shared/activity';
import { requireBuyer, requireSupplier } from '../shared/sides';
import { supplierService } from '../suppliers/service';
import { tenderLinkService } from '../tender-link/service';
import { setupOf } from '../tenders/present';
import { tenderRepo, type TenderRow } from '../tenders/repository';
import { emitTender, orgName, ownTender, requireManager, stateError } from '../tenders/service';
import { awardRepo, type AwardLotRow } from './repository';
import type { AnswerBody, AwardBody, ObjectionBody, OutBody, PublishCandidatesBody, RetenderBody } from './schema';

export type AwardDeps = { db: Db; clock: Clock; events: Events; config: { baseUrl: string } };

/** A published candidate as stored: name, rank and price (read out at the opening) — never a score, which bidders read only of their own bid, after the award. */
interface Cand {
  bidId: string;
  bidderOrgId: string;
  bidder: string;
  rank: number;
  price: string;
}
interface Out {
  bidId: string;
  bidder: string;
  reason: string;
  at: string;
}

const cands = (l: AwardLotRow) => l.candidates as unknown as Cand[];
const outs = (l: AwardLotRow) => l.out as unknown as Out[];
const openObjections = (rows: { answeredAt: Date | null }[]) => rows.filter((o) => !o.answeredAt).length;

function nextFor(l: AwardLotRow) {
  if (l.status !== 'publicized') return { kind: 'none' as const, bidIds: [] };
  const n = nextAward(cands(l), new Set(outs(l).map((o) => o.bidId)), { tieBrokenFor: l.tieChoice });
  return n.kind === 'award' ? { kind: 'award' as const, bidIds: [n.bidId] } : n.kind === 'tie' ? { kind: 'tie' as const, bidIds: n.bidIds } : { kind: 'retender' as const, bidIds: [] };
}

/** Savings of a tender whose every lot is awarded: its estimated value minus the awarded values. */
function savingsOf(t: TenderRow, lots: readonly AwardLotRow[]) {
  if (!lots.length || lots.some((l) => l.status !== 'awarded')) return null;
  const awarded = fromCents(lots.reduce((s, l) => s + toCents(String(l.awardAmount)), 0n));
  const r = savings(String(t.estimatedValue), awarded);
  return { currency: t.currency, budget: String(t.estimatedValue), awarded, amount: r.amount, percent: r.percent };
}

async function bidders(tx: Tx, tenderId: string): Promise<string[]> {
  return tenderRepo.bidderOrgs(tx, tenderId);
}

export const awardService = {
  async state(deps: AwardDeps, ctx: TenantContext, tenderId: string) {
    requireBuyer(ctx);
    return readTenant(deps.db, ctx, (tx) => awardService.stateIn(tx, deps, ctx, tenderId));
  },

  async stateIn(tx: Tx, deps: AwardDeps, ctx: TenantContext, tenderId: string) {
    const now = deps.clock.now();
    const t = await ownTender(tx, ctx, tenderId);
    if (await evaluationService.barredFromBids(tx, tenderId, ctx.userId)) throw forbidden('evaluation.not_cleared', text('你在本项目的评标委员会中尚未申报利益冲突，或已因利益冲突退出。', "You sit on this tender's committee without a declaration, or left it on a conflict of interest."));
    const e = await evaluationService.evaluationOf(tx, tenderId, { withResult: true });
    if (!e || !e.result) throw stateError('award.no_result', text('评标结束后才能定标。', 'The award follows the evaluation.'));
    const result = e.result as unknown as EvaluationResult;
    const stored = await awardRepo.lots(tx, tenderId);
    const objections = await awardRepo.objections(tx, tenderId);
    const contracts = await awardRepo.contracts(tx, [tenderId]);
    const names = await organizationService.names(deps.db, objections.map((o) => o.objectorOrgId));
    const bidderName = (id: string) => e.bidders.find((b) => b.bidId === id)?.name ?? '';
    const open = openObjections(objections);
    return {
      tenderId,
      number: t.number,
      title: t.title,
      regime: t.regime,
      currency: t.currency,
      estimatedValue: String(t.estimatedValue),
      phase: e.phase,
      serverTime: now.toISOString(),
      minPublicationDays: isLegalRegime(t.regime) ? AWARD_RULES.legalPublicationDays : 0,
      lots: result.lots.map((rl) => {
        const l = stored.find((x) => x.lotKey === rl.lotKey);
        const totalOf = (id: string) => rl.evaluation.bids.find((x) => x.bidId === id)?.total?.rounded ?? null;
        const candidates = (l ? cands(l) : rl.candidates.map((id) => {
          const b = rl.evaluation.bids.find((x) => x.bidId === id)!;
          return { bidId: id, bidderOrgId: e.bidders.find((x) => x.bidId === id)?.orgId ?? id, bidder: bidderName(id), rank: b.rank!, price: b.price };
        })).map((c) => ({ ...c, total: totalOf(c.bidId) }));
        const verdict = l?.status === 'publicized' ? canAward(now, l.objectionUntil ? { until: l.objectionUntil } : null, open) : null;
        const contract = contracts.find((c) => c.lotKey === rl.lotKey);
        return {
          lotKey: rl.lotKey,
          name: rl.name,
          status: l?.status ?? 'pending',
          candidates,
          tiedAtCut: rl.tiedAtCut,
          out: l ? outs(l) : [],
          publishedAt: l?.publishedAt?.toISOString() ?? null,
          objectionUntil: l?.objectionUntil?.toISOString() ?? null,
          award: l?.awardBidId ? { bidId: l.awardBidId, bidder: bidderName(l.awardBidId), amount: String(l.awardAmount), awardedAt: l.awardedAt!.toISOString(), rank: candidates.find((c) => c.bidId === l.awardBidId)?.rank ?? 0 } : null,
          contract: contract ? { id: contract.id, number: contract.number, amount: String(contract.amount), status: contract.status } : null,
          next: l ? nextFor(l) : { kind: 'none' as const, bidIds: [] },
          blockedBy: verdict && !verdict.ok ? verdict.message.text : null,
        };
      }),
      objections: objections.map((o) => ({ id: o.id, objector: names.get(o.objectorOrgId)?.name ?? '', grounds: o.grounds, filedAt: o.filedAt.toISOString(), answer: o.answer, answeredAt: o.answeredAt?.toISOString() ?? null })),
      savings: savingsOf(t, stored),
      negotiation: (() => {
        const v = canNegotiate(t.regime, stored.some((l) => l.status === 'awarded'));
        return { allowed: v.ok, reason: v.ok ? null : v.message.text };
      })(),
    };
  },

  /** Publishes the candidates of every lot with the objection window; the bidders are told. */
  async publishCandidates(deps: AwardDeps, ctx: TenantContext, tenderId: string, body: z.infer<typeof PublishCandidatesBody>) {
    requireBuyer(ctx);
    requireManager(ctx);
    const now = deps.clock.now();
    let told: string[] = [];
    const out = await withTenant(deps.db, ctx, async (tx) => {
      const t = await ownTender(tx, ctx, tenderId, { forUpdate: true });
      const e = await evaluationService.forAward(tx, tenderId);
      if (!e || e.phase !== 'final') throw stateError('award.report_not_final', text('评标报告经全体成员签署后才能公示中标候选人。', 'Candidates are published once every member has signed the report.'));
      const w = objectionWindow(t.regime, now, body.days);
      if (!w.ok) throw issuesError([{ field: 'body.days', message: w.message.text, code: 'invalid' }]);
      const result = e.result as unknown as EvaluationResult;
      const name = (id: string) => e.bidders.find((b) => b.bidId === id);
      const rows = result.lots.map((rl) => {
        // Bids tied across the cut share their rank: all of them are published (the committee's choice decides at the award).
        const candidates: Cand[] = [...rl.candidates, ...rl.tiedAtCut].map((id) => {
          const b = rl.evaluation.bids.find((x) => x.bidId === id)!;
          return { bidId: id, bidderOrgId: name(id)?.orgId ?? '', bidder: name(id)?.name ?? '', rank: b.rank!, price: b.price };
        });
        return { organizationId: ctx.orgId, tenderId, lotKey: rl.lotKey, status: candidates.length ? ('publicized' as const) : ('retender' as const), candidates: candidates as never, publishedAt: now, objectionUntil: w.until, updatedAt: now };
      });
      await awardRepo.insertLots(tx, rows);
      if (!(await evaluationService.markAwardPhase(tx, tenderId, ['final'], 'publicized', now))) throw stateError('award.published', text('中标候选人已经公示。', 'The candidates are published already.'));
      await recordAudit(tx, ctx, { at: now, action: 'award.candidates_published', tenderId, data: { until: w.until.toISOString(), lots: rows.map((r) => ({ lot: r.lotKey, candidates: (r.candidates as unknown as Cand[]).map((c) => ({ bidId: c.bidId, rank: c.rank })) })) } });
      await recordActivity(tx, ctx, { entityType: 'tender', entityId: tenderId, projectId: t.projectId, action: 'tender.candidates_published', data: { until: w.until.toISOString() } });
      await finishIfDecided(tx, ctx, t, now); // every lot without a candidate: nothing to award
      const lines = rows.map((r) => `${r.lotKey}: ${(r.candidates as unknown as Cand[]).map((c) => `${c.rank}. ${c.bidder}`).join('，') || '—'}`).join('\n');
      told = await notificationService.notify(tx, ctx, deps.db, await bidders(tx, tenderId), {
        kind: 'candidates',
        tenderId,
        title: text(`中标候选人公示：${t.number}`, `Candidates published: ${t.number}`),
        body: text(`${t.title} 的中标候选人公示至 ${w.until.toISOString()}，期间投标人可提出异议。\n${lines}`, `The candidates of ${t.title} are published until ${w.until.toISOString()}; bidders may object until then.\n${lines}`),
        link: `/supplier/tenders/${tenderId}`,
      }, now, deps.config.baseUrl);
      return awardService.stateIn(tx, deps, ctx, tenderId);
    });
    emitTender(deps.events, [ctx.orgId, ...told], tenderId);
    await tenderLinkService.syncOrgs(deps, told, tenderId);
    return out;
  },

  /** A bidder objects to the candidates, with grounds, inside the window (the database refuses it after). */
  async object(deps: AwardDeps, ctx: TenantContext, tenderId: string, body: z.infer<typeof ObjectionBody>) {
    requireSupplier(ctx);
    const now = deps.clock.now();
    let buyerOrg = '';
    const out = await withTenant(deps.db, ctx, async (tx) => {
      const lots = await awardRepo.lots(tx, tenderId);
      if (!lots.length) throw notFound('tender');
      buyerOrg = lots[0]!.organizationId;
      if (!lots.some((l) => l.objectionUntil && now < l.objectionUntil)) throw stateError('objection.window_closed', text('公示期已结束，不能再提出异议。', 'The publication period is over: no more objections.'));
      const t = await tenderRepo.get(tx, tenderId);
      try {
        await awardRepo.insertObjection(tx, { organizationId: buyerOrg, tenderId, objectorOrgId: ctx.orgId, grounds: body.grounds, filedAt: now });
      } catch (e) {
        if ((e as { cause?: { hint?: string } }).cause?.hint === 'objection_window') throw stateError('objection.window_closed', text('公示期已结束，不能再提出异议。', 'The publication period is over: no more objections.'));
        throw e;
      }
      await recordAudit(tx, ctx, { at: now, action: 'objection.filed', tenderId, data: { grounds: body.grounds } });
      const me = await orgName(deps.db, ctx.orgId);
      await notificationService.notify(tx, ctx, deps.db, [buyerOrg], {
        kind: 'objection',
        tenderId,
        title: text(`异议：${t?.number ?? ''}`, `Objection: ${t?.number ?? ''}`),
        body: text(`${me} 对中标候选人提出异议，定标暂停，直至答复。`, `${me} objected to the candidates; the award waits for your answer.`),
        link: `/buy/tenders/${tenderId}/award`,
      }, now, deps.config.baseUrl);
      return awardService.supplierResultIn(tx, deps, ctx, tenderId, now);
    });
    emitTender(deps.events, [ctx.orgId, buyerOrg], tenderId);
    return out;
  },

  async answer(deps: AwardDeps, ctx: TenantContext, tenderId: string, objectionId: string, body: z.infer<typeof AnswerBody>) {
    requireBuyer(ctx);
    requireManager(ctx);
    const now = deps.clock.now();
    let told: string[] = [];
    const out = await withTenant(deps.db, ctx, async (tx) => {
      const t = await ownTender(tx, ctx, tenderId);
      const o = (await awardRepo.objections(tx, tenderId)).find((x) => x.id === objectionId);
      if (!o) throw notFound('objection');
      if (!(await awardRepo.answer(tx, tenderId, objectionId, { answer: body.answer, answeredBy: ctx.userId, answeredAt: now }))) throw new AppError('conflict', 'objection.answered', text('这项异议已经答复。', 'This objection is answered already.'));
      await recordAudit(tx, ctx, { at: now, action: 'objection.answered', tenderId, subjectId: objectionId, data: { answer: body.answer } });
      told = await notificationService.notify(tx, ctx, deps.db, [o.objectorOrgId], { kind: 'objection', tenderId, title: text(`异议答复：${t.number}`, `Objection answered: ${t.number}`), body: text(body.answer, body.answer), link: `/supplier/tenders/${tenderId}` }, now, deps.config.baseUrl);
      return awardService.stateIn(tx, deps, ctx, tenderId);
    });
    emitTender(deps.events, [ctx.orgId, ...told], tenderId);
    return out;
  },

  /** A candidate is out of a lot before its award (declined, disqualified), with the reason; the next one comes up. */
  async out(deps: AwardDeps, ctx: TenantContext, tenderId: string, lotKey: string, body: z.infer<typeof OutBody>) {
    requireBuyer(ctx);
    requireManager(ctx);
    const now = deps.clock.now();
    const out = await withTenant(deps.db, ctx, async (tx) => {
      await ownTender(tx, ctx, tenderId, { forUpdate: true });
      const l = await openLot(tx, tenderId, lotKey);
      const c = cands(l).find((x) => x.bidId === body.bidId);
      if (!c) throw issuesError([{ field: 'body.bidId', message: text('不是本标段的中标候选人', 'is not a candidate of this lot'), code: 'not_found' }]);
      if (outs(l).some((o) => o.bidId === body.bidId)) throw new AppError('conflict', 'award.out_already', text('该候选人已出局。', 'This candidate is out already.'));
      await awardRepo.addOut(tx, tenderId, lotKey, { bidId: c.bidId, bidder: c.bidder, reason: body.reason, at: now.toISOString() }, now);
      await recordAudit(tx, ctx, { at: now, action: 'award.candidate_out', tenderId, subjectId: c.bidId, data: { lot: lotKey, reason: body.reason } });
      return awardService.stateIn(tx, deps, ctx, tenderId);
    });
    return out;
  },

  /** The buyer re-tenders a lot once a candidate is out (or none is left). */
  async retender(deps: AwardDeps, ctx: TenantContext, tenderId: string, lotKey: string, body: z.infer<typeof RetenderBody>) {
    requireBuyer(ctx);
    requireManager(ctx);
    const now = deps.clock.now();
    const out = await withTenant(deps.db, ctx, async (tx) => {
      const t = await ownTender(tx, ctx, tenderId, { forUpdate: true });
      const l = await openLot(tx, tenderId, lotKey);
      if (nextAward(cands(l), new Set(outs(l).map((o) => o.bidId)), { choice: 'retender' }).kind !== 'retender') {
        throw stateError('award.retender_not_yet', text('排名第一的候选人仍在，应先依次定标；候选人出局后才可选择重新招标。', 'The first candidate is still there: a lot is re-tendered only once a candidate is out.'));
      }
      await awardRepo.updateLot(tx, tenderId, lotKey, { status: 'retender', updatedAt: now });
      await recordAudit(tx, ctx, { at: now, action: 'award.retender', tenderId, data: { lot: lotKey, reason: body.reason } });
      await finishIfDecided(tx, ctx, t, now);
      return awardService.stateIn(tx, deps, ctx, tenderId);
    });
    return out;
  },

  /**
   * Awards a lot to its best remaining candidate: once (the database refuses a
   * second award of the lot), after the window, with no objection open. The award
   * and the result notices, the bidders' results and the contract draft are
   * written together at one instant.
   */
  async award(deps: AwardDeps, ctx: TenantContext, tenderId: string, lotKey: string, body: z.infer<typeof AwardBody>) {
    requireBuyer(ctx);
    requireManager(ctx);
    const now = deps.clock.now();
    let told: string[] = [];
    const out = await withTenant(deps.db, ctx, async (tx) => {
      const t = await ownTender(tx, ctx, tenderId, { forUpdate: true });
      const e = await evaluationService.forAward(tx, tenderId);
      const lots = await awardRepo.lots(tx, tenderId, { forUpdate: true });
      const l = lots.find((x) => x.lotKey === lotKey);
      if (!e || !e.result) throw notFound('tender');
      if (!lots.length) {
        const v = canAward(now, null, 0);
        throw stateError('award.not_yet', v.ok ? text('尚未公示中标候选人。', 'The candidates are not published yet.') : v.message.text);
      }
      if (!l) throw notFound('lot');
      if (l.status !== 'publicized') throw new AppError('conflict', 'award.lot_decided', text('这个标段已定标或重新招标。', 'This lot is awarded or re-tendered already.'));
      const v = canAward(now, l.objectionUntil ? { until: l.objectionUntil } : null, openObjections(await awardRepo.objections(tx, tenderId)));
      if (!v.ok) throw stateError('award.not_yet', v.message.text);
      if (body.tieChoice && !cands(l).some((c) => c.bidId === body.tieChoice)) throw issuesError([{ field: 'body.tieChoice', message: text('不是本标段的中标候选人', 'is not a candidate of this lot'), code: 'not_found' }]);
      const n = nextAward(cands(l), new Set(outs(l).map((o) => o.bidId)), { tieBrokenFor: body.tieChoice ?? l.tieChoice });
      if (n.kind === 'tie') throw stateError('award.tie', text('排名并列第一，需记录评标委员会的选择（tieChoice）。', "Candidates tie at the top: give the committee's recorded choice (tieChoice)."));
      if (n.kind === 'retender') throw stateError('award.none_left', text('没有剩余的中标候选人，请重新招标。', 'No candidate is left: re-tender the lot.'));
      const winner = cands(l).find((c) => c.bidId === n.bidId)!;
      if (!(await awardRepo.award(tx, tenderId, lotKey, { awardBidId: winner.bidId, awardBidderOrgId: winner.bidderOrgId, awardAmount: winner.price, awardedAt: now, updatedAt: now, tieChoice: body.tieChoice ?? l.tieChoice }))) {
        throw new AppError('conflict', 'award.lot_decided', text('这个标段已定标。', 'This lot is awarded already.'));
      }
      const result = e.result as unknown as EvaluationResult;
      const rl = result.lots.find((x) => x.lotKey === lotKey)!;
      const criteria = setupOf(t).evaluation.criteria;
      await awardRepo.insertResults(
        tx,
        e.bidders.map((b) => {
          const mine = rl.evaluation.bids.find((x) => x.bidId === b.bidId);
          return {
            organizationId: ctx.orgId,
            tenderId,
            bidderOrgId: b.orgId,
            lotKey,
            outcome: b.bidId === winner.bidId ? 'awarded' : 'not_awarded',
            content: {
              screening: result.compliance[b.bidId] ?? { passed: false, failed: [] },
              mine: { price: mine?.price ?? null, total: mine?.total?.rounded ?? null, rank: mine?.rank ?? null, criteria: (mine?.criteria ?? []).map((c) => ({ key: c.key, name: criteria.find((x) => x.key === c.key)?.name ?? c.key, score: c.score.shown })) },
              winner: { name: winner.bidder, price: winner.price },
            },
            issuedAt: now,
          };
        }),
      );
      const { supplierId } = (await supplierService.standing(tx, ctx.orgId, winner.bidderOrgId).then((s) => ({ supplierId: s?.supplier.id ?? null })));
      const lot = setupOf(t).lots.find((x) => x.key === lotKey)!;
      const prices = (await openingService.openedBids(tx, tenderId, t.envelopes === 'two' ? 'price' : 'single')).find((b) => b.bidId === winner.bidId)?.content?.prices ?? [];
      await awardRepo.insertContract(tx, {
        organizationId: ctx.orgId,
        tenderId,
        lotKey,
        supplierId,
        supplierOrgId: winner.bidderOrgId,
        bidId: winner.bidId,
        number: `${t.number}-${lotKey}`,
        currency: t.currency,
        amount: winner.price,
        terms: { tender: { number: t.number, title: t.title, regime: t.regime }, lot: { key: lot.key, name: lot.name }, items: lot.items.map((i) => ({ ...i, unitPrice: prices.find((p) => p.lotId === lotKey && p.itemId === i.key)?.unitPrice ?? null })) } as never,
        createdAt: now,
      });
      await recordAudit(tx, ctx, { at: now, action: 'award.made', tenderId, subjectId: winner.bidId, data: { lot: lotKey, amount: winner.price, rank: winner.rank } });
      await recordActivity(tx, ctx, { entityType: 'tender', entityId: tenderId, projectId: t.projectId, action: 'tender.awarded', data: { lot: lotKey, supplier: winner.bidder, amount: winner.price } });
      // The notices: the winner's and everyone else's, in this transaction, at this instant.
      const others = e.bidders.filter((b) => b.orgId !== winner.bidderOrgId).map((b) => b.orgId);
      const buyer = await orgName(deps.db, ctx.orgId);
      const won = await notificationService.notify(tx, ctx, deps.db, [winner.bidderOrgId], {
        kind: 'award_notice',
        tenderId,
        title: text(`中标通知书：${t.number} 标段 ${lotKey}`, `Award notice: ${t.number} lot ${lotKey}`),
        body: text(`${buyer} 确定贵方为 ${t.title}（标段 ${lotKey} ${lot.name}）的中标人，中标价 ${t.currency} ${winner.price}。请按招标文件签订合同。`, `${buyer} awards ${t.title} (lot ${lotKey} ${lot.name}) to you at ${t.currency} ${winner.price}. The contract follows the tender documents.`),
        link: `/supplier/tenders/${tenderId}`,
      }, now, deps.config.baseUrl);
      const lost = await notificationService.notify(tx, ctx, deps.db, others, {
        kind: 'result_notice',
        tenderId,
        title: text(`中标结果通知：${t.number} 标段 ${lotKey}`, `Result notice: ${t.number} lot ${lotKey}`),
        body: text(`${t.title}（标段 ${lotKey}）的中标人为 ${winner.bidder}，中标价 ${t.currency} ${winner.price}。贵方的得分与排名可在招标页面查看。`, `${t.title} (lot ${lotKey}) is awarded to ${winner.bidder} at ${t.currency} ${winner.price}. Your scores and rank are on the tender page.`),
        link: `/supplier/tenders/${tenderId}`,
      }, now, deps.config.baseUrl);
      told = [...won, ...lost];
      await finishIfDecided(tx, ctx, t, now);
      return awardService.stateIn(tx, deps, ctx, tenderId);
    });
    emitTender(deps.events, [ctx.orgId, ...told], tenderId);
    await tenderLinkService.syncOrgs(deps, told, tenderId);
    return out;
  },

  /** What a bidder may see: the published candidates, its own results (after the award), its own objections. */
  async supplierResult(deps: AwardDeps, ctx: TenantContext, tenderId: string) {
    requireSupplier(ctx);
    const now = deps.clock.now();
    return readTenant(deps.db, ctx, (tx) => awardService.supplierResultIn(tx, deps, ctx, tenderId, now));
  },

  async supplierResultIn(tx: Tx, deps: AwardDeps, ctx: TenantContext, tenderId: string, now: Date) {
    {
      const t = await tenderRepo.get(tx, tenderId);
      if (!t || !t.publishedAt || t.organizationId === ctx.orgId) throw notFound('tender');
      const lots = await awardRepo.lots(tx, tenderId);
      const results = await awardRepo.results(tx, tenderId);
      const objections = await awardRepo.objections(tx, tenderId);
      const me = await orgName(deps.db, ctx.orgId);
      const lotName = (k: string) => setupOf(t).lots.find((l) => l.key === k)?.name ?? k;
      return {
        tenderId,
        candidates: lots.map((l) => ({ lotKey: l.lotKey, name: lotName(l.lotKey), publishedAt: l.publishedAt!.toISOString(), objectionUntil: l.objectionUntil?.toISOString() ?? null, status: l.status, candidates: cands(l).map((c) => ({ bidder: c.bidder, rank: c.rank, price: c.price })) })),
        results: results.map((r) => ({ lotKey: r.lotKey, outcome: r.outcome as 'awarded' | 'not_awarded', issuedAt: r.issuedAt.toISOString(), ...(r.content as { screening: never; mine: never; winner: never }) })),
        objections: objections.map((o) => ({ id: o.id, objector: me, grounds: o.grounds, filedAt: o.filedAt.toISOString(), answer: o.answer, answeredAt: o.answeredAt?.toISOString() ?? null })),
        canObject: lots.some((l) => l.status === 'publicized' && l.objectionUntil && now < l.objectionUntil),
      };
    }
  },

  /** The buyer's savings on tenders whose every lot is awarded, per currency. */
  async savings(deps: AwardDeps, ctx: TenantContext) {
    requireBuyer(ctx);
    return readTenant(deps.db, ctx, async (tx) => {
      const lots = await awardRepo.awardedLots(tx, ctx.orgId);
      const byTender = new Map<string, AwardLotRow[]>();
      for (const l of lots) byTender.set(l.tenderId, [...(byTender.get(l.tenderId) ?? []), l]);
      const sums = new Map<string, { budget: bigint; awarded: bigint; tenders: number }>();
      for (const [id, awarded] of byTender) {
        const t = await tenderRepo.get(tx, id);
        if (!t) continue;
        const all = await awardRepo.lots(tx, id);
        const s = savingsOf(t, all);
        if (!s || awarded.length !== all.length) continue;
        const cur = sums.get(t.currency) ?? { budget: 0n, awarded: 0n, tenders: 0 };
        sums.set(t.currency, { budget: cur.budget + toCents(s.budget), awarded: cur.awarded + toCents(s.awarded), tenders: cur.tenders + 1 });
      }
      return {
        items: [...sums].map(([currency, s]) => {
          const r = savings(fromCents(s.budget), fromCents(s.awarded));
          return { currency, tenders: s.tenders, budget: fromCents(s.budget), awarded: fromCents(s.awarded), amount: r.amount, percent: r.percent };
        }),
      };
    });
  },
};

/** A lot still to decide, with every lot of the tender locked (one award per lot); 404 for an unknown lot, 409 for a decided one. */
async function openLot(tx: Tx, tenderId: string, lotKey: string): Promise<AwardLotRow> {
  const l = (await awardRepo.lots(tx, tenderId, { forUpdate: true })).find((x) => x.lotKey === lotKey);
  if (!l) throw notFound('lot');
  if (l.status !== 'publicized') throw new AppError('conflict', 'award.lot_decided', text('这个标段已定标或重新招标。', 'This lot is awarded or re-tendered already.'));
  return l;
}

/** Once every lot is awarded or re-tendered: the evaluation is done and the project moves on. */
async function finishIfDecided(tx: Tx, ctx: TenantContext, t: TenderRow, now: Date) {
  const lots = await awardRepo.lots(tx, t.id);
  if (lots.some((l) => l.status === 'publicized' || l.status === 'pending')) return;
  if (!(await evaluationService.markAwardPhase(tx, t.id, ['publicized'], 'awarded', now))) return;
  const awarded = lots.filter((l) => l.status === 'awarded');
  await advance(tx, ctx, t.projectId, awarded.length ? 'preferred_supplier_chosen' : 'tender_failed', now, { tender: t.number, lots: awarded.map((l) => l.lotKey) });
}
