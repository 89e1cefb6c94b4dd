// Locale-aware formatting of money, numbers, dates and relative times. Pure
// functions (Intl only), so they are unit-tested in Node and shared by every
// screen of the web app and by the CLI.
//
//   formatMoney(3_200_000, 'CNY', 'en')     → "¥3,200,000"
//   formatMoney(3_200_000, 'CNY', 'zh-CN')  → "320万元"
//   formatDate('2026-03-05', 'en')          → "Mar 5, 2026"
//   formatDate('2026-03-05', 'zh-CN')       → "2026年3月5日"
//   formatRelative(threeDaysAgo, 'zh-CN')   → "3天前"

import type { Locale } from './i18n';

export type { Locale };

const nfCache = new Map<string, Intl.NumberFormat>();
function nf(locale: string, opts: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(opts)}`;
  let f = nfCache.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locale, opts);
    nfCache.set(key, f);
  }
  return f;
}

/** Plain number with grouping, at most `maxFraction` decimals (trailing zeros dropped). */
export function formatNumber(n: number, locale: Locale, maxFraction = 2): string {
  return nf(locale, { maximumFractionDigits: maxFraction }).format(n);
}

/** Chinese large-number units: 亿 (10^8) and 万 (10^4), up to 2 decimals, trailing zeros trimmed. */
function chineseUnits(n: number): { amount: string; unit: '' | '万' | '亿' } {
  const abs = Math.abs(n);
  const sign = n < 0 ? '-' : '';
  const fmt = (v: number) => nf('zh-CN', { maximumFractionDigits: 2, useGrouping: true }).format(v);
  if (abs >= 1e8) {
    const v = Math.round((abs / 1e8) * 100) / 100;
    return { amount: sign + fmt(v), unit: '亿' };
  }
  if (abs >= 1e4) {
    const v = Math.round((abs / 1e4) * 100) / 100;
    // 9999.999万 rounds to 10000万: say 1亿 instead.
    if (v >= 1e4) return { amount: `${sign}1`, unit: '亿' };
    return { amount: sign + fmt(v), unit: '万' };
  }
  return { amount: sign + fmt(Math.round(abs * 100) / 100), unit: '' };
}

/** Names Chinese readers use after an amount for the common currencies. */
const ZH_CURRENCY_WORD: Record<string, string> = {
  CNY: '元',
  USD: '美元',
  EUR: '欧元',
  HKD: '港元',
  JPY: '日元',
  GBP: '英镑',
};

/**
 * Money for people. en: currency style with the narrow symbol (¥ for CNY), no
 * decimals when whole. zh-CN: 万/亿 units for amounts ≥ 10,000 ("320万元"), grouped
 * digits below ("3,200元"); currencies without a Chinese word keep their code ("5万 CHF").
 */
export function formatMoney(value: number | null | undefined, currency: string | null | undefined, locale: Locale): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  const cur = (currency || 'CNY').toUpperCase();
  if (locale === 'zh-CN') {
    const { amount, unit } = chineseUnits(value);
    const word = ZH_CURRENCY_WORD[cur];
    return word ? `${amount}${unit}${word}` : `${amount}${unit} ${cur}`;
  }
  const whole = Number.isInteger(value);
  try {
    return nf('en-US', {
      style: 'currency',
      currency: cur,
      currencyDisplay: 'narrowSymbol',
      minimumFractionDigits: whole ? 0 : 2,
      maximumFractionDigits: whole ? 0 : 2,
    }).format(value);
  } catch {
    // Not an ISO 4217 code Intl knows.
    return `${cur} ${formatNumber(value, locale)}`;
  }
}

/**
 * An exact amount as procurement documents write it: every digit, two decimals,
 * grouped, from its decimal string (no floating point). en "¥6,975,000.00",
 * zh-CN "6,975,000.00元"; a currency without a symbol or word keeps its code.
 */
export function formatExactAmount(amount: string | null | undefined, currency: string | null | undefined, locale: Locale): string {
  const m = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(amount ?? '');
  if (!m) return '—';
  const cur = (currency || 'CNY').toUpperCase();
  const digits = `${m[2]!.replace(/^0+(?=\d)/, '').replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${(m[3] ?? '').padEnd(2, '0')}`;
  if (locale === 'zh-CN') {
    const word = ZH_CURRENCY_WORD[cur];
    return word ? `${m[1]}${digits}${word}` : `${m[1]}${digits} ${cur}`;
  }
  const symbol = currencySymbol(cur, 'en');
  return symbol === cur ? `${m[1]}${cur} ${digits}` : `${m[1]}${symbol}${digits}`;
}

/** Short money for tight places (column totals): en "¥3.2M", zh-CN same as formatMoney. */
export function formatMoneyCompact(value: number, currency: string | null | undefined, locale: Locale): string {
  if (locale === 'zh-CN') return formatMoney(value, currency, locale);
  const cur = (currency || 'CNY').toUpperCase();
  if (Math.abs(value) < 10_000) return formatMoney(value, cur, locale);
  try {
    return nf('en-US', { style: 'currency', currency: cur, currencyDisplay: 'narrowSymbol', notation: 'compact', maximumFractionDigits: 1 }).format(value);
  } catch {
    return `${cur} ${nf('en-US', { notation: 'compact', maximumFractionDigits: 1 }).format(value)}`;
  }
}

/** The symbol a currency input shows beside the amount. */
export function currencySymbol(currency: string, locale: Locale): string {
  try {
    const parts = nf(locale === 'zh-CN' ? 'zh-CN' : 'en-US', { style: 'currency', currency, currencyDisplay: 'narrowSymbol' }).formatToParts(0);
    // No currency part (or a code Intl refuses): the code itself.
    return parts.find((p) => p.type === 'currency')!.value;
  } catch {
    return currency;
  }
}

/** A YYYY-MM-DD date is a calendar day, not an instant: parse it as local midnight. */
export function toDate(input: string | number | Date): Date {
  if (input instanceof Date) return input;
  if (typeof input === 'number') return new Date(input);
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(input);
  if (m) return new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return new Date(input);
}

function dtf(locale: Locale, opts: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  return new Intl.DateTimeFormat(locale === 'zh-CN' ? 'zh-CN' : 'en-US', opts);
}

/** en "Mar 5, 2026", zh-CN "2026年3月5日". */
export function formatDate(input: string | number | Date | null | undefined, locale: Locale, timeZone?: string): string {
  if (input === null || input === undefined || input === '') return '—';
  const d = toDate(input);
  if (Number.isNaN(d.getTime())) return '—';
  const dateOnly = typeof input === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(input);
  return dtf(locale, { year: 'numeric', month: locale === 'zh-CN' ? 'long' : 'short', day: 'numeric', ...(timeZone && !dateOnly ? { timeZone } : {}) }).format(d);
}

/** en "Mar 5, 2026, 2:30 PM", zh-CN "2026年3月5日 14:30". */
export function formatDateTime(input: string | number | Date | null | undefined, locale: Locale, timeZone?: string): string {
  if (input === null || input === undefined || input === '') return '—';
  const d = toDate(input);
  if (Number.isNaN(d.getTime())) return '—';
  const tz = timeZone ? { timeZone } : {};
  if (locale === 'zh-CN') {
    const date = dtf(locale, { year: 'numeric', month: 'long', day: 'numeric', ...tz }).format(d);
    const time = dtf(locale, { hour: '2-digit', minute: '2-digit', hour12: false, ...tz }).format(d);
    return `${date} ${time}`;
  }
  return dtf(locale, { year: 'numeric', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit', ...tz }).format(d);
}

const UNITS: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ['year', 365 * 86_400_000],
  ['month', 30 * 86_400_000],
  ['week', 7 * 86_400_000],
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
];

/** en "3 days ago" / "in 2 weeks", zh-CN "3天前" / "2周后"; under a minute: "just now" / "刚刚". */
export function formatRelative(input: string | number | Date | null | undefined, locale: Locale, now: Date = new Date()): string {
  if (input === null || input === undefined || input === '') return '—';
  const d = toDate(input);
  if (Number.isNaN(d.getTime())) return '—';
  const diff = d.getTime() - now.getTime();
  const abs = Math.abs(diff);
  const rtf = new Intl.RelativeTimeFormat(locale === 'zh-CN' ? 'zh-CN' : 'en', { numeric: 'always', style: 'long' });
  for (const [unit, ms] of UNITS) {
    if (abs >= ms) {
      const n = Math.round(diff / ms);
      return rtf.format(n, unit);
    }
  }
  return locale === 'zh-CN' ? '刚刚' : 'just now';
}

/** Whole days from a date to now (≥ 0). */
export function daysSince(input: string | Date, now: Date = new Date()): number {
  return Math.max(0, Math.floor((now.getTime() - toDate(input).getTime()) / 86_400_000));
}

/** 0.734 → "73%". */
export function formatPercent(ratio: number, locale: Locale): string {
  return nf(locale === 'zh-CN' ? 'zh-CN' : 'en-US', { style: 'percent', maximumFractionDigits: 0 }).format(ratio);
}

/** Today as YYYY-MM-DD in local time. */
export function todayIso(now: Date = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}
