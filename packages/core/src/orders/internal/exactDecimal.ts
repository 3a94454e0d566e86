import { Decimal } from 'decimal.js'

/** Bound of the memo of converted numbers. */
const CACHE_SIZE = 16_384
const converted = new Map<number, Decimal>()

/**
 * `new Decimal(value)`, remembered for the numbers converted most recently: marks are revalued every second and
 * move among a few prices, so the same numbers are converted again and again. Decimals are immutable, so one
 * instance serves every caller. Zero (a Map cannot tell 0 from −0) and non-finite numbers are not remembered; the
 * memo is cleared when full, so it never grows without bound.
 *
 * @param value - Any number.
 * @returns The same value as `new Decimal(value)`.
 * @example
 * ```ts
 * exactDecimal(1.235).times(2).toString() // '2.47'
 * ```
 */
export function exactDecimal(value: number): Decimal {
  if (value === 0 || !Number.isFinite(value)) return new Decimal(value)
  const known = converted.get(value)
  if (known !== undefined) return known
  const decimal = new Decimal(value)
  if (converted.size >= CACHE_SIZE) converted.clear()
  converted.set(value, decimal)
  return decimal
}
