import { describe, expect, it } from 'vitest';
import { currencySymbol, daysSince, formatDate, formatDateTime, formatMoney, formatMoneyCompact, formatNumber, formatPercent, formatRelative, toDate, todayIso } from './format';

describe('formatMoney', () => {
  it('en: CNY with the ¥ symbol, grouped, no decimals when whole', () => {
    expect(formatMoney(3_200_000, 'CNY', 'en')).toBe('¥3,200,000');
    expect(formatMoney(0, 'CNY', 'en')).toBe('¥0');
    expect(formatMoney(1234.5, 'CNY', 'en')).toBe('¥1,234.50');
  });

  it('en: other currencies with their own symbol or code', () => {
    expect(formatMoney(50_000, 'USD', 'en')).toBe('$50,000');
    expect(formatMoney(1_000, 'EUR', 'en')).toBe('€1,000');
    expect(formatMoney(10, 'CHF', 'en')).toMatch(/CHF\s?10/);
  });

  it('zh-CN: 万 and 亿 units from 10,000 on, up to two decimals trimmed', () => {
    expect(formatMoney(3_200_000, 'CNY', 'zh-CN')).toBe('320万元');
    expect(formatMoney(10_000, 'CNY', 'zh-CN')).toBe('1万元');
    expect(formatMoney(12_345, 'CNY', 'zh-CN')).toBe('1.23万元');
    expect(formatMoney(15_000, 'CNY', 'zh-CN')).toBe('1.5万元');
    expect(formatMoney(250_000_000, 'CNY', 'zh-CN')).toBe('2.5亿元');
    expect(formatMoney(100_000_000, 'CNY', 'zh-CN')).toBe('1亿元');
    expect(formatMoney(99_999_999, 'CNY', 'zh-CN')).toBe('1亿元');
    expect(formatMoney(1_234_567_890_000, 'CNY', 'zh-CN')).toBe('12,345.68亿元');
  });

  it('zh-CN: grouped digits below 10,000', () => {
    expect(formatMoney(3_200, 'CNY', 'zh-CN')).toBe('3,200元');
    expect(formatMoney(0, 'CNY', 'zh-CN')).toBe('0元');
    expect(formatMoney(99.5, 'CNY', 'zh-CN')).toBe('99.5元');
  });

  it('zh-CN: other currencies by their Chinese name or code', () => {
    expect(formatMoney(50_000, 'USD', 'zh-CN')).toBe('5万美元');
    expect(formatMoney(2_000_000, 'CHF', 'zh-CN')).toBe('200万 CHF');
  });

  it('missing values show a dash; currency defaults to CNY', () => {
    expect(formatMoney(null, 'CNY', 'en')).toBe('—');
    expect(formatMoney(Number.NaN, 'CNY', 'zh-CN')).toBe('—');
    expect(formatMoney(5_000, null, 'en')).toBe('¥5,000');
  });

  it('compact for column totals', () => {
    expect(formatMoneyCompact(3_200_000, 'CNY', 'en')).toBe('¥3.2M');
    expect(formatMoneyCompact(3_200, 'CNY', 'en')).toBe('¥3,200');
    expect(formatMoneyCompact(3_200_000, 'CNY', 'zh-CN')).toBe('320万元');
    expect(formatMoneyCompact(3_200_000, null, 'en')).toBe('¥3.2M');
  });

  it('a code Intl does not know keeps the code beside the number', () => {
    expect(formatMoney(1_500, 'XYZ1', 'en')).toBe('XYZ1 1,500');
    expect(formatMoneyCompact(3_200_000, 'XYZ1', 'en')).toBe('XYZ1 3.2M');
  });

  it('negative amounts keep their sign in 万 and below', () => {
    expect(formatMoney(-3_200_000, 'CNY', 'zh-CN')).toBe('-320万元');
    expect(formatMoney(-3_200, 'CNY', 'zh-CN')).toBe('-3,200元');
  });

  it('the symbol a currency input shows', () => {
    expect(currencySymbol('CNY', 'en')).toBe('¥');
    expect(currencySymbol('USD', 'en')).toBe('$');
    expect(currencySymbol('CNY', 'zh-CN')).toBe('¥');
    expect(currencySymbol('XYZ1', 'en')).toBe('XYZ1');
  });
});

