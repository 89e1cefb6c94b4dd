// The evaluation's phases (issue 8): after the opening the buyer forms the
// committee (composition checked under the regime) and convenes it; every
// member declares no conflict with each bidder before seeing any bid; the
// committee screens every opened bid against each published requirement;
// under comprehensive scoring each member scores alone; with two envelopes the
// price envelopes of the bids that passed open only then; the report is final
// once every member has signed or written a dissent; then candidates are
// published per lot, objections answered, and each lot awarded.
import type { Text } from '../i18n';
import type { EnvelopeMode, EvaluationMethod } from './tender';

export const EVALUATION_PHASES = ['committee', 'screening', 'scoring', 'prices', 'report', 'final', 'publicized', 'awarded'] as const;
export type EvaluationPhase = (typeof EVALUATION_PHASES)[number];
export const MEMBER_STATUSES = ['active', 'conflicted', 'replaced'] as const;
export type MemberStatus = (typeof MEMBER_STATUSES)[number];
export const LOT_AWARD_STATUSES = ['pending', 'publicized', 'awarded', 'retender'] as const;
export type LotAwardStatus = (typeof LOT_AWARD_STATUSES)[number];

export const EVALUATION_PHASE_LABELS: Readonly<Record<EvaluationPhase, Text>> = {
  committee: { 'zh-CN': '组建评标委员会', en: 'Forming the committee' },
  screening: { 'zh-CN': '初步评审', en: 'Screening' },
  scoring: { 'zh-CN': '详细评审（打分）', en: 'Scoring' },
  prices: { 'zh-CN': '待开启报价信封', en: 'Price envelopes to open' },
  report: { 'zh-CN': '评标报告签署', en: 'Report to sign' },
  final: { 'zh-CN': '评标完成', en: 'Evaluation complete' },
  publicized: { 'zh-CN': '中标候选人公示', en: 'Candidates published' },
  awarded: { 'zh-CN': '已定标', en: 'Awarded' },
};

/** The phase after screening closes: scoring where members score, else the price envelopes (two envelopes), else the report. */
export function afterScreening(method: EvaluationMethod, envelopes: EnvelopeMode): EvaluationPhase {
  if (method === 'comprehensive') return 'scoring';
  return envelopes === 'two' ? 'prices' : 'report';
}

/** The phase after scoring closes. */
export function afterScoring(envelopes: EnvelopeMode): EvaluationPhase {
  return envelopes === 'two' ? 'prices' : 'report';
}
