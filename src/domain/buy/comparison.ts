// The price side of the comparison table (issue 8 §4): the opened bids side by
// side per item, in the tender's currency — a bid quoted in another currency is
// converted at the rate fixed and shown in the tender —, each item flagged per
// bid when it is not quoted (missing), quoted for less or more than the
// tender's quantity (short, over) or quoted twice (duplicate), and the best value of each row marked: the lowest unit price
// among bids quoting the item in full; per lot and in all, the lowest total
// among bids complete for it. Exact throughout (rationals), shown to the cent,
// half up.
import Fraction from 'fraction.js';
import type { PriceLine } from '../sealing/bid';
import { isMoney, isQuantity } from './money';
import { roundHalfUp } from './scoring';
import type { TenderLot } from './tender';

export interface BidQuote {
  bidId: string;
  /** The currency the bid is quoted in (the tender's when absent). */
  currency?: string;
  prices: readonly PriceLine[];
}

export type ItemFlag = 'missing' | 'short' | 'over' | 'duplicate';

export interface Cell {
  bidId: string;
  /** In the tender's currency, to the cent; null when not quoted. */
  unitPrice: string | null;
  lineTotal: string | null;
  quantity: string | null;
  flag: ItemFlag | null;
  best: boolean;
}

export interface TotalCell {
  bidId: string;
  /** Of the items quoted; null when none is. */
  total: string | null;
  /** Every item quoted in full. */
  complete: boolean;
  best: boolean;
}

export interface Comparison {
  currency: string;
  rows: { lotId: string; itemId: string; name: string; quantity: string; unit: string; cells: Cell[] }[];
  lots: { lotId: string; name: string; cells: TotalCell[] }[];
  totals: TotalCell[];
}

export type ComparisonIssue = { code: 'no_rate'; bidId: string; currency: string } | { code: 'bad_rate'; currency: string };

const RATE_PATTERN = /^(0|[1-9]\d{0,6})(\.\d{1,8})?$/;

/**
 * The table for these bids. `rates`: one unit of a currency in the tender's
 * currency ("7.1234"), as fixed in the tender. Lines that name no item of the
 * tender, or whose amounts are not valid, are not counted (the item is then
 * missing for that bid).
 */
export function compareBids(input: { lots: readonly TenderLot[]; currency: string; rates?: Readonly<Record<string, string>>; bids: readonly BidQuote[] }): { ok: true; comparison: Comparison } | { ok: false; issues: ComparisonIssue[] } {
  const rates = input.rates ?? {};
  const issues: ComparisonIssue[] = [];
  for (const [currency, rate] of Object.entries(rates)) if (!RATE_PATTERN.test(rate) || new Fraction(rate).equals(0)) issues.push({ code: 'bad_rate', currency });
  for (const b of input.bids) {
    const c = b.currency ?? input.currency;
    if (c !== input.currency && !Object.hasOwn(rates, c)) issues.push({ code: 'no_rate', bidId: b.bidId, currency: c });
  }
  if (issues.length) return { ok: false, issues };

  const rateOf = (b: BidQuote) => {
    const c = b.currency ?? input.currency;
    return c === input.currency ? new Fraction(1) : new Fraction(rates[c]!);
  };
  const lines = (b: BidQuote, lotId: string, itemId: string) => b.prices.filter((p) => p.lotId === lotId && p.itemId === itemId && isMoney(p.unitPrice) && isQuantity(p.quantity));

  // Exact line totals per bid and item, for the lot and grand totals.
  const exactLine = new Map<string, Fraction>();
  const rows = input.lots.flatMap((lot) =>
    lot.items.map((item) => {
      const cells = input.bids.map((b): Cell & { exactUnit: Fraction | null } => {
        const found = lines(b, lot.key, item.key);
        if (found.length !== 1) return { bidId: b.bidId, unitPrice: null, lineTotal: null, quantity: null, flag: found.length ? 'duplicate' : 'missing', best: false, exactUnit: null };
        const p = found[0]!;
        const unit = new Fraction(p.unitPrice).mul(rateOf(b));
        const total = unit.mul(new Fraction(p.quantity));
        exactLine.set(`${b.bidId}\u0000${lot.key}\u0000${item.key}`, total);
        const vs = new Fraction(p.quantity).compare(new Fraction(item.quantity));
        return { bidId: b.bidId, unitPrice: roundHalfUp(unit, 2), lineTotal: roundHalfUp(total, 2), quantity: p.quantity, flag: vs < 0 ? 'short' : vs > 0 ? 'over' : null, best: false, exactUnit: unit };
      });
      const full = cells.filter((c) => c.flag === null);
      const lowest = full.reduce<Fraction | null>((m, c) => (m === null || c.exactUnit!.compare(m) < 0 ? c.exactUnit! : m), null);
      for (const c of full) c.best = c.exactUnit!.equals(lowest!);
      return { lotId: lot.key, itemId: item.key, name: item.name, quantity: item.quantity, unit: item.unit, cells: cells.map(({ exactUnit: _, ...c }) => c) };
    }),
  );

  const totalsOver = (items: readonly { lotId: string; itemId: string }[]): TotalCell[] => {
    const cells = input.bids.map((b) => {
      const quoted = items.map((i) => exactLine.get(`${b.bidId}\u0000${i.lotId}\u0000${i.itemId}`)).filter((x): x is Fraction => x !== undefined);
      const sum = quoted.reduce((s, x) => s.add(x), new Fraction(0));
      const complete = items.every((i) => rows.find((r) => r.lotId === i.lotId && r.itemId === i.itemId)!.cells.find((c) => c.bidId === b.bidId)!.flag === null);
      return { bidId: b.bidId, exact: sum, total: quoted.length ? roundHalfUp(sum, 2) : null, complete, best: false };
    });
    const complete = cells.filter((c) => c.complete);
    const lowest = complete.reduce<Fraction | null>((m, c) => (m === null || c.exact.compare(m) < 0 ? c.exact : m), null);
    for (const c of complete) c.best = c.exact.equals(lowest!);
    return cells.map(({ exact: _, ...c }) => c);
  };

  return {
    ok: true,
    comparison: {
      currency: input.currency,
      rows,
      lots: input.lots.map((l) => ({ lotId: l.key, name: l.name, cells: totalsOver(l.items.map((i) => ({ lotId: l.key, itemId: i.key }))) })),
      totals: totalsOver(rows),
    },
  };
}
