import type { Decimal } from 'decimal.js'

// Decimals are immutable, so one conversion per object serves every later call; weakly held, so they go with it.
const numbers = new WeakMap<Decimal, number>()

/**
 * `decimal.toNumber()`, converted once per Decimal object: for hot paths that compare the same order or entry
 * price with market numbers on every quote.
 *
 * @param decimal - The value.
 * @returns The nearest number.
 * @example
 * ```ts
 * decimalNumber(order.limitPrice) // 1.35
 * ```
 */
export function decimalNumber(decimal: Decimal): number {
  let value = numbers.get(decimal)
  if (value === undefined) {
    value = decimal.toNumber()
    numbers.set(decimal, value)
  }
  return value
}
