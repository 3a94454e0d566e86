import { Decimal } from 'decimal.js'
import type { OrderLeg } from '../../trading/types.js'

/**
 * Prices for each leg of a package fill whose signed net is `touchNet + delta`, where `touchNet` is the sum of the
 * legs at their touches (`touches`) and `delta ≥ 0` is what the order pays beyond them (slippage, or a resting
 * limit filled at its price). The whole `delta` goes to one leg so that the legs keep clean prices: a bought leg of
 * ratio 1 pays more, else a sold leg of ratio 1 receives less (if it stays positive), else a bought leg whose ratio
 * divides `delta` exactly. The returned prices always satisfy Σ side × ratio × price = touchNet + delta exactly;
 * `undefined` means no leg can take `delta` and the caller must fill at the touches instead (a better price for the
 * order, never a worse one).
 *
 * @param legs - Legs of the order.
 * @param touches - Price each leg trades at (ask for bought legs, bid for sold legs), in leg order.
 * @param delta - Extra signed net per unit, ≥ 0.
 * @returns Per-leg prices, or `undefined`.
 * @example
 * ```ts
 * allocateLegPrices(legs, [new Decimal('2.1'), new Decimal('0.9')], new Decimal('0.02')) // [2.12, 0.9]
 * ```
 */
export function allocateLegPrices(
  legs: readonly OrderLeg[],
  touches: readonly Decimal[],
  delta: Decimal,
): Decimal[] | undefined {
  if (delta.isZero()) return [...touches]
  if (delta.lt(0)) return undefined
  const withDelta = (index: number, price: Decimal) => touches.map((touch, i) => (i === index ? price : touch))
  const buyUnit = legs.findIndex((leg) => leg.side === 'buy' && leg.ratio === 1)
  const buyTouch = touches[buyUnit]
  if (buyUnit >= 0 && buyTouch) return withDelta(buyUnit, buyTouch.plus(delta))
  for (const [index, leg] of legs.entries()) {
    const touch = touches[index]
    if (leg.side === 'sell' && leg.ratio === 1 && touch?.minus(delta).gt(0)) return withDelta(index, touch.minus(delta))
  }
  for (const [index, leg] of legs.entries()) {
    const touch = touches[index]
    if (leg.side !== 'buy' || !touch) continue
    const perUnit = delta.dividedBy(leg.ratio)
    if (perUnit.times(leg.ratio).eq(delta)) return withDelta(index, touch.plus(perUnit))
  }
  return undefined
}

/**
 * The signed net of leg prices: Σ side × ratio × price.
 *
 * @param legs - Legs of the order.
 * @param prices - Price per leg, in leg order.
 * @returns The signed net per unit.
 * @example
 * ```ts
 * netOfLegPrices(verticalLegs, [new Decimal('2.1'), new Decimal('0.9')]).toString() // '1.2'
 * ```
 */
export function netOfLegPrices(legs: readonly OrderLeg[], prices: readonly Decimal[]): Decimal {
  return legs.reduce((sum, leg, index) => {
    const price = prices[index] ?? new Decimal(Number.NaN)
    return leg.side === 'buy' ? sum.plus(price.times(leg.ratio)) : sum.minus(price.times(leg.ratio))
  }, new Decimal(0))
}
