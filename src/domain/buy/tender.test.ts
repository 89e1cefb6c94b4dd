import { describe, expect, it } from 'vitest';
import { INTERNAL_8, PURCHASING_CYCLE_5 } from '../process-models';
import {
  amendTimeline,
  BUY_ACTIONS,
  BUY_ACTION_LABELS,
  canAsk,
  canBid,
  canOpen,
  checkTender,
  envelopesOf,
  freezeHash,
  fromCents,
  isLegalRegime,
  isMoney,
  isQuantity,
  judgeUnopenable,
  LEGAL_RULES,
  lineTotal,
  openingVerdict,
  savings,
  stageAfter,
  statusAt,
  sumMoney,
  toCents,
  withinPercent,
  type TenderSetup,
} from './index';

const DAY = 86_400_000;
const T0 = Date.UTC(2027, 0, 4, 2); // 2027-01-04 02:00 UTC (10:00 in Beijing)
const at = (days: number, ms = 0) => new Date(T0 + days * DAY + ms);

describe('money', () => {
  it('parses, sums and multiplies exactly, rounding line totals half up to the cent', () => {
    expect(toCents('3200000')).toBe(320_000_000n);
    expect(toCents('0.5')).toBe(50n);
    expect(fromCents(-1234n)).toBe('-12.34');
    expect(sumMoney(['0.10', '0.20'])).toBe('0.30');
    expect(lineTotal('19.99', '3')).toBe('59.97');
    expect(lineTotal('0.05', '0.5')).toBe('0.03');
    expect(lineTotal('0.05', '0.1')).toBe('0.01');
    expect(lineTotal('0.01', '0.4')).toBe('0.00');
    expect(() => toCents('1.234')).toThrow(RangeError);
    expect(() => lineTotal('1', '0')).toThrow(/quantity/);
    expect(isMoney('01')).toBe(false);
    expect(isMoney(5)).toBe(false);
    expect(isQuantity('0.0')).toBe(false);
    expect(isQuantity('2.5')).toBe(true);
    expect(isQuantity(2)).toBe(false);
  });
  it('compares with a percentage and computes savings to two decimals, half up', () => {
    expect(withinPercent('20000', '1000000', 2)).toBe(true);
    expect(withinPercent('20000.01', '1000000', 2)).toBe(false);
    expect(withinPercent('125', '1000', 12.5)).toBe(true);
    expect(savings('3000000', '2550000')).toEqual({ amount: '450000.00', percent: '15.00' });
    expect(savings('3', '2')).toEqual({ amount: '1.00', percent: '33.33' });
    expect(savings('3', '1')).toEqual({ amount: '2.00', percent: '66.67' });
    expect(savings('3', '4')).toEqual({ amount: '-1.00', percent: '-33.33' });
    expect(savings('3', '5')).toEqual({ amount: '-2.00', percent: '-66.67' });
    expect(savings('0', '5')).toEqual({ amount: '-5.00', percent: '0.00' });
  });
});

const base = (over: Partial<TenderSetup> = {}): TenderSetup => ({
  regime: 'gov_procurement',
  method: 'open',
  category: 'goods',
  currency: 'CNY',
  estimatedValue: '3200000',
  bidBond: '64000',
  lots: [{ key: 'L1', name: '压缩机', items: [{ key: 'I1', name: '变频压缩机', specification: '1.5 匹', quantity: '2000', unit: '台' }] }],
  qualification: [{ key: 'Q1', text: '具有 ISO 9001 认证' }],
  evaluation: {
    method: 'comprehensive',
    criteria: [
      { key: 'tech', part: 'technical', name: '技术方案', weight: 50, maxScore: 100 },
      { key: 'biz', part: 'commercial', name: '商务条款', weight: 20, maxScore: 100 },
      { key: 'price', part: 'price', name: '价格', weight: 30, maxScore: 100 },
    ],
  },
  envelopes: 'two',
  timeline: { publishAt: at(0), questionsUntil: at(5), deadline: at(21), openingAt: at(21) },
  minValidBids: 3,
  ...over,
});
const paths = (t: TenderSetup) => checkTender(t).map((i) => i.path);
const codes = (t: TenderSetup) => checkTender(t).map((i) => i.message.code);

