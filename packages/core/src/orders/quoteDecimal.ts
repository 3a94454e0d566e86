import { Decimal } from 'decimal.js'

/** Decimal places kept when a market-data price (a binary float) becomes money. */
const QUOTE_DECIMALS = 8

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
  return new Decimal(value).toDecimalPlaces(QUOTE_DECIMALS, Decimal.ROUND_HALF_UP)
}
