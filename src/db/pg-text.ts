// PostgreSQL's text form of values, read without a parse per row.

/**
 * ISO 8601 (as Date.toISOString() writes it) from a Date or from PostgreSQL's
 * text of a timestamptz ('2026-04-07 09:00:00.123456+00'; DateStyle ISO).
 * UTC text is rewritten by slicing; any other offset goes through Date.
 */
export function isoTimestamp(v: Date | string): string {
  if (typeof v !== 'string') return v.toISOString();
  if (v.length >= 22 && v[10] === ' ' && v.endsWith('+00')) {
    const dot = v.indexOf('.', 19);
    const ms = dot < 0 ? '000' : v.slice(dot + 1, v.length - 3).padEnd(3, '0').slice(0, 3);
    return `${v.slice(0, 10)}T${v.slice(11, 19)}.${ms}Z`;
  }
  const d = new Date(v.replace(' ', 'T').replace(/([+-]\d\d)$/, '$1:00'));
  if (Number.isNaN(d.getTime())) throw new Error(`not a PostgreSQL timestamptz: ${v}`);
  return d.toISOString();
}

/** Milliseconds since the epoch of a Date or a timestamptz text. */
export function timestampMs(v: Date | string): number {
  return typeof v === 'string' ? Date.parse(isoTimestamp(v)) : v.getTime();
}
