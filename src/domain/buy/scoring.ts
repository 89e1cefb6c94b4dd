// The evaluation's arithmetic (tendering.md "Evaluation"; issue 8): exact, with
// rationals (fraction.js over BigInt), never floating point.
//
// - A member scores each technical and commercial criterion of the frozen set,
//   from 0 to the criterion's full marks, with at most two decimals. The price
//   criterion is never typed: the system computes it.
// - A criterion's score for a bid is the mean of the members' scores (exact).
// - Price, low-price-first: the lowest price among compliant bids is the base and
//   gets full marks; every other compliant bid scores base / price × full marks.
// - A criterion contributes score / full marks × weight (weights in percent,
//   summing to 100, so totals are points out of 100).
// - Rounding is a tender setting: by default only the final total is rounded,
//   to 2 decimals, half up; the "criterion" stage rounds each contribution first.
// - Lowest evaluated price: compliant bids by price ascending, equal prices tie.
//   Comprehensive scoring: by (rounded) total descending, then price ascending,
//   then tie. Ties share a rank and the next rank skips (1, 1, 3).
//
// Worked examples, computed by hand, are in scoring.test.ts.
import Fraction from 'fraction.js';
import type { Criterion, EvaluationMethod } from './tender';
import { isMoney } from './money';

export const ROUNDING_STAGES = ['total', 'criterion'] as const;
export type RoundingStage = (typeof ROUNDING_STAGES)[number];
export interface Rounding {
  stage: RoundingStage;
  decimals: number;
}
export const DEFAULT_ROUNDING: Rounding = Object.freeze({ stage: 'total', decimals: 2 });

/** At most this many candidates are recommended. */
export const MAX_CANDIDATES = 3;

export interface BidToScore {
  bidId: string;
  /** The evaluated price in the tender's currency (a money string). */
  price: string;
  /** Passed screening: every mandatory requirement met. */
  compliant: boolean;
}

/** One member's scores for one bid: criterion key → points ("8.5"). */
export interface ScoreSheet {
  memberId: string;
  bidId: string;
  scores: Readonly<Record<string, string>>;
}

export type SheetIssueCode = 'unknown_criterion' | 'price_typed' | 'not_a_score' | 'out_of_range' | 'missing';
export interface SheetIssue {
  criterion: string;
  code: SheetIssueCode;
}

const SCORE_PATTERN = /^(0|[1-9]\d{0,3})(\.\d{1,2})?$/;

/** The problems of one member's sheet for one bid against the frozen criteria (empty when it may be submitted). */
export function checkSheet(criteria: readonly Criterion[], scores: Readonly<Record<string, string>>): SheetIssue[] {
  return sheetChecker(criteria)(scores);
}

/** checkSheet with the criteria indexed once (thousands of sheets against one frozen set). */
function sheetChecker(criteria: readonly Criterion[]): (scores: Readonly<Record<string, string>>) => SheetIssue[] {
  // Full marks exactly, in hundredths (a fraction of one where full marks carry more than two decimals).
  const byKey = new Map(criteria.map((c) => [c.key, { ...c, max: new Fraction(String(c.maxScore)).mul(100) }]));
  return (scores) => checkAgainst(criteria, byKey, scores);
}

function checkAgainst(criteria: readonly Criterion[], byKey: ReadonlyMap<string, Criterion & { max: Fraction }>, scores: Readonly<Record<string, string>>): SheetIssue[] {
  const issues: SheetIssue[] = [];
  for (const [key, value] of Object.entries(scores)) {
    const c = byKey.get(key);
    if (!c) issues.push({ criterion: key, code: 'unknown_criterion' });
    else if (c.part === 'price') issues.push({ criterion: key, code: 'price_typed' });
    else if (typeof value !== 'string' || !SCORE_PATTERN.test(value)) issues.push({ criterion: key, code: 'not_a_score' });
    else if (c.max.compare(hundredths(value)) < 0) issues.push({ criterion: key, code: 'out_of_range' });
  }
  for (const c of criteria) if (c.part !== 'price' && !Object.hasOwn(scores, c.key)) issues.push({ criterion: c.key, code: 'missing' });
  return issues;
}

export interface CriterionResult {
  key: string;
  part: Criterion['part'];
  weight: number;
  maxScore: number;
  /** Each member's points (empty for the price criterion). */
  members: { memberId: string; score: string }[];
  /** The criterion's score out of its full marks, exact as a fraction ("17/2") and shown to 2 decimals. */
  score: { exact: string; shown: string };
  /** What it adds to the total, points out of 100: exact, and as counted (rounded at the "criterion" stage). */
  points: { exact: string; counted: string };
}

