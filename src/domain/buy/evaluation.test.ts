import { describe, expect, it } from 'vitest';
import { afterScoring, afterScreening, EVALUATION_PHASE_LABELS, EVALUATION_PHASES } from './evaluation';

describe('the evaluation phases', () => {
  it('after screening: members score under comprehensive scoring; else the price envelopes (two), else the report', () => {
    expect(afterScreening('comprehensive', 'one')).toBe('scoring');
    expect(afterScreening('comprehensive', 'two')).toBe('scoring');
    expect(afterScreening('lowest_price', 'two')).toBe('prices');
    expect(afterScreening('lowest_price', 'one')).toBe('report');
  });

  it('after scoring: the price envelopes where there are two, else the report', () => {
    expect(afterScoring('two')).toBe('prices');
    expect(afterScoring('one')).toBe('report');
  });

  it('every phase is named in both languages', () => {
    for (const p of EVALUATION_PHASES) {
      expect(EVALUATION_PHASE_LABELS[p]['zh-CN']).toMatch(/[\u4e00-\u9fff]/);
      expect(EVALUATION_PHASE_LABELS[p].en).toMatch(/^[A-Z]/);
    }
  });
});
