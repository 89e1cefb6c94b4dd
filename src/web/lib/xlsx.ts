// The price schedule as a spreadsheet, in the bidder's browser: the template of
// the tender's lots and items to download, and a filled-in copy read back here
// (numbers kept as the exact text the cell holds), so prices never reach the
// server unsealed. The rows and their checks are the domain's (price-schedule.ts).
import type { Locale } from '../../domain/format';
import { parseSchedule, SCHEDULE_COLUMNS, SCHEDULE_HEADERS, scheduleRows } from '../../domain/buy/price-schedule';
import type { TenderLot } from '../../domain/buy/tender';

/** The template's cells: the header in the UI language, then a row per item. */
export function templateSheet(lots: readonly TenderLot[], locale: Locale) {
  const header = SCHEDULE_COLUMNS.map((c) => ({ value: SCHEDULE_HEADERS[c][locale], fontWeight: 'bold' as const }));
  const rows = scheduleRows(lots).map((r) => r.map((value, i) => ({ value, type: String, ...(i === 7 ? { backgroundColor: '#FFF7D6' } : {}) })));
  return [header, ...rows];
}

export const TEMPLATE_COLUMNS = [{ width: 8 }, { width: 18 }, { width: 9 }, { width: 24 }, { width: 28 }, { width: 8 }, { width: 10 }, { width: 16 }];

export async function downloadTemplate(fileName: string, lots: readonly TenderLot[], locale: Locale) {
  const { default: writeXlsxFile } = await import('write-excel-file/browser');
  await writeXlsxFile(templateSheet(lots, locale) as never, { columns: TEMPLATE_COLUMNS, stickyRowsCount: 1 } as never).toFile(fileName);
}

/** Reads a filled-in schedule; every error names its row and column. */
export async function readScheduleFile(file: Blob, lots: readonly TenderLot[]) {
  const { readSheet } = await import('read-excel-file/browser');
  const rows = await readSheet(file, { parseNumber: (s: string) => s } as never);
  return parseSchedule(rows as unknown[][], lots);
}
