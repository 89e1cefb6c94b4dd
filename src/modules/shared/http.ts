// Schemas and helpers every module's routes share: ids, cursor pagination,
// the problem+json response shape, and the error responses to document.
import { z } from 'zod';
import { invalidField } from '../../server/errors';

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

export function decodeCursor(cursor: string | undefined, arity: number): unknown[] | null {
  if (!cursor) return null;
  try {
    const v = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(v) && v.length === arity) return v;
  } catch {
    /* fall through */
  }
  throw invalidField('query.cursor', 'is not a cursor this list gave out', 'invalid_cursor');
}

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
