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

/** 1.00000000 in the rate's fixed point (1e-8). */
const RATE_ONE = 100_000_000n;
/** Denominators: a unit price (cents × rate in 1e-8), a quantity (1e-4). */
const UNIT = 100n * RATE_ONE;
const QTY = 10_000n;

/** A checked decimal string as an integer in 10^-places. */
function scaled(s: string, places: number): bigint {
  const [whole, frac = ''] = s.split('.');
  return BigInt(whole!) * 10n ** BigInt(places) + BigInt(frac.padEnd(places, '0'));
}

/** numerator / denominator to the cent, half up (non-negative amounts), as a money string. */
function toMoney(numerator: bigint, denominator: bigint): string {
  const cents = (numerator * 200n + denominator) / (2n * denominator);
  return `${cents / 100n}.${String(cents % 100n).padStart(2, '0')}`;
}

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

  // Exact in fixed point (all BigInt): a unit price is cents × rate in 1e-8 (denominator UNIT),
  // a quantity is in 1e-4 (QTY), a line total in UNIT × QTY. Rounding to the cent is half up.
  const rateOf = (b: BidQuote): bigint => {
    const c = b.currency ?? input.currency;
    return c === input.currency ? RATE_ONE : scaled(rates[c]!, 8);
  };
  // Each bid's valid lines by item, once (fifty bids × their schedules stay linear).
  const byItem = new Map(
    input.bids.map((b) => {
      const m = new Map<string, PriceLine[]>();
      for (const p of b.prices) {
        if (!isMoney(p.unitPrice) || !isQuantity(p.quantity)) continue;
        const k = `${p.lotId}\u0000${p.itemId}`;
        const list = m.get(k);
        if (list) list.push(p);
        else m.set(k, [p]);
      }
      return [b, m] as const;
    }),
  );
  const lines = (b: BidQuote, lotId: string, itemId: string) => byItem.get(b)!.get(`${lotId}\u0000${itemId}`) ?? [];

  // Exact line totals per bid and item, for the lot and grand totals.
  const exactLine = new Map<string, bigint>();
  const rows = input.lots.flatMap((lot) =>
    lot.items.map((item) => {
      const tendered = scaled(item.quantity, 4);
      const cells = input.bids.map((b): Cell & { exactUnit: bigint | null } => {
        const found = lines(b, lot.key, item.key);
        if (found.length !== 1) return { bidId: b.bidId, unitPrice: null, lineTotal: null, quantity: null, flag: found.length ? 'duplicate' : 'missing', best: false, exactUnit: null };
        const p = found[0]!;
        const unit = scaled(p.unitPrice, 2) * rateOf(b);
        const quantity = scaled(p.quantity, 4);
        const total = unit * quantity;
        exactLine.set(`${b.bidId}\u0000${lot.key}\u0000${item.key}`, total);
        return { bidId: b.bidId, unitPrice: toMoney(unit, UNIT), lineTotal: toMoney(total, UNIT * QTY), quantity: p.quantity, flag: quantity < tendered ? 'short' : quantity > tendered ? 'over' : null, best: false, exactUnit: unit };
      });
      const full = cells.filter((c) => c.flag === null);
      const lowest = full.reduce<bigint | null>((m, c) => (m === null || c.exactUnit! < m ? c.exactUnit! : m), null);
      for (const c of full) c.best = c.exactUnit === lowest;
      return { lotId: lot.key, itemId: item.key, name: item.name, quantity: item.quantity, unit: item.unit, cells: cells.map(({ exactUnit: _, ...c }) => c) };
    }),
  );

  const flagOf = new Map(rows.flatMap((r) => r.cells.map((c) => [`${c.bidId}\u0000${r.lotId}\u0000${r.itemId}`, c.flag] as const)));
  const totalsOver = (items: readonly { lotId: string; itemId: string }[]): TotalCell[] => {
    const cells = input.bids.map((b) => {
      const quoted = items.map((i) => exactLine.get(`${b.bidId}\u0000${i.lotId}\u0000${i.itemId}`)).filter((x): x is bigint => x !== undefined);
      const sum = quoted.reduce((s, x) => s + x, 0n);
      const complete = items.every((i) => flagOf.get(`${b.bidId}\u0000${i.lotId}\u0000${i.itemId}`) === null);
      return { bidId: b.bidId, exact: sum, total: quoted.length ? toMoney(sum, UNIT * QTY) : null, complete, best: false };
    });
    const complete = cells.filter((c) => c.complete);
    const lowest = complete.reduce<bigint | null>((m, c) => (m === null || c.exact < m ? c.exact : m), null);
    for (const c of complete) c.best = c.exact === lowest;
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
