// The evaluation's arithmetic, with examples worked by hand (the figures in the
// comments are the hand computation the assertions check).
import Fraction from 'fraction.js';
import { describe, expect, it } from 'vitest';
import { checkSheet, DEFAULT_ROUNDING, evaluate, MAX_CANDIDATES, meanScore, roundHalfUp, shortlist, type BidToScore, type Evaluation, type EvaluationInput, type ScoreSheet } from './scoring';
import type { Criterion } from './tender';

const crit = (key: string, part: Criterion['part'], weight: number, maxScore: number): Criterion => ({ key, part, name: key, weight, maxScore });
const sheets = (bidId: string, byCriterion: Record<string, string[]>): ScoreSheet[] => {
  const members = Object.values(byCriterion)[0]!.length;
  return Array.from({ length: members }, (_, m) => ({ memberId: `m${m + 1}`, bidId, scores: Object.fromEntries(Object.entries(byCriterion).map(([k, v]) => [k, v[m]!])) }));
};
function run(input: EvaluationInput): Evaluation {
  const r = evaluate(input);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.evaluation;
}
const byId = (e: Evaluation) => Object.fromEntries(e.bids.map((b) => [b.bidId, b]));

describe('rounding half up', () => {
  it('rounds exact values to the places asked, half up', () => {
    expect(roundHalfUp(new Fraction('2.345'), 2)).toBe('2.35');
    expect(roundHalfUp(new Fraction('2.3449'), 2)).toBe('2.34');
    expect(roundHalfUp(new Fraction(1, 3), 2)).toBe('0.33');
    expect(roundHalfUp(new Fraction(2, 3), 2)).toBe('0.67');
    expect(roundHalfUp(new Fraction('2.5'), 0)).toBe('3');
    expect(roundHalfUp(new Fraction('86'), 2)).toBe('86.00');
    expect(roundHalfUp(new Fraction('0.005'), 2)).toBe('0.01');
    expect(DEFAULT_ROUNDING).toEqual({ stage: 'total', decimals: 2 });
  });
});

describe('the mean of members\' scores', () => {
  it('is exact over whole, one- and two-decimal scores: (10 + 8.5 + 7.25) / 3 = 25.75 / 3 = 103/12', () => {
    const m = meanScore(['10', '8.5', '7.25']);
    expect(m.equals(new Fraction(103, 12))).toBe(true);
    expect(roundHalfUp(m, 2)).toBe('8.58');
    expect(meanScore(['0', '0.05']).equals(new Fraction(1, 40))).toBe(true);
  });
});

describe('full marks with more than two decimals', () => {
  it('are compared exactly: 0.01 is above full marks of 0.005, 0.005 … is not reachable with two decimals anyway', () => {
    const c: Criterion[] = [{ key: 'T', part: 'technical', name: 't', weight: 100, maxScore: 0.005 }];
    expect(checkSheet(c, { T: '0.01' })).toEqual([{ criterion: 'T', code: 'out_of_range' }]);
    expect(checkSheet(c, { T: '0' })).toEqual([]);
  });
});

