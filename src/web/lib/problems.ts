// Turning server problems into words people read, in their language, and field
// errors into messages next to the fields.
import type { TFunction } from 'i18next';
import { notifications } from '@mantine/notifications';
import { ApiError, type Problem } from '../api/http';

/** Known server validation messages (English, from the zod schemas) → i18n keys. */
const FIELD_MESSAGES: Record<string, Parameters<TFunction>[0]> = {
  'is required': 'validation.required',
  'must be an email address': 'validation.email',
  'must be at least 8 characters': 'validation.passwordMin',
  'must not be negative': 'validation.nonNegative',
  'is too large': 'validation.tooLarge',
  'must be 1 to 5': 'validation.oneToFive',
  'must be a date YYYY-MM-DD': 'validation.date',
  'must be an ISO 4217 code such as CNY': 'validation.currency',
  'is required unless you accept an invitation': 'validation.required',
  'is required when the outcome is lost': 'validation.required',
};

export function fieldMessage(t: TFunction, message: string, locale: string): string {
  const key = FIELD_MESSAGES[message];
  if (key) return t(key as never) as string;
  // Messages from the server are English; in Chinese show them as they are rather than nothing.
  return locale === 'zh-CN' ? message : message.charAt(0).toUpperCase() + message.slice(1);
}

export function problemOf(error: unknown): Problem | null {
  if (error instanceof ApiError) return error.problem;
  return null;
}

/** A sentence for a problem, in the UI language where we know the code. */
export function problemMessage(t: TFunction, error: unknown): string {
  const p = problemOf(error);
  if (!p) return error instanceof Error ? error.message : String(error);
  if (p.code === 'network') return t('state.networkError');
  const known = t(`errors.${p.code}` as never, { defaultValue: '' }) as string;
  if (known) return known;
  if (p.status === 404) return t('state.notFound');
  if (p.status === 403) return t('state.forbidden');
  return p.detail || p.title || t('state.errorTitle');
}

/**
 * Puts the problem's field errors ('body.name') on the form's fields ('name');
 * the ones that match no field are returned for a general message.
 */
export function applyFieldErrors(
  error: unknown,
  setFieldError: (path: string, message: string) => void,
  t: TFunction,
  locale: string,
  map: (field: string) => string | null = (f) => f.replace(/^body\./, ''),
): { handled: number; unmatched: string[] } {
  const p = problemOf(error);
  let handled = 0;
  const unmatched: string[] = [];
  for (const fe of p?.errors ?? []) {
    const path = map(fe.field);
    const msg = fieldMessage(t, fe.message, locale);
    if (path) {
      setFieldError(path, msg);
      handled++;
    } else unmatched.push(`${fe.field}: ${msg}`);
  }
  return { handled, unmatched };
}

export function notifyError(t: TFunction, error: unknown) {
  notifications.show({ color: 'red', title: t('state.errorTitle'), message: problemMessage(t, error), autoClose: 6000 });
}

export function notifySuccess(message: string) {
  notifications.show({ color: 'teal', message, autoClose: 2500 });
}
