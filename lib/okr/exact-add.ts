import Decimal from 'decimal.js';

/** Enough digits for any sum of two doubles (their exponents span about 630 decimal places). */
const Exact = Decimal.clone({ precision: 1000 });

/**
 * `a + b` as decimals, so 0.1 + 0.2 is 0.3 and undoing both deltas lands exactly back on the start,
 * which float addition does not. Null when the exact sum has no double of its own (too many digits,
 * or too large), since storing a rounded value would break "current = start + the live deltas".
 */
export function exactAdd(a: number, b: number): number | null {
  if (!Number.isFinite(a) || !Number.isFinite(b)) return null;
  const sum = new Exact(a).plus(b);
  const value = sum.toNumber();
  if (!Number.isFinite(value) || !new Exact(value).eq(sum)) return null;
  // -0 and 0 are the same value to a user; keep the stored JSON free of "-0".
  return value === 0 ? 0 : value;
}

/** Decimal places in a number's shortest decimal form: 0.25 has 2, 1e-7 has 7, 1200 has 0. */
export function decimalPlaces(value: number): number {
  return Number.isFinite(value) ? new Exact(value).decimalPlaces() : Number.POSITIVE_INFINITY;
}