describe('comprehensive scoring', () => {
  it('a goods tender with a 30 % price weight and three bidders, three members', () => {
    // technical 50 % and commercial 20 % out of 100 points each; price 30 %.
    const criteria = [crit('tech', 'technical', 50, 100), crit('comm', 'commercial', 20, 100), crit('price', 'price', 30, 100)];
    const bids: BidToScore[] = [
      { bidId: 'A', price: '100000.00', compliant: true },
      { bidId: 'B', price: '95000.00', compliant: true },
      { bidId: 'C', price: '110000.00', compliant: true },
    ];
    const e = run({
      method: 'comprehensive',
      criteria,
      bids,
      sheets: [
        ...sheets('A', { tech: ['80', '85', '90'], comm: ['70', '75', '80'] }), // means 85, 75
        ...sheets('B', { tech: ['70', '72', '74'], comm: ['80', '80', '80'] }), // means 72, 80
        ...sheets('C', { tech: ['95', '90', '94'], comm: ['90', '85', '80'] }), // means 93, 85
      ],
    });
    // Base price 95,000 (B). Price scores: A 95,000/100,000×100 = 95; B 100; C 95,000/110,000×100 = 950/11.
    expect(e.basePrice).toBe('95000.00');
    const b = byId(e);
    expect(b.A!.criteria.map((c) => c.score.exact)).toEqual(['85', '75', '95']);
    expect(b.C!.criteria[2]!.score).toEqual({ exact: '950/11', shown: '86.36' });
    // A: 85×0.5 + 75×0.2 + 95×0.3 = 42.5 + 15 + 28.5 = 86
    expect(b.A!.criteria.map((c) => c.points.exact)).toEqual(['85/2', '15', '57/2']);
    expect(b.A!.total).toEqual({ exact: '86', rounded: '86.00' });
    // B: 36 + 16 + 30 = 82
    expect(b.B!.total).toEqual({ exact: '82', rounded: '82.00' });
    // C: 46.5 + 17 + 285/11 = 1967/22 = 89.409…
    expect(b.C!.total).toEqual({ exact: '1967/22', rounded: '89.41' });
    expect(e.bids.map((x) => [x.bidId, x.rank])).toEqual([['C', 1], ['A', 2], ['B', 3]]);
    // Each member's points are kept per criterion; the price criterion has none (it is computed).
    expect(b.A!.criteria[0]!.members).toEqual([{ memberId: 'm1', score: '80' }, { memberId: 'm2', score: '85' }, { memberId: 'm3', score: '90' }]);
    expect(b.A!.criteria[2]!.members).toEqual([]);
    expect(shortlist(e)).toEqual({ candidates: ['C', 'A', 'B'], tiedAtCut: [] });
  });

  it('a services tender with a 10 % price weight: the base is the lowest compliant price, a cheaper non-compliant bid does not count', () => {
    const criteria = [crit('tech', 'technical', 60, 10), crit('comm', 'commercial', 30, 10), crit('price', 'price', 10, 10)];
    const e = run({
      method: 'comprehensive',
      criteria,
      bids: [
        { bidId: 'X', price: '50000.00', compliant: true },
        { bidId: 'Y', price: '40000.00', compliant: true },
        { bidId: 'Z', price: '30000.00', compliant: false },
      ],
      sheets: [...sheets('X', { tech: ['8', '9'], comm: ['7', '8'] }), ...sheets('Y', { tech: ['7', '7'], comm: ['6', '7'] })],
    });
    // Base 40,000 (Y; Z is out). X: 8.5/10×60 + 7.5/10×30 + (40,000/50,000×10)/10×10 = 51 + 22.5 + 8 = 81.5
    // Y: 7/10×60 + 6.5/10×30 + 10 = 42 + 19.5 + 10 = 71.5
    expect(e.basePrice).toBe('40000.00');
    const b = byId(e);
    expect(b.X!.criteria[2]!.score.exact).toBe('8');
    expect(b.X!.total!.rounded).toBe('81.50');
    expect(b.Y!.total!.rounded).toBe('71.50');
    expect(e.bids.map((x) => [x.bidId, x.rank])).toEqual([['X', 1], ['Y', 2], ['Z', null]]);
    expect(b.Z).toMatchObject({ compliant: false, total: null, criteria: [] });
  });

  it('rounding each criterion first can give a different total than rounding only the total', () => {
    // One member gives 1 of 3 on both criteria: 1/3×50 = 16.666…, 1/3×20 = 6.666…; a single bid gets the full 30 for price.
    const input: EvaluationInput = {
      method: 'comprehensive',
      criteria: [crit('c1', 'technical', 50, 3), crit('c2', 'commercial', 20, 3), crit('price', 'price', 30, 100)],
      bids: [{ bidId: 'A', price: '1000.00', compliant: true }],
      sheets: sheets('A', { c1: ['1'], c2: ['1'] }),
    };
    // Total only: 16.666… + 6.666… + 30 = 53.333… → 53.33
    const onlyTotal = run(input);
    expect(onlyTotal.bids[0]!.total).toEqual({ exact: '160/3', rounded: '53.33' });
    expect(onlyTotal.bids[0]!.criteria[0]!.points).toEqual({ exact: '50/3', counted: '50/3' });
    // Each criterion first: 16.67 + 6.67 + 30.00 = 53.34
    const each = run({ ...input, rounding: { stage: 'criterion', decimals: 2 } });
    expect(each.bids[0]!.criteria.map((c) => c.points.counted)).toEqual(['16.67', '6.67', '30.00']);
    expect(each.bids[0]!.total!.rounded).toBe('53.34');
  });

  it('ties: equal totals go to the lower price; equal totals and prices share a rank, and the next rank skips', () => {
    const criteria = [crit('tech', 'technical', 100, 10)];
    const e = run({
      method: 'comprehensive',
      criteria,
      bids: [
        { bidId: 'A', price: '200.00', compliant: true },
        { bidId: 'B', price: '150.00', compliant: true },
        { bidId: 'C', price: '150.00', compliant: true },
        { bidId: 'D', price: '100.00', compliant: true },
      ],
      sheets: [...sheets('A', { tech: ['9'] }), ...sheets('B', { tech: ['9'] }), ...sheets('C', { tech: ['9'] }), ...sheets('D', { tech: ['8.99'] })],
    });
    // A, B, C all 90.00; B and C cheaper than A, equal to each other; D 89.90 last despite the lowest price.
    expect(e.bids.map((x) => [x.bidId, x.rank])).toEqual([['B', 1], ['C', 1], ['A', 3], ['D', 4]]);
    expect(byId(e).D!.total!.rounded).toBe('89.90');
    expect(shortlist(e)).toEqual({ candidates: ['B', 'C', 'A'], tiedAtCut: [] });
  });

  it('totals equal once rounded are a tie on the total, decided by price', () => {
    // Weights 33.33 % and 66.67 %. A: 100 and 0 → 33.33 exactly. B: 0 and 49.99 → 66.67 × 0.4999 = 33.328333 → 33.33.
    // Exactly, A is ahead; as published (2 decimals) they are equal, so the lower price (B) ranks first.
    const e = run({
      method: 'comprehensive',
      criteria: [crit('c1', 'technical', 33.33, 100), crit('c2', 'commercial', 66.67, 100)],
      bids: [
        { bidId: 'A', price: '500.00', compliant: true },
        { bidId: 'B', price: '400.00', compliant: true },
      ],
      sheets: [...sheets('A', { c1: ['100'], c2: ['0'] }), ...sheets('B', { c1: ['0'], c2: ['49.99'] })],
    });
    expect(e.bids.map((x) => [x.bidId, x.total!.exact, x.total!.rounded, x.rank])).toEqual([
      ['B', '33328333/1000000', '33.33', 1],
      ['A', '3333/100', '33.33', 2],
    ]);
  });
});