export interface BidResult {
  bidId: string;
  price: string;
  compliant: boolean;
  /** Comprehensive scoring, compliant bids only. */
  criteria: CriterionResult[];
  total: { exact: string; rounded: string } | null;
  /** 1 is best; ties share a rank; null for a bid out at screening. */
  rank: number | null;
}

export interface Evaluation {
  method: EvaluationMethod;
  rounding: Rounding;
  /** The lowest compliant price (the price criterion's base), or null with no compliant bid. */
  basePrice: string | null;
  /** Ranked compliant bids first (best first), then those out at screening. */
  bids: BidResult[];
}

export type EvaluationIssue =
  | { code: 'bad_price'; bidId: string }
  | { code: 'sheet'; memberId: string; bidId: string; issues: SheetIssue[] }
  | { code: 'no_sheets'; bidId: string }
  | { code: 'duplicate_sheet'; memberId: string; bidId: string }
  | { code: 'members_differ'; bidId: string }
  | { code: 'bad_rounding' };

export interface EvaluationInput {
  method: EvaluationMethod;
  criteria: readonly Criterion[];
  bids: readonly BidToScore[];
  /** Every member's sheet for every compliant bid (comprehensive scoring). */
  sheets: readonly ScoreSheet[];
  rounding?: Rounding;
}

/** Half up (away from zero for the non-negative values scored here) to `decimals` places, as a decimal string. */
export function roundHalfUp(x: Fraction, decimals: number): string {
  const scale = 10n ** BigInt(decimals);
  const n = x.n * scale;
  const q = n / x.d;
  const r = n % x.d;
  const units = r * 2n >= x.d ? q + 1n : q;
  const whole = units / scale;
  const frac = (units % scale).toString().padStart(decimals, '0');
  return decimals ? `${whole}.${frac}` : `${whole}`;
}

/**
 * A checked score ("8.5", "10", "7.25": at most 9999.99) in hundredths: an
 * integer below 10^6, exact as a JavaScript number, so sums of a committee's
 * scores stay exact integers; the mean is then one fraction, not a chain of them.
 */
function hundredths(score: string): number {
  const dot = score.indexOf('.');
  if (dot < 0) return Number(score) * 100;
  const frac = score.slice(dot + 1);
  return Number(score.slice(0, dot)) * 100 + Number(frac) * (frac.length === 1 ? 10 : 1);
}

/** The mean of checked scores, exactly (the one mean of the evaluation and the comparison table). */
export function meanScore(scores: readonly string[]): Fraction {
  let sum = 0;
  for (const x of scores) sum += hundredths(x);
  return new Fraction(BigInt(sum), 100n * BigInt(scores.length));
}

const exact = (x: Fraction) => (x.d === 1n ? `${x.n}` : `${x.n}/${x.d}`);

