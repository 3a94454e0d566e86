import { Decimal } from 'decimal.js'
import { maxGainPerUnit, maxLossPerUnit, UNBOUNDED } from '../orders/payoffBounds.js'
import { fromSignedNet } from '../orders/signedNetPrice.js'
import type { OrderLeg } from '../trading/types.js'
import { instrumentMultiplier } from './internal/legMath.js'

/** The maximum loss of one unit of an order held to expiry, or why it has none. */
export type MaxLossResult =
  | {
      readonly kind: 'defined'
      /** Dollars lost per order unit in the worst case, premium included, at least 0. */
      readonly maxLossPerUnit: Decimal
      /** Dollars gained per order unit in the best case, or `null` when unbounded or not computed. */
      readonly maxGainPerUnit: Decimal | null
    }
  | {
      readonly kind: 'undefined'
      /** Why no bound exists or can be computed. */
      readonly reason: string
    }

function oneOptionSeries(legs: readonly OrderLeg[]): boolean {
  const first = legs[0]?.instrument
  if (first?.kind !== 'option') return false
  return legs.every(
    ({ instrument }) =>
      instrument.kind === 'option' &&
      instrument.underlying === first.underlying &&
      instrument.expiry === first.expiry &&
      instrument.multiplier === first.multiplier,
  )
}

/**
 * Maximum loss of one unit of an order held to expiry, the risk engine's view of "defined risk".
 *
 * - Options of one underlying, expiry and multiplier: from the expiry payoff (`maxLossPerUnit` of the orders
 *   module): evaluated at zero and every strike, unbounded when more calls are sold than bought.
 * - Orders that only buy (options of several expiries, shares): the premium paid, since owning can never lose
 *   more than its price.
 * - Anything else (a short leg in a calendar, shares mixed with options, short shares) is undefined risk,
 *   reported rather than guessed.
 *
 * @param legs - The order's legs.
 * @param signedNetPerUnit - Net price per unit per share, debit positive and credit negative (a single-leg
 *   sell at 1.20 is −1.20; see `toSignedNet`).
 * @returns The defined maximum loss per unit in dollars, or why it is undefined.
 * @example
 * ```ts
 * // 5-wide put credit spread sold for 1.20: max loss (5 − 1.20) × 100 = 380 per spread
 * const result = orderMaxLoss(
 *   [
 *     { instrument: optionContract({ root: 'SPY', expiry: '2025-06-20', strike: 595, right: 'put' }), side: 'sell', ratio: 1 },
 *     { instrument: optionContract({ root: 'SPY', expiry: '2025-06-20', strike: 590, right: 'put' }), side: 'buy', ratio: 1 },
 *   ],
 *   new Decimal(-1.2),
 * )
 * ```
 */
export function orderMaxLoss(legs: readonly OrderLeg[], signedNetPerUnit: Decimal): MaxLossResult {
  if (legs.length === 0) return { kind: 'undefined', reason: 'order has no legs' }
  if (oneOptionSeries(legs)) {
    const price = fromSignedNet(legs, signedNetPerUnit)
    const loss = maxLossPerUnit(legs, price)
    if (loss === UNBOUNDED) return { kind: 'undefined', reason: 'loss is unbounded as the underlying rises' }
    const gain = maxGainPerUnit(legs, price)
    return { kind: 'defined', maxLossPerUnit: loss, maxGainPerUnit: gain === UNBOUNDED ? null : gain }
  }
  const multipliers = new Set(legs.map((leg) => instrumentMultiplier(leg.instrument)))
  const [multiplier] = [...multipliers]
  if (legs.every((leg) => leg.side === 'buy') && multipliers.size === 1 && multiplier !== undefined) {
    return { kind: 'defined', maxLossPerUnit: Decimal.max(0, signedNetPerUnit.times(multiplier)), maxGainPerUnit: null }
  }
  if (legs.some((leg) => leg.instrument.kind !== 'option')) {
    return { kind: 'undefined', reason: 'short shares or shares mixed with options: loss is not bounded here' }
  }
  return { kind: 'undefined', reason: 'legs with a short side span several underlyings, expiries or multipliers' }
}