describe('lowest evaluated price', () => {
  it('ranks compliant bids by price ascending; equal prices tie; the shortlist names a tie across the cut', () => {
    const e = run({
      method: 'lowest_price',
      criteria: [],
      bids: [
        { bidId: 'A', price: '120.00', compliant: true },
        { bidId: 'B', price: '100.00', compliant: true },
        { bidId: 'C', price: '110.00', compliant: true },
        { bidId: 'D', price: '120.00', compliant: true },
        { bidId: 'E', price: '90.00', compliant: false },
      ],
      sheets: [],
    });
    expect(e.bids.map((x) => [x.bidId, x.rank])).toEqual([['B', 1], ['C', 2], ['A', 3], ['D', 3], ['E', null]]);
    expect(e.bids.every((x) => x.total === null)).toBe(true);
    expect(e.basePrice).toBe('100.00');
    expect(shortlist(e)).toEqual({ candidates: ['B', 'C'], tiedAtCut: ['A', 'D'] });
    expect(shortlist(e, 2)).toEqual({ candidates: ['B', 'C'], tiedAtCut: [] });
    expect(MAX_CANDIDATES).toBe(3);
  });

  it('equal lowest prices share rank 1', () => {
    const e = run({ method: 'lowest_price', criteria: [], bids: [{ bidId: 'A', price: '5.00', compliant: true }, { bidId: 'B', price: '5.00', compliant: true }], sheets: [] });
    expect(e.bids.map((x) => x.rank)).toEqual([1, 1]);
  });

  it('with no compliant bid there is no base price and no ranking', () => {
    const e = run({ method: 'lowest_price', criteria: [], bids: [{ bidId: 'A', price: '5.00', compliant: false }], sheets: [] });
    expect(e.basePrice).toBeNull();
    expect(e.bids).toEqual([{ bidId: 'A', price: '5.00', compliant: false, criteria: [], total: null, rank: null }]);
    expect(shortlist(e)).toEqual({ candidates: [], tiedAtCut: [] });
  });
});

