import type { Decimal } from 'decimal.js'
import type { OrderLeg, Side } from '../trading/types.js'

/**
 * +1 for a bought leg, −1 for a sold one: the sign of its price in a package's net.
 *
 * @param side - Side of the leg.
 * @returns +1 or −1.
 * @example
 * ```ts
 * sideSign('sell') // -1
 * ```
 */
export function sideSign(side: Side): 1 | -1 {
  return side === 'buy' ? 1 : -1
}

/**
 * Whether an order of these legs is a combo (several legs, one net price) rather than a single-leg order.
 *
 * @param legs - Legs of the order.
 * @returns `true` for two legs or more.
 * @example
 * ```ts
 * isCombo(verticalSpread({ long, short }).legs) // true
 * ```
 */
export function isCombo(legs: readonly OrderLeg[]): boolean {
  return legs.length > 1
}

/**
 * Converts an order's price to the signed net of its package: what executing one unit costs, positive paid and
 * negative received. Combos are already quoted this way; a single-leg sell at 1.20 is −1.20. In signed net, a
 * lower price is always less aggressive, whatever the order's sides, so every rounding and matching rule is one
 * comparison.
 *
 * @param legs - Legs of the order.
 * @param price - Limit or stop price in the order's convention.
 * @returns The signed net per unit.
 * @example
 * ```ts
 * toSignedNet([{ instrument, side: 'sell', ratio: 1 }], new Decimal('1.2')).toString() // '-1.2'
 * ```
 */
export function toSignedNet(legs: readonly OrderLeg[], price: Decimal): Decimal {
  const only = legs.length === 1 ? legs[0] : undefined
  return only?.side === 'sell' ? price.negated() : price
}

/**
 * Converts a signed net back to the order's convention (the inverse of {@link toSignedNet}).
 *
 * @param legs - Legs of the order.
 * @param signedNet - Signed net per unit.
 * @returns The price to put on the order.
 * @example
 * ```ts
 * fromSignedNet([{ instrument, side: 'sell', ratio: 1 }], new Decimal('-1.2')).toString() // '1.2'
 * ```
 */
export function fromSignedNet(legs: readonly OrderLeg[], signedNet: Decimal): Decimal {
  return toSignedNet(legs, signedNet)
}

/**
 * The same legs with every side flipped: the order that closes what these legs open.
 *
 * @param legs - Legs to reverse.
 * @returns New legs, same instruments and ratios, opposite sides.
 * @example
 * ```ts
 * reverseLegs(ironCondor(...).legs) // buys back the shorts, sells the wings
 * ```
 */
export function reverseLegs(legs: readonly OrderLeg[]): OrderLeg[] {
  return legs.map((leg) => ({ ...leg, side: leg.side === 'buy' ? 'sell' : 'buy' }))
}
