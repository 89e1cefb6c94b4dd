// Turning server problems into words people read, in their language, and field
// errors into messages next to the fields.
import type { TFunction } from 'i18next';
import { notifications } from '@mantine/notifications';
import { ApiError, type Problem } from '../api/http';

/**
 * A field message from the server: already in the UI language (the API client
 * sends Accept-Language). English ones start lower-case ("is required"), to
 * follow a field name; next to a field they read better capitalised.
 */
export function fieldMessage(message: string, locale: string): string {
  return locale === 'en' ? message.charAt(0).toUpperCase() + message.slice(1) : message;
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
  // Our own problems say why, in the UI language; others (better-auth's) get the general sentence.
  if (p.status === 403 || p.status === 429) return p.type.startsWith('/problems/') && p.detail ? p.detail : t(p.status === 403 ? 'state.forbidden' : 'state.tooMany');
  return p.detail || p.title || t('state.errorTitle');
}

/**
 * Puts the problem's field errors ('body.name') on the form's fields ('name');
 * the ones that match no field are returned for a general message.
 */
export function applyFieldErrors(
  error: unknown,
  setFieldError: (path: string, message: string) => void,
  locale: string,
  map: (field: string) => string | null = (f) => f.replace(/^body\./, ''),
): { handled: number; unmatched: string[] } {
  const p = problemOf(error);
  let handled = 0;
  const unmatched: string[] = [];
  for (const fe of p?.errors ?? []) {
    const path = map(fe.field);
    const msg = fieldMessage(fe.message, locale);
    if (path) {
      setFieldError(path, msg);
      handled++;
    } else unmatched.push(`${fe.field}: ${msg}`);
  }
  return { handled, unmatched };
}

/** A failed form submission: field errors next to their fields, anything else as a notification. */
export function reportFormError(t: TFunction, locale: string, error: unknown, setFieldError: (path: string, message: string) => void): void {
  if (!applyFieldErrors(error, setFieldError, locale).handled) notifyError(t, error);
}

export function notifyError(t: TFunction, error: unknown) {
  notifications.show({ color: 'red', title: t('state.errorTitle'), message: problemMessage(t, error), autoClose: 6000 });
}

export function notifySuccess(message: string) {
  notifications.show({ color: 'teal', message, autoClose: 2500 });
}