describe('dates', () => {
  it('a calendar day in both languages', () => {
    expect(formatDate('2026-03-05', 'en')).toBe('Mar 5, 2026');
    expect(formatDate('2026-03-05', 'zh-CN')).toBe('2026年3月5日');
  });

  it('a YYYY-MM-DD is the local day, never shifted by time zone', () => {
    const d = toDate('2026-03-05');
    expect(d.getFullYear()).toBe(2026);
    expect(d.getMonth()).toBe(2);
    expect(d.getDate()).toBe(5);
  });

  it('an instant in a given time zone', () => {
    expect(formatDate('2026-03-05T20:00:00Z', 'zh-CN', 'Asia/Shanghai')).toBe('2026年3月6日');
    expect(formatDate('2026-03-05T20:00:00Z', 'en', 'UTC')).toBe('Mar 5, 2026');
    expect(formatDateTime('2026-03-05T06:30:00Z', 'zh-CN', 'Asia/Shanghai')).toBe('2026年3月5日 14:30');
    expect(formatDateTime('2026-03-05T14:30:00Z', 'en', 'UTC')).toBe('Mar 5, 2026, 2:30 PM');
  });

  it('empty or invalid dates show a dash', () => {
    expect(formatDate(null, 'en')).toBe('—');
    expect(formatDate('not a date', 'en')).toBe('—');
    expect(formatDateTime(undefined, 'zh-CN')).toBe('—');
  });

  it('relative times', () => {
    const now = new Date('2026-03-08T12:00:00Z');
    expect(formatRelative('2026-03-05T12:00:00Z', 'en', now)).toBe('3 days ago');
    expect(formatRelative('2026-03-05T12:00:00Z', 'zh-CN', now)).toBe('3天前');
    expect(formatRelative('2026-03-08T09:00:00Z', 'en', now)).toBe('3 hours ago');
    expect(formatRelative('2026-03-22T12:00:00Z', 'en', now)).toBe('in 2 weeks');
    expect(formatRelative('2026-03-08T11:59:30Z', 'en', now)).toBe('just now');
    expect(formatRelative('2026-03-08T11:59:30Z', 'zh-CN', now)).toBe('刚刚');
  });

  it('days since and today', () => {
    expect(daysSince(new Date('2026-03-01T00:00:00Z'), new Date('2026-03-08T01:00:00Z'))).toBe(7);
    expect(daysSince(new Date('2026-03-09T00:00:00Z'), new Date('2026-03-08T00:00:00Z'))).toBe(0);
    expect(todayIso(new Date(2026, 0, 9))).toBe('2026-01-09');
  });
});

describe('numbers', () => {
  it('grouped and percent', () => {
    expect(formatNumber(1234567.891, 'en')).toBe('1,234,567.89');
    expect(formatPercent(0.734, 'en')).toBe('73%');
    expect(formatPercent(0.5, 'zh-CN')).toBe('50%');
  });
});

describe('odd inputs', () => {
  it('a timestamp number is an instant; unparseable text and nothing show a dash', () => {
    expect(toDate(Date.UTC(2026, 2, 5)).toISOString()).toBe('2026-03-05T00:00:00.000Z');
    expect(formatDateTime('not a date', 'en')).toBe('—');
    expect(formatDateTime('2026-03-05T14:30:00Z', 'en')).toMatch(/2026/);
    expect(formatRelative(null, 'en')).toBe('—');
    expect(formatRelative('', 'zh-CN')).toBe('—');
    expect(formatRelative('not a date', 'en')).toBe('—');
  });
});

describe('exact amounts', () => {
  it('writes every digit with two decimals, grouped, in both languages, from the decimal string', async () => {
    const { formatExactAmount } = await import('./format');
    expect(formatExactAmount('6975000.00', 'CNY', 'en')).toBe('¥6,975,000.00');
    expect(formatExactAmount('6975000.5', 'CNY', 'zh-CN')).toBe('6,975,000.50元');
    expect(formatExactAmount('-12', 'USD', 'en')).toBe('-$12.00');
    expect(formatExactAmount('0012.3', null, 'zh-CN')).toBe('12.30元');
    expect(formatExactAmount('100', 'CHF', 'zh-CN')).toBe('100.00 CHF');
    expect(formatExactAmount('100', 'XYZ', 'en')).toBe('XYZ 100.00');
    expect(formatExactAmount('12345678901234.99', 'CNY', 'en')).toBe('¥12,345,678,901,234.99');
    expect(formatExactAmount('1e5', 'CNY', 'en')).toBe('—');
    expect(formatExactAmount(null, 'CNY', 'en')).toBe('—');
  });
});