describe('checkTender', () => {
  it('a well-formed government goods tender may be published', () => {
    expect(checkTender(base())).toEqual([]);
    expect(isLegalRegime('tender_law')).toBe(true);
    expect(isLegalRegime('enterprise')).toBe(false);
  });

  it('lots and items: at least one of each, unique keys, names, units and quantities', () => {
    expect(paths(base({ lots: [] }))).toEqual(['lots']);
    const item = base().lots[0]!.items[0]!;
    const lots = [
      { key: 'L1', name: ' ', items: [] },
      { key: 'L1', name: 'x', items: [item, { ...item, name: '', unit: '', quantity: '0' }] },
    ];
    expect(paths(base({ lots }))).toEqual(['lots', 'lots.0.name', 'lots.0.items', 'lots.1.items', 'lots.1.items.1.name', 'lots.1.items.1.unit', 'lots.1.items.1.quantity']);
    expect(checkTender(base({ lots }))[0]!.message.text.en).toBe('the key "L1" is used twice');
  });

  it('the estimated value and the bid bond: at most 2 % under the legal regimes', () => {
    expect(codes(base({ estimatedValue: 'lots' }))).toEqual(['tender.amount']);
    expect(codes(base({ estimatedValue: '0' }))).toEqual(['tender.positive']);
    expect(codes(base({ bidBond: '-1' }))).toEqual(['tender.amount']);
    expect(codes(base({ bidBond: '64000.01' }))).toEqual(['tender.bid_bond']);
    expect(checkTender(base({ bidBond: '64000.01' }))[0]!.message.text['zh-CN']).toBe('投标保证金不得超过估算价的 2%（gov_procurement）');
    expect(codes(base({ regime: 'tender_law', bidBond: '100000' }))).toEqual(['tender.bid_bond']);
    expect(codes(base({ regime: 'enterprise', bidBond: '100000' }))).toEqual([]);
  });

  it('comprehensive scoring: weights sum to exactly 100 %, one price criterion, positive weights and full marks', () => {
    const c = base().evaluation.criteria;
    const ev = (criteria: typeof c) => base({ evaluation: { method: 'comprehensive', criteria } });
    expect(codes(ev([{ ...c[0]!, weight: 50.5 }, c[1]!, c[2]!]))).toEqual(['tender.weights_sum']);
    expect(checkTender(ev([{ ...c[0]!, weight: 50.5 }, c[1]!, c[2]!]))[0]!.message.text.en).toBe('the weights must sum to 100%; they sum to 100.5%');
    expect(codes(ev([{ ...c[0]!, weight: 49.99 }, { ...c[1]!, weight: 20.01 }, c[2]!]))).toEqual([]);
    expect(codes(ev([{ ...c[0]!, weight: 49.995 }, c[1]!, c[2]!]))).toEqual(['tender.weight']);
    expect(codes(ev([{ ...c[0]!, weight: 0 }, { ...c[1]!, weight: 70 }, c[2]!]))).toEqual(['tender.weight']);
    expect(codes(ev([{ ...c[0]!, weight: Number.NaN }, c[1]!, c[2]!]))).toEqual(['tender.weight']);
    expect(codes(ev([c[0]!, c[1]!]))).toEqual(['tender.criteria_needed', 'tender.weights_sum']);
    expect(codes(ev([c[2]!]))).toEqual(['tender.criteria_needed', 'tender.weights_sum']);
    expect(codes(ev([{ ...c[2]!, weight: 100 }]))).toEqual(['tender.criteria_needed']);
    expect(codes(ev([{ ...c[0]!, part: 'price', weight: 40 }, c[1]!, { ...c[2]!, weight: 40 }]))).toEqual(['tender.one_price']);
    expect(codes(ev([{ ...c[0]!, maxScore: 0, name: ' ' }, c[1]!, c[2]!]))).toEqual(['tender.max_score', 'tender.required']);
    expect(codes(ev([c[0]!, { ...c[1]!, key: 'tech' }, c[2]!]))).toEqual(['tender.duplicate_key']);
  });

  it('government procurement: the price weight is at least 30 % for goods and 10 % for services; works are refused', () => {
    const c = base().evaluation.criteria;
    const with20 = [{ ...c[0]!, weight: 60 }, c[1]!, { ...c[2]!, weight: 20 }];
    expect(paths(base({ evaluation: { method: 'comprehensive', criteria: with20 } }))).toEqual(['evaluation.criteria.2.weight']);
    expect(checkTender(base({ evaluation: { method: 'comprehensive', criteria: with20 } }))[0]!.message.text.en).toBe('government procurement of goods needs a price weight of at least 30%; it is 20%');
    expect(codes(base({ category: 'services', evaluation: { method: 'comprehensive', criteria: with20 } }))).toEqual([]);
    const with5 = [{ ...c[0]!, weight: 75 }, c[1]!, { ...c[2]!, weight: 5 }];
    expect(codes(base({ category: 'services', evaluation: { method: 'comprehensive', criteria: with5 } }))).toEqual(['tender.price_weight_min']);
    expect(codes(base({ regime: 'tender_law', evaluation: { method: 'comprehensive', criteria: with5 } }))).toEqual([]);
    expect(codes(base({ category: 'works' }))).toEqual(['tender.gov_works']);
    expect(codes(base({ regime: 'tender_law', category: 'works' }))).toEqual([]);
  });

  it('lowest evaluated price has no scored criteria', () => {
    expect(codes(base({ evaluation: { method: 'lowest_price', criteria: [] } }))).toEqual([]);
    expect(codes(base({ evaluation: { method: 'lowest_price', criteria: base().evaluation.criteria } }))).toEqual(['tender.criteria_for_lowest_price']);
  });

  it('legal periods: 20 days to the deadline, questions 15 days before it, opening at the deadline', () => {
    const tl = base().timeline;
    expect(paths(base({ timeline: { ...tl, questionsUntil: at(4), deadline: at(19, DAY - 1), openingAt: at(19, DAY - 1) } }))).toEqual(['timeline.deadline']);
    expect(checkTender(base({ timeline: { ...tl, questionsUntil: at(4), deadline: at(19), openingAt: at(19) } }))[0]!.message.text.en).toBe('at least 20 days from the tender documents to the deadline (gov_procurement); it is 19');
    expect(paths(base({ timeline: { ...tl, deadline: at(20), openingAt: at(20) } }))).toEqual([]);
    expect(paths(base({ timeline: { ...tl, questionsUntil: at(6, 1) } }))).toEqual(['timeline.questionsUntil']);
    expect(paths(base({ timeline: { ...tl, openingAt: at(21, 60_000) } }))).toEqual(['timeline.openingAt']);
    // Enterprise tenders set their own periods, in order.
    const ent = { regime: 'enterprise' as const, bidBond: '0' };
    expect(paths(base({ ...ent, timeline: { publishAt: at(0), questionsUntil: at(1), deadline: at(2), openingAt: at(2, 3_600_000) } }))).toEqual([]);
    expect(paths(base({ ...ent, timeline: { publishAt: at(0), questionsUntil: at(0), deadline: at(2), openingAt: at(2) } }))).toEqual(['timeline.questionsUntil']);
    expect(checkTender(base({ ...ent, timeline: { publishAt: at(0), questionsUntil: at(3), deadline: at(2), openingAt: at(1) } })).map((i) => [i.path, i.message.text.en])).toEqual([
      ['timeline.deadline', 'must not be before the end of questions'],
      ['timeline.openingAt', 'must not be before the deadline'],
    ]);
    expect(checkTender(base({ ...ent, timeline: { publishAt: at(0), questionsUntil: at(0), deadline: at(2), openingAt: at(2) } }))[0]!.message.text['zh-CN']).toBe('必须晚于发布时间');
  });

  it('minimum valid bids: 3 under the legal regimes, 1–50 otherwise', () => {
    expect(codes(base({ minValidBids: 2 }))).toEqual(['tender.min_valid_bids']);
    expect(codes(base({ regime: 'enterprise', minValidBids: 1 }))).toEqual([]);
    expect(codes(base({ regime: 'enterprise', minValidBids: 0 }))).toEqual(['tender.min_valid_bids_range']);
    expect(codes(base({ regime: 'enterprise', minValidBids: 1.5 }))).toEqual(['tender.min_valid_bids_range']);
    expect(LEGAL_RULES.minValidBids).toBe(3);
  });

  it('envelopes and the freeze hash', () => {
    expect(envelopesOf('one')).toEqual(['single']);
    expect(envelopesOf('two')).toEqual(['technical', 'price']);
    const h = freezeHash(base(), ['b', 'a']);
    expect(h).toMatch(/^[0-9a-f]{64}$/);
    expect(freezeHash(base(), ['a', 'b'])).toBe(h);
    const c = base().evaluation.criteria;
    expect(freezeHash(base({ evaluation: { method: 'comprehensive', criteria: [{ ...c[0]!, weight: 49 }, { ...c[1]!, weight: 21 }, c[2]!] } }), ['a', 'b'])).not.toBe(h);
    expect(freezeHash(base(), ['a'])).not.toBe(h);
  });
});

