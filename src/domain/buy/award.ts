// From the shortlist to the award (tendering.md "After the award"; issue 8 §5–6):
// the candidates are published with an objection window (at least 3 days under
// the legal regimes); an open objection suspends the award until it is
// answered; each lot goes to its rank 1, and when that candidate declines or is
// disqualified, to the next in order — with none left, the lot is re-tendered.
// Under the legal regimes nothing about price or substance is negotiated before
// the award. Pure: `now` comes in.
import { defineCatalog, messageFactory, type Message } from '../i18n';
import { isLegalRegime, type Regime } from './tender';

const DAY = 86_400_000;

export const AWARD_RULES = Object.freeze({
  /** Candidates stay published at least this long under the legal regimes before the award. */
  legalPublicationDays: 3,
});

export const AWARD_MESSAGES = defineCatalog({
  'award.window_open': {
    'zh-CN': '中标候选人公示期至 {until} 结束（服务器时间 {now}），公示期内不能确定中标人',
    en: 'the candidates are published until {until} (server time {now}): no award before the objection window ends',
  },
  'award.objection_open': {
    'zh-CN': '有 {count} 项异议尚未答复，答复前暂停确定中标人',
    en: '{count} {count|objection is|objections are} not answered yet: the award waits until {count|it is|they are}',
  },
  'award.not_published': { 'zh-CN': '中标候选人尚未公示', en: 'the candidates have not been published' },
  'award.negotiation_forbidden': {
    'zh-CN': '依法招标项目在确定中标人前，不得就投标价格、投标方案等实质性内容进行谈判（招标投标法第四十三条）',
    en: 'under the legal regimes no negotiation on price or substance is allowed before the award (Bidding Law, art. 43)',
  },
  'award.window_too_short': {
    'zh-CN': '依法招标项目的中标候选人公示期不得少于 {min} 日',
    en: 'under the legal regimes the candidates are published for at least {min} days',
  },
});
const amsg = messageFactory(AWARD_MESSAGES);

/** The end of the objection window for candidates published at `publishedAt` (days as the tender sets them, at least 3 under the legal regimes). */
export function objectionWindow(regime: Regime, publishedAt: Date, days: number): { ok: true; until: Date } | { ok: false; message: Message } {
  const min = isLegalRegime(regime) ? AWARD_RULES.legalPublicationDays : 0;
  if (!Number.isInteger(days) || days < min) return { ok: false, message: amsg('award.window_too_short', { min }) };
  return { ok: true, until: new Date(publishedAt.getTime() + days * DAY) };
}

/** Whether the award may be made now: candidates published, their window over, every objection answered. */
export function canAward(now: Date, publication: { until: Date } | null, openObjections: number): { ok: true } | { ok: false; message: Message } {
  if (!publication) return { ok: false, message: amsg('award.not_published') };
  if (now.getTime() < publication.until.getTime()) return { ok: false, message: amsg('award.window_open', { until: publication.until.toISOString(), now: now.toISOString() }) };
  if (openObjections > 0) return { ok: false, message: amsg('award.objection_open', { count: openObjections }) };
  return { ok: true };
}

/**
 * Who gets a lot: its candidates in rank order, without those who declined or
 * were disqualified. The first one left; none left, a re-tender.
 */
export function nextAward(candidates: readonly string[], out: ReadonlySet<string>): { kind: 'award'; bidId: string; rank: number } | { kind: 'retender' } {
  const i = candidates.findIndex((c) => !out.has(c));
  return i < 0 ? { kind: 'retender' } : { kind: 'award', bidId: candidates[i]!, rank: i + 1 };
}

/** The negotiation guard: under the legal regimes nothing substantive is negotiated before the award. */
export function canNegotiate(regime: Regime, awarded: boolean): { ok: true } | { ok: false; message: Message } {
  return isLegalRegime(regime) && !awarded ? { ok: false, message: amsg('award.negotiation_forbidden') } : { ok: true };
}
