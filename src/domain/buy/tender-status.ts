// A tender through time (tendering.md "Receiving bids", "Opening"): its states,
// which the clock moves (published → questions closed → bidding closed at the
// deadline), what each state allows, how an amendment or a moved date changes
// the timeline, and how the opening judges what it finds. Pure: `now` comes in.
import { defineCatalog, messageFactory, type Message } from '../i18n';
import { isLegalRegime, LEGAL_RULES, type Regime, type Timeline } from './tender';

export const TENDER_STATUSES = ['draft', 'published', 'questions_closed', 'bidding_closed', 'opened', 'failed', 'cancelled'] as const;
export type TenderStatus = (typeof TENDER_STATUSES)[number];

const DAY = 86_400_000;
const CLOCK_DRIVEN: ReadonlySet<TenderStatus> = new Set(['published', 'questions_closed', 'bidding_closed']);

/** The state the clock puts a published tender in; other states stay as they are. */
export function statusAt(stored: TenderStatus, timeline: Pick<Timeline, 'questionsUntil' | 'deadline'>, now: Date): TenderStatus {
  if (!CLOCK_DRIVEN.has(stored)) return stored;
  const t = now.getTime();
  if (t >= timeline.deadline.getTime()) return 'bidding_closed';
  if (t >= timeline.questionsUntil.getTime()) return 'questions_closed';
  return 'published';
}

export const STATUS_MESSAGES = defineCatalog({
  'tender.status.not_published': { 'zh-CN': '招标尚未发布', en: 'the tender is not published' },
  'tender.status.cancelled': { 'zh-CN': '招标已取消', en: 'the tender was cancelled' },
  'tender.status.deadline_passed': {
    'zh-CN': '投标截止时间 {deadline} 已过（服务器时间 {now}），不再接受投标或修改',
    en: 'the deadline {deadline} has passed (server time {now}): no more bids or changes',
  },
  'tender.status.closed': { 'zh-CN': '招标已进入 {status} 阶段', en: 'the tender is {status}' },
  'tender.status.questions_closed': { 'zh-CN': '提问已于 {until} 截止', en: 'questions closed at {until}' },
  'tender.status.too_early_to_open': { 'zh-CN': '开标时间 {openingAt} 未到（服务器时间 {now}）', en: 'the opening time {openingAt} has not come (server time {now})' },
  'tender.status.not_ready_to_open': { 'zh-CN': '只有截止后的招标才能开标（当前：{status}）', en: 'only a tender past its deadline opens (now: {status})' },
  'tender.status.deadline_earlier': {
    'zh-CN': '发布后不得提前投标截止时间（原为 {old}）',
    en: 'after publication the deadline may not move earlier (it is {old})',
  },
  'tender.status.amend_after_deadline': { 'zh-CN': '截止后不能再修改招标文件', en: 'the tender can no longer be amended after its deadline' },
});
const smsg = messageFactory(STATUS_MESSAGES);

export type Refusal = { ok: false; code: string; message: Message };
export type Verdict = { ok: true } | Refusal;
const no = (code: keyof typeof STATUS_MESSAGES, params: Record<string, string | number> = {}): Refusal => ({ ok: false, code, message: smsg(code, params) });

/** Whether a bid (or a replacement, or a withdrawal) can be taken now: strictly before the deadline. */
export function canBid(stored: TenderStatus, timeline: Pick<Timeline, 'questionsUntil' | 'deadline'>, now: Date): Verdict {
  if (stored === 'draft') return no('tender.status.not_published');
  if (stored === 'cancelled') return no('tender.status.cancelled');
  const status = statusAt(stored, timeline, now);
  if (status === 'bidding_closed') return no('tender.status.deadline_passed', { deadline: timeline.deadline.toISOString(), now: now.toISOString() });
  if (status !== 'published' && status !== 'questions_closed') return no('tender.status.closed', { status });
  return { ok: true };
}

/** Whether a supplier may still ask a question: published and before the end of questions. */
export function canAsk(stored: TenderStatus, timeline: Pick<Timeline, 'questionsUntil' | 'deadline'>, now: Date): Verdict {
  const bid = canBid(stored, timeline, now);
  if (!bid.ok) return bid;
  if (statusAt(stored, timeline, now) === 'questions_closed') return no('tender.status.questions_closed', { until: timeline.questionsUntil.toISOString() });
  return { ok: true };
}

/** Whether the opening may start now: past the deadline and at or after the opening time. */
export function canOpen(stored: TenderStatus, timeline: Pick<Timeline, 'questionsUntil' | 'deadline' | 'openingAt'>, now: Date): Verdict {
  const status = statusAt(stored, timeline, now);
  if (status !== 'bidding_closed') return no('tender.status.not_ready_to_open', { status });
  if (now.getTime() < timeline.openingAt.getTime()) return no('tender.status.too_early_to_open', { openingAt: timeline.openingAt.toISOString(), now: now.toISOString() });
  return { ok: true };
}

/**
 * The timeline after a change of the tender documents at `at`. A material
 * amendment under the legal regimes leaves at least 15 days to the deadline
 * (the deadline moves out, and the opening with it); under `enterprise` the
 * tender's own minimum applies. The deadline never moves earlier.
 */
export function amendTimeline(
  regime: Regime,
  timeline: Timeline,
  at: Date,
  change: { material: boolean; deadline?: Date; enterpriseMinDays?: number },
): { ok: true; timeline: Timeline; pushed: boolean } | Refusal {
  if (at.getTime() >= timeline.deadline.getTime()) return no('tender.status.amend_after_deadline');
  const asked = change.deadline ?? timeline.deadline;
  if (asked.getTime() < timeline.deadline.getTime()) return no('tender.status.deadline_earlier', { old: timeline.deadline.toISOString() });
  const minDays = isLegalRegime(regime) ? LEGAL_RULES.clarificationBeforeDeadlineDays : change.enterpriseMinDays ?? 0;
  const earliest = change.material ? at.getTime() + minDays * DAY : 0;
  const deadline = new Date(Math.max(asked.getTime(), earliest));
  const pushed = deadline.getTime() > asked.getTime();
  const shift = deadline.getTime() - timeline.deadline.getTime();
  const openingAt = isLegalRegime(regime) ? deadline : new Date(timeline.openingAt.getTime() + shift);
  return { ok: true, timeline: { ...timeline, deadline, openingAt }, pushed };
}

/** The opening's verdict on the number of valid bids: too few and nothing is decrypted. */
export function openingVerdict(validBids: number, minValidBids: number): 'open' | 'failed' {
  return validBids >= minValidBids ? 'open' : 'failed';
}

/**
 * A bid whose envelope does not open, judged by its receipt (sealing.md 4;
 * 电子招标投标办法 Art. 31): if the stored bid is not what the receipt says was
 * received, the platform is at fault — the bidder's own copy, if it matches the
 * receipt, is opened instead, else the bid counts as withdrawn (撤回); if the
 * stored bid is what was received, the bidder sealed it wrongly: revoked (撤销).
 */
export function judgeUnopenable(storedSha256: string, receiptSha256: string, localCopySha256?: string): 'use_local_copy' | 'withdrawn' | 'revoked' {
  if (storedSha256 === receiptSha256) return 'revoked';
  return localCopySha256 === receiptSha256 ? 'use_local_copy' : 'withdrawn';
}
