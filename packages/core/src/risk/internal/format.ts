import type { Decimal } from 'decimal.js'

/**
 * Formats dollars for rejection messages: two decimals, no exponent.
 *
 * @param amount - Dollars.
 * @returns For example `1234.50`.
 */
export function dollars(amount: Decimal): string {
  return amount.toFixed(2)
}
