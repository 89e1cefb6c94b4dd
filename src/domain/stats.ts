// Small statistics used by the risk rules and the analytics.

export const DAY_MS = 86_400_000;

/**
 * The p-th percentile (p in 0..1) of `values` with linear interpolation between
 * closest ranks (the same as Excel's PERCENTILE.INC and numpy's default).
 * Empty input → null. Non-finite values are ignored. A p outside 0..1 (or NaN)
 * is a programming error: RangeError.
 */
export function percentile(values: readonly number[], p: number): number | null {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`percentile: p must be between 0 and 1, got ${p}`);
  const xs = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (xs.length === 0) return null;
  const rank = p * (xs.length - 1);
  const lo = Math.floor(rank);
  const hi = Math.ceil(rank);
  const a = xs[lo]!;
  const b = xs[hi]!;
  return a + (b - a) * (rank - lo);
}

/** Days from `a` to `b`, fractional, negative when `b` is before `a`. */
export function daysBetween(a: Date, b: Date): number {
  return (b.getTime() - a.getTime()) / DAY_MS;
}