/** Scores and ranks the bids; the issues instead when the input cannot be evaluated. */
export function evaluate(input: EvaluationInput): { ok: true; evaluation: Evaluation } | { ok: false; issues: EvaluationIssue[] } {
  const rounding = input.rounding ?? DEFAULT_ROUNDING;
  const issues: EvaluationIssue[] = [];
  if (!Number.isInteger(rounding.decimals) || rounding.decimals < 0 || rounding.decimals > 6 || !ROUNDING_STAGES.includes(rounding.stage)) issues.push({ code: 'bad_rounding' });
  for (const b of input.bids) if (!isMoney(b.price) || /^0(\.0*)?$/.test(b.price)) issues.push({ code: 'bad_price', bidId: b.bidId });
  const compliant = input.bids.filter((b) => b.compliant);
  const comprehensive = input.method === 'comprehensive';
  // The sheets by bid, once (a thousand bids × seven members stays linear).
  const sheetsOf = new Map<string, ScoreSheet[]>();
  for (const s of input.sheets) {
    const list = sheetsOf.get(s.bidId);
    if (list) list.push(s);
    else sheetsOf.set(s.bidId, [s]);
  }
  if (comprehensive) {
    const check = sheetChecker(input.criteria);
    // Every compliant bid is scored by the same members, each once: a mean over different sets is no comparison.
    let members: string | null = null;
    for (const b of compliant) {
      const sheets = sheetsOf.get(b.bidId) ?? [];
      if (!sheets.length) issues.push({ code: 'no_sheets', bidId: b.bidId });
      const ids = sheets.map((s) => s.memberId);
      for (const m of new Set(ids.filter((m, i) => ids.indexOf(m) !== i))) issues.push({ code: 'duplicate_sheet', memberId: m, bidId: b.bidId });
      const set = [...new Set(ids)].sort().join('\n');
      if (sheets.length && members !== null && set !== members) issues.push({ code: 'members_differ', bidId: b.bidId });
      if (sheets.length) members ??= set;
      for (const s of sheets) {
        const found = check(s.scores);
        if (found.length) issues.push({ code: 'sheet', memberId: s.memberId, bidId: b.bidId, issues: found });
      }
    }
  }
  if (issues.length) return { ok: false, issues };

  const prices = new Map(compliant.map((b) => [b.bidId, new Fraction(b.price)]));
  const price = (b: BidToScore) => prices.get(b.bidId)!;
  const base = compliant.length ? compliant.map(price).reduce((m, p) => (p.compare(m) < 0 ? p : m)) : null;
  // Per criterion, once: full marks, and what one point adds to the total (weight / full marks).
  const factors = new Map(
    input.criteria.map((c) => {
      const full = new Fraction(String(c.maxScore));
      return [c.key, { full, perPoint: new Fraction(String(c.weight)).div(full) }] as const;
    }),
  );
  const scored: BidResult[] = compliant.map((b) => {
    if (!comprehensive) return { bidId: b.bidId, price: b.price, compliant: true, criteria: [], total: null, rank: null };
    const sheets = sheetsOf.get(b.bidId)!;
    const counted: Fraction[] = [];
    const criteria = input.criteria.map((c): CriterionResult => {
      const members = c.part === 'price' ? [] : sheets.map((s) => ({ memberId: s.memberId, score: s.scores[c.key]! }));
      const { full, perPoint } = factors.get(c.key)!;
      const score = c.part === 'price' ? base!.div(price(b)).mul(full) : meanScore(members.map((m) => m.score));
      const pts = score.mul(perPoint);
      const rounded = rounding.stage === 'criterion' ? roundHalfUp(pts, rounding.decimals) : null;
      counted.push(rounded === null ? pts : new Fraction(rounded));
      return {
        key: c.key,
        part: c.part,
        weight: c.weight,
        maxScore: c.maxScore,
        members,
        score: { exact: exact(score), shown: roundHalfUp(score, 2) },
        points: { exact: exact(pts), counted: rounded ?? exact(pts) },
      };
    });
    const sum = counted.reduce((s, x) => s.add(x), new Fraction(0));
    return { bidId: b.bidId, price: b.price, compliant: true, criteria, total: { exact: exact(sum), rounded: roundHalfUp(sum, rounding.decimals) }, rank: null };
  });

  // Order: comprehensive by rounded total descending, then price ascending; lowest price by price ascending.
  // The keys are parsed once per bid, not in every comparison.
  const keys = new Map(scored.map((b) => [b, { total: comprehensive ? new Fraction(b.total!.rounded) : null, price: new Fraction(b.price) }]));
  const order = (a: BidResult, b: BidResult) => {
    const ka = keys.get(a)!;
    const kb = keys.get(b)!;
    if (comprehensive) {
      const byTotal = kb.total!.compare(ka.total!);
      if (byTotal) return byTotal;
    }
    return ka.price.compare(kb.price);
  };
  scored.sort(order);
  scored.forEach((b, i) => (b.rank = i > 0 && order(scored[i - 1]!, b) === 0 ? scored[i - 1]!.rank : i + 1));
  const out = input.bids.filter((b) => !b.compliant).map((b): BidResult => ({ bidId: b.bidId, price: b.price, compliant: false, criteria: [], total: null, rank: null }));
  return { ok: true, evaluation: { method: input.method, rounding, basePrice: base ? roundHalfUp(base, 2) : null, bids: [...scored, ...out] } };
}

/**
 * The committee's recommendation: at most three ranked candidates, best first.
 * Where a tie straddles the cut (ranks 1, 2, 3, 3), the tied bids are named
 * apart for the committee to decide with a recorded reason.
 */
export function shortlist(e: Evaluation, max = MAX_CANDIDATES): { candidates: string[]; tiedAtCut: string[] } {
  const ranked = e.bids.filter((b) => b.rank !== null);
  const within = ranked.filter((b) => b.rank! <= max);
  if (within.length <= max) return { candidates: within.map((b) => b.bidId), tiedAtCut: [] };
  const cutRank = within[max]!.rank!;
  return { candidates: within.filter((b) => b.rank! < cutRank).map((b) => b.bidId), tiedAtCut: within.filter((b) => b.rank === cutRank).map((b) => b.bidId) };
}