describe('what cannot be evaluated', () => {
  const criteria = [crit('tech', 'technical', 70, 100), crit('price', 'price', 30, 100)];

  it('a sheet may score only the frozen criteria, never the price, each within its range, with at most two decimals, and all of them', () => {
    expect(checkSheet(criteria, { tech: '100' })).toEqual([]);
    expect(checkSheet(criteria, { tech: '99.99' })).toEqual([]);
    expect(checkSheet(criteria, { tech: '0' })).toEqual([]);
    expect(checkSheet(criteria, { tech: '80', extra: '5' })).toEqual([{ criterion: 'extra', code: 'unknown_criterion' }]);
    expect(checkSheet(criteria, { tech: '80', price: '30' })).toEqual([{ criterion: 'price', code: 'price_typed' }]);
    for (const bad of ['80.555', '-1', 'x', '', '08', '1e2']) expect(checkSheet(criteria, { tech: bad }), bad).toEqual([{ criterion: 'tech', code: 'not_a_score' }]);
    expect(checkSheet(criteria, { tech: 80 as unknown as string })).toEqual([{ criterion: 'tech', code: 'not_a_score' }]);
    expect(checkSheet(criteria, { tech: '100.01' })).toEqual([{ criterion: 'tech', code: 'out_of_range' }]);
    expect(checkSheet(criteria, {})).toEqual([{ criterion: 'tech', code: 'missing' }]);
    // A criterion keyed like an object's own property is still missing when not scored.
    expect(checkSheet([crit('constructor', 'technical', 100, 10)], {})).toEqual([{ criterion: 'constructor', code: 'missing' }]);
  });

  it('names every problem: a bad price, a compliant bid without sheets, a bad sheet, a bad rounding setting', () => {
    const r = evaluate({
      method: 'comprehensive',
      criteria,
      bids: [
        { bidId: 'A', price: '0.00', compliant: true },
        { bidId: 'B', price: 'cheap', compliant: false },
        { bidId: 'C', price: '10.00', compliant: true },
        { bidId: 'D', price: '10.00', compliant: true },
      ],
      sheets: [{ memberId: 'm1', bidId: 'A', scores: { tech: '50' } }, { memberId: 'm1', bidId: 'D', scores: { tech: '500' } }],
      rounding: { stage: 'total', decimals: 7 },
    });
    expect(r).toEqual({
      ok: false,
      issues: [
        { code: 'bad_rounding' },
        { code: 'bad_price', bidId: 'A' },
        { code: 'bad_price', bidId: 'B' },
        { code: 'no_sheets', bidId: 'C' },
        { code: 'sheet', memberId: 'm1', bidId: 'D', issues: [{ criterion: 'tech', code: 'out_of_range' }] },
      ],
    });
    // The same members score every compliant bid, each once.
    const bids = [{ bidId: 'A', price: '10.00', compliant: true }, { bidId: 'B', price: '12.00', compliant: true }];
    const sheet = (memberId: string, bidId: string) => ({ memberId, bidId, scores: { tech: '50' } });
    expect(evaluate({ method: 'comprehensive', criteria, bids, sheets: [sheet('m1', 'A'), sheet('m1', 'A'), sheet('m1', 'B')] })).toEqual({ ok: false, issues: [{ code: 'duplicate_sheet', memberId: 'm1', bidId: 'A' }] });
    expect(evaluate({ method: 'comprehensive', criteria, bids, sheets: [sheet('m1', 'A'), sheet('m2', 'A'), sheet('m1', 'B')] })).toEqual({ ok: false, issues: [{ code: 'members_differ', bidId: 'B' }] });
    expect(evaluate({ method: 'comprehensive', criteria, bids, sheets: [sheet('m2', 'A'), sheet('m1', 'A'), sheet('m1', 'B'), sheet('m2', 'B')] }).ok).toBe(true);
    for (const rounding of [{ stage: 'each' as never, decimals: 2 }, { stage: 'total' as const, decimals: -1 }, { stage: 'total' as const, decimals: 1.5 }]) {
      expect(evaluate({ method: 'lowest_price', criteria: [], bids: [], sheets: [], rounding })).toEqual({ ok: false, issues: [{ code: 'bad_rounding' }] });
    }
  });
});
