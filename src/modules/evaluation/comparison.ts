// The comparison table (issue 8 §4): the bids side by side — each criterion's
// mean score (once scoring has closed, or for a member whose sheets are in) with
// the best marked, each lot's total and rank, the committee's remarks
// (strengths and weaknesses), and the prices item by item in the tender's
// currency with missing, short, over-quantity and duplicate lines flagged
// (domain/buy/comparison.ts). Every view by a member is audited.
import Fraction from 'fraction.js';
import { withTenant, type TenantContext } from '../../db/tenant';
import { compareBids } from '../../domain/buy/comparison';
import { meanScore, roundHalfUp } from '../../domain/buy/scoring';
import { text } from '../../domain/i18n';
import { recordTenderAudit } from '../audit/service';
import { openingService } from '../opening/service';
import { organizationService } from '../organizations/service';
import { setupOf } from '../tenders/present';
import { stateError } from '../tenders/service';
import { evaluationRepo } from './repository';
import type { EvaluationResult } from './results';
import { complianceNow } from './review';
import { activeMembers, seat, type EvalDeps } from './service';

export async function comparisonOf(deps: EvalDeps, ctx: TenantContext, tenderId: string) {
  const now = deps.clock.now();
  return withTenant(deps.db, ctx, async (tx) => {
    const s = await seat(tx, ctx, tenderId, { with: ['result'] });
    if (s.me && !s.me.declaredAt) throw stateError('evaluation.declare_first', text('请先申报与各投标人有无利益冲突。', 'Declare any conflict of interest with the bidders first.'));
    const setup = setupOf(s.t);
    const first = await openingService.openedBids(tx, tenderId);
    const priced = s.t.envelopes === 'two' ? await openingService.openedBids(tx, tenderId, 'price') : first;
    const bids = s.e.bidders.filter((b) => first.some((f) => f.bidId === b.bidId));
    const compliance = await complianceNow(tx, s);
    const cmp = compareBids({ lots: setup.lots, currency: s.t.currency, bids: bids.map((b) => ({ bidId: b.bidId, prices: priced.find((p) => p.bidId === b.bidId)?.content?.prices ?? [] })) });
    const scoresVisible = !['committee', 'screening', 'scoring'].includes(s.e.phase) || !!s.me?.sheetsSubmittedAt;
    const members = new Set(activeMembers(await evaluationRepo.members(tx, tenderId)).map((m) => m.userId));
    const sheets = scoresVisible ? (await evaluationRepo.sheets(tx, tenderId)).filter((x) => members.has(x.userId)) : [];
    const people = await organizationService.people(deps.db, [...members]);
    const sheetsOf = new Map<string, typeof sheets>();
    for (const x of sheets) sheetsOf.set(x.bidId, [...(sheetsOf.get(x.bidId) ?? []), x]);
    const criteria = setup.evaluation.criteria
      .filter((c) => c.part !== 'price')
      .map((c) => {
        const cells = bids.map((b) => {
          const mine = (sheetsOf.get(b.bidId) ?? []).filter((x) => x.scores[c.key] !== undefined);
          const mean = mine.length ? meanScore(mine.map((x) => x.scores[c.key]!)) : null;
          return { bidId: b.bidId, mean, score: mean ? roundHalfUp(mean, 2) : null, best: false };
        });
        const top = cells.reduce<Fraction | null>((m, x) => (x.mean && (!m || x.mean.compare(m) > 0) ? x.mean : m), null);
        for (const x of cells) x.best = !!top && !!x.mean && x.mean.equals(top);
        return { key: c.key, name: c.name, part: c.part, weight: c.weight, maxScore: c.maxScore, cells: cells.map(({ mean: _, ...x }) => x) };
      });
    const result = s.e.result as EvaluationResult | null;
    const ranking = (result?.lots ?? []).map((l) => {
      const ranked = l.evaluation.bids;
      const best = ranked.find((b) => b.rank === 1);
      return {
        lotKey: l.lotKey,
        name: l.name,
        cells: bids.map((b) => {
          const r = ranked.find((x) => x.bidId === b.bidId);
          return { bidId: b.bidId, total: r?.total?.rounded ?? null, rank: r?.rank ?? null, best: !!best && r?.rank === 1 };
        }),
      };
    });
    if (s.me) await recordTenderAudit(tx, ctx, s.t.organizationId, { at: now, action: 'evaluation.comparison_viewed', tenderId, subjectId: ctx.userId, data: { bids: bids.length } });
    return {
      currency: s.t.currency,
      phase: s.e.phase,
      scoresVisible,
      bids: bids.map((b) => ({ bidId: b.bidId, bidder: b.name, compliant: s.e.phase === 'committee' || s.e.phase === 'screening' ? null : compliance[b.bidId]?.passed ?? false })),
      criteria,
      ranking,
      prices: cmp.ok ? cmp.comparison : null,
      remarks: bids.map((b) => ({ bidId: b.bidId, items: sheets.filter((x) => x.bidId === b.bidId && x.remarks.trim()).map((x) => ({ member: people.get(x.userId)?.name ?? '', text: x.remarks })) })),
    };
  });
}
