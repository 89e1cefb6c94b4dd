import { describe, expect, it } from 'vitest';
import { cellText, parseSchedule, priceTotals, SCHEDULE_COLUMNS, SCHEDULE_HEADERS, scheduleRows } from './price-schedule';
import { CATEGORY_LABELS, CERT_STATUS_LABELS, OPENING_OUTCOME_LABELS, TENDER_STATUS_LABELS } from './labels';
import type { TenderLot } from './tender';

const lots: TenderLot[] = [
  { key: 'L1', name: '压缩机', items: [{ key: 'L1.1', name: '变频压缩机', specification: '1.5 匹', quantity: '2000', unit: '台' }, { key: 'L1.2', name: '支架', specification: '', quantity: '2000', unit: '套' }] },
  { key: 'L2', name: '备件', items: [{ key: 'L2.1', name: '阀门', specification: '', quantity: '500.5', unit: '个' }] },
];
const zhHeader = SCHEDULE_COLUMNS.map((c) => SCHEDULE_HEADERS[c]['zh-CN']);
const enHeader = SCHEDULE_COLUMNS.map((c) => SCHEDULE_HEADERS[c].en);
const filled = (prices: (string | number | null)[]) => scheduleRows(lots).map((r, i) => [...r.slice(0, 7), prices[i] ?? '']);

describe('the price schedule', () => {
  it('its template has a row per item of every lot, the price left empty', () => {
    expect(scheduleRows(lots)).toEqual([
      ['L1', '压缩机', 'L1.1', '变频压缩机', '1.5 匹', '台', '2000', ''],
      ['L1', '压缩机', 'L1.2', '支架', '', '套', '2000', ''],
      ['L2', '备件', 'L2.1', '阀门', '', '个', '500.5', ''],
    ]);
  });

  it('reads a filled-in sheet under either header, numbers as the spreadsheet gives them, thousands separators allowed', () => {
    const { prices, errors } = parseSchedule([zhHeader, ...filled([1500, '12.5', '1,200.00'])], lots);
    expect(errors).toEqual([]);
    expect(prices).toEqual([
      { lotId: 'L1', itemId: 'L1.1', unitPrice: '1500', quantity: '2000' },
      { lotId: 'L1', itemId: 'L1.2', unitPrice: '12.5', quantity: '2000' },
      { lotId: 'L2', itemId: 'L2.1', unitPrice: '1200.00', quantity: '500.5' },
    ]);
    expect(parseSchedule([enHeader, ...filled(['1', '2', '3'])], lots).errors).toEqual([]);
  });

  it('names the row and column of each error: header, unknown item, twice, bad price, quantity above the tendered', () => {
    expect(parseSchedule([['Lot', 'x'], ...filled(['1'])], lots).errors).toEqual([{ row: 1, column: null, message: expect.objectContaining({ code: 'schedule.header' }) }]);
    expect(parseSchedule([], lots).errors[0]!.row).toBe(1);
    const rows = [zhHeader, ['L1', '', 'L9.9', '', '', '', '', '5'], ['L1', '', 'L1.1', '', '', '', '2000', '¥10'], ['L1', '', 'L1.1', '', '', '', '2001', '10'], ['L2', '', 'L2.1', '', '', '', '0', '10'], ['L1', '', 'L1.2', '', '', '', '', 'abc']];
    const { errors, prices } = parseSchedule(rows, lots);
    expect(errors.map((e) => [e.row, e.column, e.message.code])).toEqual([
      [2, 'C', 'schedule.unknown_item'],
      [3, 'H', 'schedule.price'],
      [4, 'C', 'schedule.duplicate'],
      [4, 'G', 'schedule.quantity'],
      [5, 'G', 'schedule.quantity'],
      [6, 'H', 'schedule.price'],
    ]);
    expect(errors[0]!.message.text.en).toBe('the tender has no item L9.9 in lot L1');
    expect(prices).toEqual([]);
  });

  it('leaves unpriced rows out, lets a quantity be quoted short, and says when nothing is priced', () => {
    const short = parseSchedule([zhHeader, ['L1', '', 'L1.1', '', '', '', '1000', '10'], ['L1', '', 'L1.2', '', '', '', '', ''], [null, undefined, '', '', '', '', '', '']], lots);
    expect(short).toEqual({ prices: [{ lotId: 'L1', itemId: 'L1.1', unitPrice: '10', quantity: '1000' }], errors: [] });
    expect(parseSchedule([zhHeader, ...filled([])], lots).errors.map((e) => e.message.code)).toEqual(['schedule.empty']);
  });

  it('turns cells into text: blanks, exact numbers, very small or large numbers, non-finite numbers', () => {
    expect([cellText(null), cellText(undefined), cellText(12), cellText(0.1), cellText(1e-7), cellText(Infinity), cellText('  x ')]).toEqual(['', '', '12', '0.1', '0', '', 'x']);
  });

  it('totals exactly per lot and in all; lists what was not quoted and what could not be counted', () => {
    const t = priceTotals(
      [
        { lotId: 'L1', itemId: 'L1.1', unitPrice: '1499.99', quantity: '2000' },
        { lotId: 'L2', itemId: 'L2.1', unitPrice: '0.33', quantity: '500.5' },
        { lotId: 'L3', itemId: 'x', unitPrice: '1', quantity: '1' },
        { lotId: 'L1', itemId: 'L1.2', unitPrice: '-1', quantity: '1' },
      ],
      lots,
    );
    // 1499.99 × 2000 = 2,999,980.00; 0.33 × 500.5 = 165.165 → 165.17 (half up)
    expect(t).toEqual({ total: '3000145.17', lots: [{ lotKey: 'L1', total: '2999980.00' }, { lotKey: 'L2', total: '165.17' }], missing: ['L1/L1.2'], invalid: 2 });
  });

  it('has a word in both languages for every status, category and outcome', () => {
    for (const table of [CATEGORY_LABELS, CERT_STATUS_LABELS, OPENING_OUTCOME_LABELS, TENDER_STATUS_LABELS]) {
      for (const v of Object.values(table)) expect(v['zh-CN'] && v.en).toBeTruthy();
    }
  });
});
