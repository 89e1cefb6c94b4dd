// The comparison table's figures, computed by hand in the comments.
import { describe, expect, it } from 'vitest';
import { compareBids, type BidQuote, type Comparison } from './comparison';
import type { TenderLot } from './tender';

const lots: TenderLot[] = [
  { key: 'L1', name: '压缩机', items: [{ key: 'i1', name: '1.5 匹压缩机', specification: '', quantity: '100', unit: '台' }, { key: 'i2', name: '2 匹压缩机', specification: '', quantity: '50', unit: '台' }] },
  { key: 'L2', name: '电机', items: [{ key: 'j1', name: '电机', specification: '', quantity: '10', unit: '台' }] },
];
const p = (lotId: string, itemId: string, unitPrice: string, quantity: string) => ({ lotId, itemId, unitPrice, quantity });
const bids: BidQuote[] = [
  { bidId: 'A', prices: [p('L1', 'i1', '500.00', '100'), p('L1', 'i2', '300.00', '50'), p('L2', 'j1', '1000.00', '10')] },
  // In dollars at 7.1234: i1 70.00 → 498.638 (498.64), line 49,863.80; i2 45.00 → 320.553 (320.55), 40 of 50: short, line 12,822.12; j1 not quoted.
  { bidId: 'B', currency: 'USD', prices: [p('L1', 'i1', '70.00', '100'), p('L1', 'i2', '45.00', '40')] },
  { bidId: 'C', currency: 'CNY', prices: [p('L1', 'i1', '497.00', '100'), p('L1', 'i2', '310.00', '50'), p('L2', 'j1', '1000.00', '10')] },
];

function table(): Comparison {
  const r = compareBids({ lots, currency: 'CNY', rates: { USD: '7.1234' }, bids });
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.comparison;
}
const cell = (c: Comparison, itemId: string, bidId: string) => c.rows.find((r) => r.itemId === itemId)!.cells.find((x) => x.bidId === bidId)!;

describe('the comparison table', () => {
  it('converts at the fixed rate, to the cent, and flags missing and short items per bid', () => {
    const c = table();
    expect(c.currency).toBe('CNY');
    expect(c.rows.map((r) => [r.lotId, r.itemId, r.quantity, r.unit])).toEqual([['L1', 'i1', '100', '台'], ['L1', 'i2', '50', '台'], ['L2', 'j1', '10', '台']]);
    expect(cell(c, 'i1', 'B')).toEqual({ bidId: 'B', unitPrice: '498.64', lineTotal: '49863.80', quantity: '100', flag: null, best: false });
    expect(cell(c, 'i2', 'B')).toEqual({ bidId: 'B', unitPrice: '320.55', lineTotal: '12822.12', quantity: '40', flag: 'short', best: false });
    expect(cell(c, 'j1', 'B')).toEqual({ bidId: 'B', unitPrice: null, lineTotal: null, quantity: null, flag: 'missing', best: false });
    expect(cell(c, 'i1', 'A')).toMatchObject({ unitPrice: '500.00', lineTotal: '50000.00', flag: null });
  });

  it('marks the lowest unit price among bids quoting the item in full, ties included', () => {
    const c = table();
    // i1: A 500, B 498.638, C 497 → C. i2: A 300, B short (not counted), C 310 → A. j1: A 1000 = C 1000 → both.
    expect(c.rows.map((r) => r.cells.filter((x) => x.best).map((x) => x.bidId))).toEqual([['C'], ['A'], ['A', 'C']]);
  });

  it('totals per lot and in all, the best among bids complete for them', () => {
    const c = table();
    // L1: A 50,000 + 15,000 = 65,000; B 49,863.80 + 12,822.12 = 62,685.92 (short: incomplete); C 49,700 + 15,500 = 65,200.
    expect(c.lots[0]).toEqual({
      lotId: 'L1',
      name: '压缩机',
      cells: [
        { bidId: 'A', total: '65000.00', complete: true, best: true },
        { bidId: 'B', total: '62685.92', complete: false, best: false },
        { bidId: 'C', total: '65200.00', complete: true, best: false },
      ],
    });
    // L2: A 10,000 = C 10,000 (both best); B quoted nothing.
    expect(c.lots[1]!.cells.map((x) => [x.bidId, x.total, x.complete, x.best])).toEqual([['A', '10000.00', true, true], ['B', null, false, false], ['C', '10000.00', true, true]]);
    // In all: A 75,000, B 62,685.92 (incomplete), C 75,200 → A.
    expect(c.totals.map((x) => [x.bidId, x.total, x.complete, x.best])).toEqual([['A', '75000.00', true, true], ['B', '62685.92', false, false], ['C', '75200.00', true, false]]);
  });

  it('counts no line that names no item of the tender or has no valid amount; with nobody complete nothing is best', () => {
    const r = compareBids({ lots: [lots[1]!], currency: 'CNY', bids: [{ bidId: 'D', prices: [p('L2', 'j1', 'cheap', '10'), p('L9', 'x', '1.00', '1')] }, { bidId: 'E', prices: [p('L2', 'j1', '5.00', '0')] }] });
    expect(r.ok && r.comparison.rows[0]!.cells.map((x) => x.flag)).toEqual(['missing', 'missing']);
    expect(r.ok && r.comparison.totals.map((x) => [x.total, x.best])).toEqual([[null, false], [null, false]]);
  });

  it('flags an item quoted for more than asked, or quoted twice; neither counts as complete', () => {
    // F: 12 of 10 at 900 → 10,800.00, over. G: two lines for j1 → not counted. H: 10 at 950 → the only complete bid.
    const r = compareBids({
      lots: [lots[1]!],
      currency: 'CNY',
      bids: [{ bidId: 'F', prices: [p('L2', 'j1', '900.00', '12')] }, { bidId: 'G', prices: [p('L2', 'j1', '800.00', '10'), p('L2', 'j1', '700.00', '10')] }, { bidId: 'H', prices: [p('L2', 'j1', '950.00', '10')] }],
    });
    if (!r.ok) throw new Error('not ok');
    expect(r.comparison.rows[0]!.cells.map((x) => [x.bidId, x.flag, x.lineTotal, x.best])).toEqual([['F', 'over', '10800.00', false], ['G', 'duplicate', null, false], ['H', null, '9500.00', true]]);
    expect(r.comparison.totals.map((x) => [x.bidId, x.total, x.complete, x.best])).toEqual([['F', '10800.00', false, false], ['G', null, false, false], ['H', '9500.00', true, true]]);
  });

  it('refuses a bid in a currency without a fixed rate, and a rate that is not a positive decimal', () => {
    expect(compareBids({ lots, currency: 'CNY', rates: { USD: '0', JPY: 'x' }, bids: [{ bidId: 'Z', currency: 'EUR', prices: [] }] })).toEqual({
      ok: false,
      issues: [{ code: 'bad_rate', currency: 'USD' }, { code: 'bad_rate', currency: 'JPY' }, { code: 'no_rate', bidId: 'Z', currency: 'EUR' }],
    });
  });
});
