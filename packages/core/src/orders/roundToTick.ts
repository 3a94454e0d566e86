import type { Decimal } from 'decimal.js'

/** Which way to round a price onto its tick grid. */
export const RoundDirection = { Down: 'down', Up: 'up' } as const
/** One of {@link RoundDirection}. */
export type RoundDirection = (typeof RoundDirection)[keyof typeof RoundDirection]

/**
 * Rounds a price to a multiple of `tick`, toward −∞ (`down`) or +∞ (`up`). Works for negative prices (combo
 * credits): rounding a signed net `down` always makes it less aggressive.
 *
 * @param price - The price.
 * @param tick - The increment, positive.
 * @param direction - `down` (floor) or `up` (ceiling).
 * @returns A multiple of `tick`.
 * @throws {RangeError} When `tick` is not positive.
 * @example
 * ```ts
 * roundToTick(new Decimal('1.237'), new Decimal('0.05'), 'down').toString() // '1.2'
 * roundToTick(new Decimal('-1.237'), new Decimal('0.05'), 'down').toString() // '-1.25'
 * ```
 */
export function roundToTick(price: Decimal, tick: Decimal, direction: RoundDirection): Decimal {
  if (!tick.isFinite() || tick.lte(0)) throw new RangeError(`tick must be positive, got ${tick.toString()}`)
  const steps = price.dividedBy(tick)
  const whole = direction === RoundDirection.Down ? steps.floor() : steps.ceil()
  return whole.times(tick)
}

/**
 * Whether a price is an exact multiple of `tick`.
 *
 * @param price - The price.
 * @param tick - The increment, positive.
 * @returns `true` when on the grid.
 * @example
 * ```ts
 * isOnTick(new Decimal('3.15'), new Decimal('0.1')) // false
 * ```
 */
export function isOnTick(price: Decimal, tick: Decimal): boolean {
  return tick.gt(0) && price.modulo(tick).isZero()
}