describe('a tender through time', () => {
  const tl = { publishAt: at(0), questionsUntil: at(5), deadline: at(21), openingAt: at(21) };
  it('the clock moves a published tender; other states stay', () => {
    expect(statusAt('published', tl, at(1))).toBe('published');
    expect(statusAt('published', tl, at(5))).toBe('questions_closed');
    expect(statusAt('questions_closed', tl, at(21, -1))).toBe('questions_closed');
    expect(statusAt('published', tl, at(21))).toBe('bidding_closed');
    for (const s of ['draft', 'opened', 'failed', 'cancelled'] as const) expect(statusAt(s, tl, at(30))).toBe(s);
  });
  it('a bid 1 ms before the deadline is taken; one at the deadline is refused, saying why', () => {
    expect(canBid('published', tl, at(21, -1))).toEqual({ ok: true });
    const late = canBid('published', tl, at(21));
    expect(late).toMatchObject({ ok: false, code: 'tender.status.deadline_passed' });
    expect(late.ok || late.message.text.en).toBe(`the deadline ${at(21).toISOString()} has passed (server time ${at(21).toISOString()}): no more bids or changes`);
    expect(canBid('draft', tl, at(1))).toMatchObject({ ok: false, code: 'tender.status.not_published' });
    expect(canBid('cancelled', tl, at(1))).toMatchObject({ ok: false, code: 'tender.status.cancelled' });
    expect(canBid('opened', tl, at(30))).toMatchObject({ ok: false, code: 'tender.status.closed' });
  });
  it('questions until their end; opening from the opening time on, past the deadline', () => {
    expect(canAsk('published', tl, at(4))).toEqual({ ok: true });
    expect(canAsk('published', tl, at(5))).toMatchObject({ ok: false, code: 'tender.status.questions_closed' });
    expect(canAsk('published', tl, at(22))).toMatchObject({ ok: false, code: 'tender.status.deadline_passed' });
    expect(canOpen('published', tl, at(20))).toMatchObject({ ok: false, code: 'tender.status.not_ready_to_open' });
    expect(canOpen('published', tl, at(21))).toEqual({ ok: true });
    const later = { ...tl, openingAt: at(21, 3_600_000) };
    expect(canOpen('bidding_closed', later, at(21, 60_000))).toMatchObject({ ok: false, code: 'tender.status.too_early_to_open' });
    expect(canOpen('opened', tl, at(22))).toMatchObject({ ok: false, code: 'tender.status.not_ready_to_open' });
  });
  it('a material amendment leaves 15 days under the legal regimes; the deadline never moves earlier', () => {
    const late = amendTimeline('tender_law', tl, at(14), { material: true });
    expect(late).toEqual({ ok: true, pushed: true, timeline: { ...tl, deadline: at(29), openingAt: at(29) } });
    expect(amendTimeline('tender_law', tl, at(3), { material: true })).toEqual({ ok: true, pushed: false, timeline: tl });
    expect(amendTimeline('tender_law', tl, at(14), { material: false })).toEqual({ ok: true, pushed: false, timeline: tl });
    expect(amendTimeline('tender_law', tl, at(14), { material: false, deadline: at(25) })).toEqual({ ok: true, pushed: false, timeline: { ...tl, deadline: at(25), openingAt: at(25) } });
    expect(amendTimeline('tender_law', tl, at(14), { material: true, deadline: at(20) })).toMatchObject({ ok: false, code: 'tender.status.deadline_earlier' });
    expect(amendTimeline('tender_law', tl, at(21), { material: false })).toMatchObject({ ok: false, code: 'tender.status.amend_after_deadline' });
    // Enterprise: its own minimum, and the opening keeps its distance from the deadline.
    const ent = { ...tl, openingAt: at(22) };
    expect(amendTimeline('enterprise', ent, at(20), { material: true, enterpriseMinDays: 3 })).toEqual({ ok: true, pushed: true, timeline: { ...ent, deadline: at(23), openingAt: at(24) } });
    expect(amendTimeline('enterprise', ent, at(20), { material: true })).toEqual({ ok: true, pushed: false, timeline: ent });
  });
  it('the opening: too few valid bids fail the tender; an unopenable bid is judged by its receipt', () => {
    expect(openingVerdict(3, 3)).toBe('open');
    expect(openingVerdict(2, 3)).toBe('failed');
    expect(judgeUnopenable('a', 'a')).toBe('revoked');
    expect(judgeUnopenable('b', 'a', 'a')).toBe('use_local_copy');
    expect(judgeUnopenable('b', 'a', 'c')).toBe('withdrawn');
    expect(judgeUnopenable('b', 'a')).toBe('withdrawn');
  });
});

