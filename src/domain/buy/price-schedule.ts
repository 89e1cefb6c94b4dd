// A bid's price schedule (报价表): one row per item of every lot, filled in by
// the bidder — in the bid page or in a spreadsheet made from the tender
// (template rows below) and read back in the browser, so that prices never
// reach the server unsealed. Parsing names the row and column of every error.
// After the opening, the totals per lot and in all are computed exactly.
import { defineCatalog, messageFactory, type Message } from '../i18n';
import { isMoney, isQuantity, lineTotal, sumMoney } from './money';
import type { TenderLot } from './tender';
import type { PriceLine } from '../sealing/bid';

export type { PriceLine };

/** The spreadsheet's columns, in order. Prices go in the unit price column; quantity may be lowered (quoted short). */
export const SCHEDULE_COLUMNS = ['lot', 'lotName', 'item', 'itemName', 'specification', 'unit', 'quantity', 'unitPrice'] as const;
export type ScheduleColumn = (typeof SCHEDULE_COLUMNS)[number];

export const SCHEDULE_HEADERS: Readonly<Record<ScheduleColumn, { 'zh-CN': string; en: string }>> = {
  lot: { 'zh-CN': '标段编号', en: 'Lot' },
  lotName: { 'zh-CN': '标段名称', en: 'Lot name' },
  item: { 'zh-CN': '品目编号', en: 'Item' },
  itemName: { 'zh-CN': '品目名称', en: 'Item name' },
  specification: { 'zh-CN': '规格', en: 'Specification' },
  unit: { 'zh-CN': '单位', en: 'Unit' },
  quantity: { 'zh-CN': '数量', en: 'Quantity' },
  unitPrice: { 'zh-CN': '单价（填写）', en: 'Unit price (fill in)' },
};

/** The template's rows: every item of every lot, unit price empty. */
export function scheduleRows(lots: readonly TenderLot[]): string[][] {
  return lots.flatMap((l) => l.items.map((i) => [l.key, l.name, i.key, i.name, i.specification, i.unit, i.quantity, '']));
}

export const SCHEDULE_MESSAGES = defineCatalog({
  'schedule.header': { 'zh-CN': '第一行必须是模板的表头（{expected}）', en: 'the first row must be the template header ({expected})' },
  'schedule.unknown_item': { 'zh-CN': '招标中没有标段 {lot} 的品目 {item}', en: 'the tender has no item {item} in lot {lot}' },
  'schedule.duplicate': { 'zh-CN': '品目 {item} 出现了两次', en: 'the item {item} appears twice' },
  'schedule.price': { 'zh-CN': '单价必须是金额（最多 2 位小数，不带货币符号）', en: 'the unit price must be an amount (at most 2 decimals, no currency sign)' },
  'schedule.quantity': { 'zh-CN': '数量必须大于 0，最多 4 位小数，且不超过招标数量 {max}', en: 'the quantity must be more than 0, with at most 4 decimals, and at most the tendered {max}' },
  'schedule.empty': { 'zh-CN': '没有填写任何单价', en: 'no unit price is filled in' },
});
const smsg = messageFactory(SCHEDULE_MESSAGES);

export interface ScheduleError {
  /** 1-based, as the spreadsheet shows it. */
  row: number;
  /** The column letter (A, B, …), or null for the whole row. */
  column: string | null;
  message: Message;
}

const letter = (c: ScheduleColumn) => String.fromCharCode(65 + SCHEDULE_COLUMNS.indexOf(c));

/** A cell as text: numbers as the shortest exact decimal, blanks as ''. */
export function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v).includes('e') ? v.toFixed(4).replace(/\.?0+$/, '') : String(v) : '';
  return String(v).trim();
}

/** Quantity a ≤ b, both quantity strings (up to 4 decimals). */
function notMore(a: string, b: string): boolean {
  const units = (s: string) => {
    const [w, f = ''] = s.split('.');
    return BigInt(w!) * 10_000n + BigInt(f.padEnd(4, '0'));
  };
  return units(a) <= units(b);
}

