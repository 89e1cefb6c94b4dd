import { describe, expect, it } from 'vitest';
import { DAY_MS, daysBetween, percentile } from './stats';

describe('percentile', () => {
  it('is null for no values', () => {
    expect(percentile([], 0.75)).toBeNull();
    expect(percentile([Number.NaN, Number.POSITIVE_INFINITY], 0.5)).toBeNull();
  });
  it('returns the only value', () => {
    expect(percentile([7], 0)).toBe(7);
    expect(percentile([7], 0.75)).toBe(7);
  });
  it('interpolates linearly between closest ranks (PERCENTILE.INC)', () => {
    expect(percentile([1, 2, 3, 4], 0.75)).toBeCloseTo(3.25);
    expect(percentile([10, 20, 30, 40, 50], 0.75)).toBe(40);
    expect(percentile([10, 20, 30, 40, 50], 0.5)).toBe(30);
    expect(percentile([1, 2], 0.5)).toBe(1.5);
  });
  it('sorts its input without changing it and ignores non-finite values', () => {
    const xs = [40, 10, Number.NaN, 30, 20];
    expect(percentile(xs, 0)).toBe(10);
    expect(percentile(xs, 1)).toBe(40);
    expect(xs).toEqual([40, 10, Number.NaN, 30, 20]);
  });
  it('rejects p outside 0..1', () => {
    expect(() => percentile([1], 1.5)).toThrow(RangeError);
    expect(() => percentile([1], -0.1)).toThrow(RangeError);
    expect(() => percentile([1], Number.NaN)).toThrow(RangeError);
  });
});

describe('daysBetween', () => {
  it('counts fractional days, signed', () => {
    const a = new Date('2024-01-01T00:00:00Z');
    expect(daysBetween(a, new Date('2024-01-11T12:00:00Z'))).toBe(10.5);
    expect(daysBetween(new Date('2024-01-11T00:00:00Z'), a)).toBe(-10);
    expect(daysBetween(a, a)).toBe(0);
    expect(DAY_MS).toBe(86_400_000);
  });
});
