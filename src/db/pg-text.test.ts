import { describe, expect, it } from 'vitest';
import { isoTimestamp, timestampMs } from './pg-text';

describe('isoTimestamp', () => {
  it('rewrites UTC text with 0 to 6 fraction digits exactly as Date.toISOString() does', () => {
    expect(isoTimestamp('2026-04-07 09:00:00+00')).toBe('2026-04-07T09:00:00.000Z');
    expect(isoTimestamp('2026-04-07 09:00:00.5+00')).toBe('2026-04-07T09:00:00.500Z');
    expect(isoTimestamp('2026-04-07 09:00:00.12+00')).toBe('2026-04-07T09:00:00.120Z');
    expect(isoTimestamp('2026-04-07 09:00:00.123456+00')).toBe('2026-04-07T09:00:00.123Z');
    expect(isoTimestamp('2026-04-07 09:00:00.999999+00')).toBe(new Date('2026-04-07T09:00:00.999999Z').toISOString());
  });

  it('converts other offsets through Date', () => {
    expect(isoTimestamp('2026-04-07 17:00:00.25+08')).toBe('2026-04-07T09:00:00.250Z');
    expect(isoTimestamp('2026-04-07 04:30:00-04:30')).toBe('2026-04-07T09:00:00.000Z');
  });

  it('passes Dates through and refuses what is no timestamp', () => {
    expect(isoTimestamp(new Date(Date.UTC(2026, 0, 2, 3, 4, 5, 6)))).toBe('2026-01-02T03:04:05.006Z');
    expect(() => isoTimestamp('yesterday')).toThrow(/timestamptz/);
    expect(timestampMs('2026-04-07 09:00:00+00')).toBe(Date.UTC(2026, 3, 7, 9));
    expect(timestampMs(new Date(5))).toBe(5);
  });
});
