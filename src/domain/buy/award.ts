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
    en: '{count} {count|objection is|objections are} not answered yet: the award is suspended until {count|it is|they are} answered',
  },
  'award.not_published': { 'zh-CN': '中标候选人尚未公示', en: 'the candidates have not been published' },
  'award.negotiation_forbidden': {
    'zh-CN': '依法必须招标的项目在确定中标人前，不得与投标人就投标价格、投标方案等实质性内容进行谈判（招标投标法第四十三条）',
    en: 'before the award, price and substance of the bids are not negotiated with bidders (Bidding Law, art. 43)',
  },
  'award.negotiation_forbidden_gov': {
    'zh-CN': '政府采购招标项目在确定中标人前，不得与投标人就投标价格、投标方案等实质性内容进行谈判',
    en: 'in government procurement by tender, price and substance of the bids are not negotiated with bidders before the award',
  },
  'award.window_invalid': { 'zh-CN': '公示天数必须是非负整数', en: 'the publication period must be a whole number of days' },
  'award.window_too_short': {
    'zh-CN': '依法招标项目的中标候选人公示期不得少于 {min} 日',
    en: 'under the legal regimes the candidates are published for at least {min} days',
  },
});
const amsg = messageFactory(AWARD_MESSAGES);

/** The end of the objection window for candidates published at `publishedAt` (days as the tender sets them, at least 3 under the legal regimes). */
export function objectionWindow(regime: Regime, publishedAt: Date, days: number): { ok: true; until: Date } | { ok: false; message: Message } {
  const min = isLegalRegime(regime) ? AWARD_RULES.legalPublicationDays : 0;
  if (!Number.isInteger(days) || days < 0) return { ok: false, message: amsg('award.window_invalid') };
  if (days < min) return { ok: false, message: amsg('award.window_too_short', { min }) };
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
 * Who gets a lot: its candidates with their evaluation ranks, without those who
 * declined or were disqualified (`out`). The best rank left gets it; where
 * several share it, the committee's recorded choice among them (`tieBrokenFor`)
 * decides, else the tie is returned for that decision. Once a candidate is out,
 * the buyer may re-tender instead of going down the list (`choice`); with
 * nobody left, a re-tender.
 */
export function nextAward(
  candidates: readonly { bidId: string; rank: number }[],
  out: ReadonlySet<string>,
  opts: { choice?: 'next' | 'retender'; tieBrokenFor?: string | null } = {},
): { kind: 'award'; bidId: string; rank: number } | { kind: 'retender' } | { kind: 'tie'; bidIds: string[] } {
  if (opts.choice === 'retender' && out.size > 0) return { kind: 'retender' };
  const left = candidates.filter((c) => !out.has(c.bidId)).sort((a, b) => a.rank - b.rank);
  if (!left.length) return { kind: 'retender' };
  const top = left.filter((c) => c.rank === left[0]!.rank);
  if (top.length === 1) return { kind: 'award', bidId: top[0]!.bidId, rank: top[0]!.rank };
  const chosen = top.find((c) => c.bidId === opts.tieBrokenFor);
  return chosen ? { kind: 'award', bidId: chosen.bidId, rank: chosen.rank } : { kind: 'tie', bidIds: top.map((c) => c.bidId) };
}

/** The negotiation guard: under the legal regimes nothing substantive is negotiated before the award. */
export function canNegotiate(regime: Regime, awarded: boolean): { ok: true } | { ok: false; message: Message } {
  if (!isLegalRegime(regime) || awarded) return { ok: true };
  return { ok: false, message: amsg(regime === 'gov_procurement' ? 'award.negotiation_forbidden_gov' : 'award.negotiation_forbidden') };
}
