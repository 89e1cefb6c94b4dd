// The comparison table as a spreadsheet, built in the browser from what the
// screen shows (no second, audited read): the bids as columns, the screening,
// the mean scores, the totals and ranks, the prices item by item with their
// flags and the lot and grand totals, then the committee's remarks. Labels come
// in, already in the UI language; amounts stay numbers, to two decimals.
import type { ComparisonTable } from '../api/evaluation';

type Flag = 'missing' | 'short' | 'over' | 'duplicate';

export interface ComparisonLabels {
  row: string;
  detail: string;
  screening: string;
  passed: string;
  failed: string;
  scores: string;
  scoresHidden: string;
  criterion: (c: { part: string; weight: number; maxScore: number }) => string;
  ranking: string;
  lot: (key: string, name: string) => string;
  total: string;
  rank: string;
  prices: (currency: string) => string;
  noPrices: string;
  unitPrice: string;
  lineTotal: string;
  flags: string;
  flag: (flag: Flag, quantity: string | null) => string;
  lotTotal: (name: string) => string;
  grandTotal: string;
  complete: string;
  yes: string;
  no: string;
  remarks: string;
}

type Cell = Record<string, unknown> | null;

const BEST = { backgroundColor: '#C3FAE8', fontWeight: 'bold' };
const SECTION = { fontWeight: 'bold', backgroundColor: '#E9ECEF' };
const money = (v: string | null, best = false): Cell => (v === null ? null : { value: Number(v), type: Number, format: '#,##0.00', ...(best ? BEST : {}) });
const score = (v: string | null, best = false): Cell => (v === null ? null : { value: Number(v), type: Number, format: '0.00', ...(best ? BEST : {}) });
const text = (v: string, extra: Record<string, unknown> = {}): Cell => ({ value: v, type: String, ...extra });

/** The sheet's rows: a label column, a detail column, one column per bid. */
export function comparisonSheet(c: ComparisonTable, L: ComparisonLabels): Cell[][] {
  const n = c.bids.length;
  const by = <T extends { bidId: string }>(cells: readonly T[]) => c.bids.map((b) => cells.find((x) => x.bidId === b.bidId) ?? null);
  const section = (label: string): Cell[] => [text(label, { ...SECTION, columnSpan: n + 2 }), ...Array<Cell>(n + 1).fill(null)];
  const rows: Cell[][] = [[text(L.row, { fontWeight: 'bold' }), text(L.detail, { fontWeight: 'bold' }), ...c.bids.map((b) => text(b.bidder, { fontWeight: 'bold', wrap: true }))]];
  rows.push([text(L.screening), null, ...c.bids.map((b) => (b.compliant === null ? null : text(b.compliant ? L.passed : L.failed, b.compliant ? {} : { textColor: '#C92A2A' })))]);
  if (c.criteria.length) {
    rows.push(section(L.scores));
    if (!c.scoresVisible) rows.push([text(L.scoresHidden, { fontStyle: 'italic' }), ...Array<Cell>(n + 1).fill(null)]);
    else for (const cr of c.criteria) rows.push([text(cr.name), text(L.criterion(cr)), ...by(cr.cells).map((x) => score(x?.score ?? null, x?.best))]);
  }
  if (c.ranking.length) {
    rows.push(section(L.ranking));
    for (const lot of c.ranking) {
      const cells = by(lot.cells);
      rows.push([text(L.lot(lot.lotKey, lot.name)), text(L.total), ...cells.map((x) => score(x?.total ?? null, x?.best))]);
      rows.push([text(L.lot(lot.lotKey, lot.name)), text(L.rank), ...cells.map((x) => (x?.rank ? { value: x.rank, type: Number, ...(x.best ? BEST : {}) } : null))]);
    }
  }
  const p = c.prices;
  rows.push(section(L.prices(p?.currency ?? c.currency)));
  if (!p) rows.push([text(L.noPrices, { fontStyle: 'italic' }), ...Array<Cell>(n + 1).fill(null)]);
  else {
    const totals = (label: string, cells: readonly { bidId: string; total: string | null; complete: boolean; best: boolean }[]) => {
      const mine = by(cells);
      rows.push([text(label, { fontWeight: 'bold' }), text(L.total), ...mine.map((x) => money(x?.total ?? null, x?.best))]);
      if (mine.some((x) => x && !x.complete)) rows.push([text(label), text(L.complete), ...mine.map((x) => (x ? text(x.complete ? L.yes : L.no, x.complete ? {} : { textColor: '#E8590C' }) : null))]);
    };
    for (const lot of p.lots) {
      rows.push([text(lot.name, { fontWeight: 'bold' }), ...Array<Cell>(n + 1).fill(null)]);
      for (const r of p.rows.filter((x) => x.lotId === lot.lotId)) {
        const cells = by(r.cells);
        rows.push([text(r.name), text(`${r.quantity} ${r.unit} · ${L.unitPrice}`), ...cells.map((x) => money(x?.unitPrice ?? null, x?.best))]);
        rows.push([text(r.name), text(L.lineTotal), ...cells.map((x) => money(x?.lineTotal ?? null))]);
        if (cells.some((x) => x?.flag)) rows.push([text(r.name), text(L.flags), ...cells.map((x) => (x?.flag ? text(L.flag(x.flag, x.quantity), { textColor: x.flag === 'missing' || x.flag === 'duplicate' ? '#C92A2A' : '#E8590C' }) : null))]);
      }
      totals(L.lotTotal(lot.name), lot.cells);
    }
    totals(L.grandTotal, p.totals);
  }
  if (c.remarks.some((r) => r.items.length)) {
    rows.push(section(L.remarks));
    rows.push([text(L.remarks), null, ...by(c.remarks).map((r) => (r?.items.length ? text(r.items.map((i) => `${i.member}: ${i.text}`).join('\n'), { wrap: true, alignVertical: 'top' }) : null))]);
  }
  return rows;
}

export async function downloadComparison(fileName: string, c: ComparisonTable, labels: ComparisonLabels) {
  const { default: writeXlsxFile } = await import('write-excel-file/browser');
  const columns = [{ width: 34 }, { width: 24 }, ...c.bids.map(() => ({ width: 22 }))];
  await writeXlsxFile(comparisonSheet(c, labels) as never, { columns, stickyRowsCount: 1, stickyColumnsCount: 1 } as never).toFile(fileName);
}
