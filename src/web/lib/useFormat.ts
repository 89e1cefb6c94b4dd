import { useMemo } from 'react';
import { useLocale } from '../i18n';
import { formatDate, formatDateTime, formatMoney, formatMoneyCompact, formatNumber, formatPercent, formatRelative } from '../../domain/format';

/** The formatters bound to the UI language. */
export function useFormat() {
  const locale = useLocale();
  return useMemo(
    () => ({
      locale,
      money: (v: number | null | undefined, currency?: string | null) => formatMoney(v, currency, locale),
      moneyCompact: (v: number, currency?: string | null) => formatMoneyCompact(v, currency, locale),
      number: (v: number, maxFraction?: number) => formatNumber(v, locale, maxFraction),
      date: (v: string | Date | null | undefined) => formatDate(v, locale),
      dateTime: (v: string | Date | null | undefined) => formatDateTime(v, locale),
      relative: (v: string | Date | null | undefined) => formatRelative(v, locale),
      percent: (v: number) => formatPercent(v, locale),
    }),
    [locale],
  );
}
