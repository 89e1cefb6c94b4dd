// Schemas and helpers every module's routes share: ids, cursor pagination,
// the problem+json response shape, and the error responses to document.
import { z } from 'zod';
import { invalidField } from '../../server/errors';
import { text } from '../../domain/i18n';

export const Uuid = z.uuid({ error: 'must be a UUID' });
export const IdParams = z.object({ id: Uuid });

export const Timestamp = z.iso.datetime({ offset: true });
export const DateOnly = z.iso.date({ error: 'must be a date YYYY-MM-DD' });

export const Problem = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    code: z.string(),
    errors: z.array(z.object({ field: z.string(), message: z.string(), code: z.string().optional() })).optional(),
  })
  .meta({ id: 'Problem' });

/** The error responses every authenticated route may answer with. */
export const errorResponses = {
  400: Problem,
  401: Problem,
  403: Problem,
  404: Problem,
  409: Problem,
  422: Problem,
} as const;

export const Limit = z.coerce.number().int().min(1).max(200).default(50);
export const Cursor = z.string().max(500).optional();

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}

/** Opaque cursor: the sort key values of the last row, base64url JSON. */
export function encodeCursor(values: unknown[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

/**
 * Decodes a cursor and checks each part against the list's key schema: a cursor
 * that was tampered with, or given out by another list or sort, is a 400 naming
 * query.cursor, never a database error.
 */
export function decodeCursor<T extends readonly [z.ZodType, ...z.ZodType[]]>(cursor: string | undefined, parts: T): { -readonly [K in keyof T]: z.infer<T[K]> } | null {
  if (!cursor) return null;
  let v: unknown;
  try {
    v = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    v = undefined;
  }
  const parsed = z.tuple(parts as unknown as [z.ZodType, ...z.ZodType[]]).safeParse(v);
  if (!parsed.success) throw invalidField('query.cursor', text('不是本列表给出的游标', 'is not a cursor this list gave out'), 'invalid_cursor');
  return parsed.data as never;
}

/** Cursor parts: the sort keys lists give out. */
export const CursorKey = {
  id: Uuid,
  /** An ISO timestamp (JavaScript Date). */
  isoTime: z.iso.datetime(),
  /** A timestamptz as PostgreSQL writes it: 2026-07-03 09:00:00.123456+00 (exact to the microsecond). */
  pgTime: z.string().regex(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d{1,6})?[+-]\d{2}(:\d{2})?$/),
  date: z.iso.date(),
  /** A numeric as PostgreSQL writes it. */
  decimal: z.string().regex(/^-?\d{1,30}(\.\d{1,10})?$/),
  serial: z.number().int().nonnegative(),
  text: z.string().max(1000),
} as const;

/** Comma-separated list in a query string: ?risk=no_coach,single_channel */
export const csv = <T extends z.ZodType<string>>(item: T) =>
  z
    .string()
    .transform((s) => s.split(',').map((x) => x.trim()).filter(Boolean))
    .pipe(z.array(item) as unknown as z.ZodType<z.output<T>[], string[]>);

export const LocalizedText = z.object({ 'zh-CN': z.string(), en: z.string() }).meta({ id: 'LocalizedText' });
export const Message = z
  .object({ code: z.string(), params: z.record(z.string(), z.union([z.string(), z.number()])), text: LocalizedText })
  .meta({ id: 'Message' });

/**
 * The PATCH form of an object schema: every field optional, and no defaults
 * (zod's own .partial() still fills them in, which would overwrite stored
 * values the client never sent).
 */
export function patchOf<S extends z.ZodRawShape>(schema: z.ZodObject<S>) {
  const shape = Object.fromEntries(Object.entries(schema.shape).map(([k, v]) => [k, ((v as z.ZodType) instanceof z.ZodDefault ? (v as unknown as z.ZodDefault<z.ZodType>).unwrap() : (v as z.ZodType)).optional()]));
  return z.object(shape as unknown as { [K in keyof S]: z.ZodOptional<z.ZodType<Exclude<z.output<S[K]>, undefined>, z.input<S[K]>>> }).strict();
}