/**
 * Reads a filled-in schedule (header row first, as the template has it). Rows
 * with no unit price are items not quoted; every other row must name an item of
 * the tender once, with an amount, and a quantity up to the tendered one.
 */
export function parseSchedule(rows: readonly (readonly unknown[])[], lots: readonly TenderLot[]): { prices: PriceLine[]; errors: ScheduleError[] } {
  const errors: ScheduleError[] = [];
  const header = (rows[0] ?? []).map(cellText);
  const okHeader = SCHEDULE_COLUMNS.every((c, i) => header[i] === SCHEDULE_HEADERS[c]['zh-CN'] || header[i] === SCHEDULE_HEADERS[c].en);
  if (!okHeader) return { prices: [], errors: [{ row: 1, column: null, message: smsg('schedule.header', { expected: SCHEDULE_COLUMNS.map((c) => SCHEDULE_HEADERS[c].en).join(', ') }) }] };
  const items = new Map(lots.flatMap((l) => l.items.map((i) => [`${l.key}\u0000${i.key}`, i.quantity] as const)));
  const seen = new Set<string>();
  const prices: PriceLine[] = [];
  rows.slice(1).forEach((raw, n) => {
    const row = n + 2;
    const cell = (c: ScheduleColumn) => cellText(raw[SCHEDULE_COLUMNS.indexOf(c)]);
    const lot = cell('lot');
    const item = cell('item');
    const price = cell('unitPrice').replace(/,/g, '');
    if (!lot && !item && !price) return;
    const tendered = items.get(`${lot}\u0000${item}`);
    if (tendered === undefined) {
      errors.push({ row, column: letter('item'), message: smsg('schedule.unknown_item', { lot, item }) });
      return;
    }
    if (!price) return;
    const id = `${lot}\u0000${item}`;
    const before = errors.length;
    if (seen.has(id)) errors.push({ row, column: letter('item'), message: smsg('schedule.duplicate', { item }) });
    seen.add(id);
    if (!isMoney(price)) errors.push({ row, column: letter('unitPrice'), message: smsg('schedule.price') });
    const quantity = cell('quantity') || tendered;
    if (!isQuantity(quantity) || !notMore(quantity, tendered)) errors.push({ row, column: letter('quantity'), message: smsg('schedule.quantity', { max: tendered }) });
    if (errors.length === before) prices.push({ lotId: lot, itemId: item, unitPrice: price, quantity });
  });
  if (!errors.length && !prices.length) errors.push({ row: 2, column: letter('unitPrice'), message: smsg('schedule.empty') });
  return { prices, errors };
}

/**
 * The totals of a price schedule, exactly: per lot and in all, counting only
 * lines that name an item of the tender with a valid amount and quantity; items
 * of the tender not quoted, and lines that could not be counted, are listed.
 */
export function priceTotals(prices: readonly PriceLine[], lots: readonly TenderLot[]): { total: string; lots: { lotKey: string; total: string }[]; missing: string[]; invalid: number } {
  const known = new Set(lots.flatMap((l) => l.items.map((i) => `${l.key}\u0000${i.key}`)));
  const valid = prices.filter((p) => known.has(`${p.lotId}\u0000${p.itemId}`) && isMoney(p.unitPrice) && isQuantity(p.quantity));
  const quoted = new Set(valid.map((p) => `${p.lotId}\u0000${p.itemId}`));
  const perLot = lots.map((l) => ({ lotKey: l.key, total: sumMoney(valid.filter((p) => p.lotId === l.key).map((p) => lineTotal(p.unitPrice, p.quantity))) }));
  return {
    total: sumMoney(perLot.map((l) => l.total)),
    lots: perLot,
    missing: lots.flatMap((l) => l.items.filter((i) => !quoted.has(`${l.key}\u0000${i.key}`)).map((i) => `${l.key}/${i.key}`)),
    invalid: prices.length - valid.length,
  };
}
