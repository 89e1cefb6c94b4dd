// Exact money on the buy side: amounts travel as decimal strings ("3200000.00")
// and are computed as integer minor units (BigInt, two decimals), never floats.

export const MONEY_PATTERN = /^(0|[1-9]\d{0,14})(\.\d{1,2})?$/;
export const QUANTITY_PATTERN = /^(0|[1-9]\d{0,11})(\.\d{1,4})?$/;

export function isMoney(s: unknown): s is string {
  return typeof s === 'string' && MONEY_PATTERN.test(s);
}

export function isQuantity(s: unknown): s is string {
  return typeof s === 'string' && QUANTITY_PATTERN.test(s) && !/^0(\.0*)?$/.test(s);
}

/** Cents of a money string; throws RangeError for anything else. */
export function toCents(s: string): bigint {
  if (!isMoney(s)) throw new RangeError(`not an amount: ${s}`);
  const [whole, frac = ''] = s.split('.');
  return BigInt(whole!) * 100n + BigInt(frac.padEnd(2, '0'));
}

export function fromCents(c: bigint): string {
  const neg = c < 0n;
  const a = neg ? -c : c;
  return `${neg ? '-' : ''}${a / 100n}.${String(a % 100n).padStart(2, '0')}`;
}

/** Ten-thousandths of a quantity string (up to 4 decimals). */
function toQuantityUnits(s: string): bigint {
  if (!isQuantity(s)) throw new RangeError(`not a quantity: ${s}`);
  const [whole, frac = ''] = s.split('.');
  return BigInt(whole!) * 10_000n + BigInt(frac.padEnd(4, '0'));
}

/** unit price × quantity, rounded half up to the cent. */
export function lineTotal(unitPrice: string, quantity: string): string {
  const raw = toCents(unitPrice) * toQuantityUnits(quantity); // cents × 1/10,000
  return fromCents((raw + 5_000n) / 10_000n);
}

export function sumMoney(amounts: readonly string[]): string {
  return fromCents(amounts.reduce((s, a) => s + toCents(a), 0n));
}

/** a ≤ b × percent / 100, exactly (percent with at most 2 decimals). */
export function withinPercent(a: string, b: string, percent: number): boolean {
  const p = BigInt(Math.round(percent * 100));
  return toCents(a) * 10_000n <= toCents(b) * p;
}

/** Savings of an awarded value against a budget: amount and percent of the budget (2 decimals, half up). */
export function savings(budget: string, awarded: string): { amount: string; percent: string } {
  const b = toCents(budget);
  const d = b - toCents(awarded);
  if (b === 0n) return { amount: fromCents(d), percent: '0.00' };
  const scaled = d * 10_000n; // percent × 100
  const q = scaled / b;
  const r = scaled % b;
  const half = (r < 0n ? -r : r) * 2n >= b;
  const rounded = half ? q + (scaled < 0n ? -1n : 1n) : q;
  return { amount: fromCents(d), percent: fromCents(rounded) };
}
