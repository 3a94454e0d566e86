import { Decimal } from 'decimal.js'

/** Decimal places kept when a market-data price (a binary float) becomes money. */
const QUOTE_DECIMALS = 8
/** Bound of the memo of converted prices. */
const CONVERTED_CACHE_SIZE = 16_384
const converted = new Map<number, Decimal>()

/**
 * Converts a market-data price (plain number) to a `Decimal`, dropping binary-float noise beyond 8 decimals so
 * that `1.2300000000000002` from an upstream computation becomes exactly `1.23`.
 *
 * @param value - A finite price.
 * @returns The price as a Decimal.
 * @example
 * ```ts
 * quoteDecimal(0.1 + 0.2).toString() // '0.3'
 * ```
 */
export function quoteDecimal(value: number): Decimal {
  // Quotes move on a grid of cents, so the same few prices are converted again and again. Decimals are immutable,
  // so one instance serves every caller. Zero is left out (a Map cannot tell 0 from −0) and so is anything not
  // finite; the memo is bounded so that a long session cannot grow it without limit.
  if (value === 0 || !Number.isFinite(value)) return convert(value)
  const known = converted.get(value)
  if (known !== undefined) return known
  const decimal = convert(value)
  if (converted.size >= CONVERTED_CACHE_SIZE) converted.clear()
  converted.set(value, decimal)
  return decimal
}

function convert(value: number): Decimal {
  return new Decimal(value).toDecimalPlaces(QUOTE_DECIMALS, Decimal.ROUND_HALF_UP)
}