describe('the buyer\'s project stage follows what the buyer did', () => {
  it('moves forward on each action, never back, except a failed or cancelled tender', () => {
    expect(stageAfter(INTERNAL_8, 'problem_and_need', 'requisition_approved')).toEqual({ stageKey: 'feasibility_and_budget', moved: true });
    expect(stageAfter(INTERNAL_8, 'feasibility_and_budget', 'tender_published')).toEqual({ stageKey: 'tender_and_screening', moved: true });
    expect(stageAfter(INTERNAL_8, 'tender_and_screening', 'team_formed')).toEqual({ stageKey: 'tender_and_screening', moved: false });
    expect(stageAfter(INTERNAL_8, 'tender_and_screening', 'tender_failed')).toEqual({ stageKey: 'purchasing_criteria', moved: true });
    expect(stageAfter(INTERNAL_8, 'purchasing_criteria', 'tender_cancelled')).toEqual({ stageKey: 'purchasing_criteria', moved: false });
    expect(stageAfter(PURCHASING_CYCLE_5, 'need_recognition', 'tender_published')).toEqual({ stageKey: 'evaluation', moved: true });
    const gap = { ...INTERNAL_8, key: 'gap', stages: INTERNAL_8.stages.filter((s) => !s.milestones.includes(9)) };
    expect(stageAfter(gap, 'contract_signing', 'delivery_accepted')).toEqual({ stageKey: 'contract_signing', moved: false });
    for (const a of BUY_ACTIONS) expect(BUY_ACTION_LABELS[a]['zh-CN']).toMatch(/[\u4e00-\u9fff]/);
  });
});
