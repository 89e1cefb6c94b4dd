// What the evaluation counts as a bid's price for a lot (results.ts lotPrice):
// every item quoted once, for the tendered quantity, with amounts in range.
// Anything else is no price for the lot — it would otherwise become the base
// price and take full price marks.
import { describe, expect, it } from 'vitest';
import { computeResult, lotPrice } from './results';

const lot = { key: 'L1', name: 'Motors', items: [{ key: 'L1.1', name: 'Motor', specification: '', quantity: '4000', unit: 'pcs' }, { key: 'L1.2', name: 'Bracket', specification: '', quantity: '10.5', unit: 'm' }] };
const line = (itemId: string, unitPrice: string, quantity: string) => ({ lotId: 'L1', itemId, unitPrice, quantity });

describe('a bid’s price for a lot', () => {
  it('is the lot total when every item is quoted once for the tendered quantity', () => {
    expect(lotPrice([line('L1.1', '100.00', '4000'), line('L1.2', '2.00', '10.50')], lot)).toBe('400021.00');
  });

  it('is none for a short, an over-quantity, a missing or a doubled item, or an amount out of range', () => {
    expect(lotPrice([line('L1.1', '100.00', '1'), line('L1.2', '2.00', '10.5')], lot)).toBeNull();
    expect(lotPrice([line('L1.1', '100.00', '4001'), line('L1.2', '2.00', '10.5')], lot)).toBeNull();
    expect(lotPrice([line('L1.1', '100.00', '4000')], lot)).toBeNull();
    expect(lotPrice([line('L1.1', '50.00', '4000'), line('L1.1', '50.00', '4000'), line('L1.2', '2.00', '10.5')], lot)).toBeNull();
    expect(lotPrice([line('L1.1', '999999999999999.99', '4000'), line('L1.2', '2.00', '10.5')], lot)).toBeNull();
    expect(lotPrice([line('L1.1', '0', '4000'), line('L1.2', '0', '10.5')], lot)).toBeNull();
  });

  it('keeps a short quote out of the ranking: it cannot become the base price', () => {
    const bids = [
      { bidId: 'a', bidderOrgId: 'oa', name: 'A', prices: [line('L1.1', '100.00', '4000'), line('L1.2', '2.00', '10.5')] },
      { bidId: 'b', bidderOrgId: 'ob', name: 'B', prices: [line('L1.1', '100.00', '1'), line('L1.2', '2.00', '10.5')] },
    ];
    const r = computeResult({ lots: [lot], criteria: [], method: 'lowest_price', criteriaHash: 'h', bids, compliance: { a: { passed: true, failed: [] }, b: { passed: true, failed: [] } }, sheets: [] });
    expect(r.ok && r.result.lots[0]).toMatchObject({ candidates: ['a'], incomplete: ['b'] });
  });
});
