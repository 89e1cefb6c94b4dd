// The spreadsheet round trip a bidder makes: the template written as XLSX, filled
// in (a number, a text amount, a row left empty), read back into exact prices.
import { describe, expect, it } from 'vitest';
import writeXlsxFile from 'write-excel-file/node';
import { readSheet } from 'read-excel-file/node';
import { parseSchedule } from '../../domain/buy/price-schedule';
import type { TenderLot } from '../../domain/buy/tender';
import { templateSheet, TEMPLATE_COLUMNS } from './xlsx';

const lots: TenderLot[] = [
  { key: 'L1', name: '压缩机', items: [{ key: 'L1.1', name: '变频压缩机', specification: '1.5 匹', quantity: '2000', unit: '台' }, { key: 'L1.2', name: '支架', specification: '', quantity: '2000', unit: '套' }] },
  { key: 'L2', name: '备件', items: [{ key: 'L2.1', name: '阀门', specification: '', quantity: '500', unit: '个' }] },
];

describe('the price schedule as a spreadsheet', () => {
  it('writes the template in either language and reads a filled-in copy back to exact prices', async () => {
    for (const locale of ['zh-CN', 'en'] as const) {
      const sheet = templateSheet(lots, locale);
      sheet[1]![7] = { value: 1499.99 as never, type: Number as never };
      sheet[3]![7] = { value: '0.10' as never, type: String };
      const buffer = await writeXlsxFile(sheet as never, { columns: TEMPLATE_COLUMNS } as never).toBuffer();
      const rows = await readSheet(buffer as unknown as Buffer, { parseNumber: (s: string) => s } as never);
      const { prices, errors } = parseSchedule(rows as unknown[][], lots);
      expect(errors).toEqual([]);
      expect(prices).toEqual([
        { lotId: 'L1', itemId: 'L1.1', unitPrice: '1499.99', quantity: '2000' },
        { lotId: 'L2', itemId: 'L2.1', unitPrice: '0.10', quantity: '500' },
      ]);
    }
  });

  it('says which row and column is wrong in a spreadsheet', async () => {
    const sheet = templateSheet(lots, 'en');
    sheet[2]![7] = { value: 'about 12', type: String };
    const buffer = await writeXlsxFile(sheet as never).toBuffer();
    const rows = await readSheet(buffer as unknown as Buffer, { parseNumber: (s: string) => s } as never);
    expect(parseSchedule(rows as unknown[][], lots).errors.map((e) => [e.row, e.column])).toEqual([[3, 'H']]);
  });
});
