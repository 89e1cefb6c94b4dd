// Helpers for the evaluation and award tests: an opened tender taken through
// the committee to a final report, through the public API as its people would.
import type { TestEnv, TestUser } from './api';
import { mustAs } from './buy';

/** Scores per bidder organization: { C1, C2 } (the price is computed). */
export type Scores = Record<string, { C1: string; C2: string }>;

/**
 * Under the enterprise regime a committee of one is lawful: the buyer's chair
 * alone declares, screens (every bid passing unless `fail` names it), scores,
 * closes and signs. Returns the final state.
 */
export async function evaluateAlone(env: TestEnv, chair: TestUser, tenderId: string, scores: Scores, fail: Record<string, string> = {}, opts: { closeScoring?: boolean } = {}) {
  const must = mustAs(env);
  const url = (p = '') => `/api/v1/evaluations/${tenderId}${p}`;
  await must(chair, 'PUT', url('/committee'), { staff: [{ userId: chair.userId, chair: true }] });
  await must(chair, 'POST', url('/convene'));
  const s = await must(chair, 'GET', url());
  await must(chair, 'POST', url('/declaration'), { declarations: s.bidders.map((b: { orgId: string }) => ({ bidderOrgId: b.orgId, conflict: false })) });
  const bids = (await must(chair, 'GET', url('/bids'))).items as { bidId: string; bidderOrgId: string }[];
  const results = bids.flatMap((b) => s.requirements.map((r: { key: string }) => ({ bidId: b.bidId, requirementKey: r.key, passed: !fail[b.bidderOrgId], reason: fail[b.bidderOrgId] ?? '' })));
  await must(chair, 'PUT', url('/screening'), { results });
  const after = await must(chair, 'POST', url('/screening/close'));
  if (after.phase === 'scoring') {
    for (const b of bids) if (!fail[b.bidderOrgId]) await must(chair, 'PUT', url(`/sheets/${b.bidId}`), { scores: scores[b.bidderOrgId] });
    await must(chair, 'POST', url('/sheets/submit'));
    if (opts.closeScoring === false) return must(chair, 'GET', url());
    const closed = await must(chair, 'POST', url('/scoring/close'));
    if (closed.phase !== 'report') return closed;
  }
  return must(chair, 'POST', url('/sign'), {});
}
