import { instrumentId } from '../instruments/instrumentId.js'
import { legContracts, sideSign, signedQuantity } from '../risk/internal/legMath.js'
import type { WorkingOrder } from '../risk/riskContext.js'
import type { OrderLeg, Position } from '../trading/types.js'

/** One single-leg order that closes (part of) a position. */
export interface FlattenOrder {
  /** The leg: opposite side of the position. */
  readonly leg: OrderLeg
  /** Units to close. */
  readonly quantity: number
}

/**
 * Orders that close every position, less what working orders already close: for each position, the units not
 * reserved by working orders trading in the reducing direction. Purchases (closing shorts) come first, so no
 * short leg is left naked while its long wing is being sold.
 *
 * @param positions - Current positions.
 * @param working - Working orders.
 * @returns Orders to send, buys first; empty when everything is already being closed.
 * @example
 * ```ts
 * flattenPlan(oms.positions(), workingOrders(oms.orders())) // [{ leg: { side: 'buy', ... }, quantity: 2 }]
 * ```
 */
export function flattenPlan(positions: readonly Position[], working: readonly WorkingOrder[]): FlattenOrder[] {
  const plan: FlattenOrder[] = []
  for (const position of positions) {
    const held = signedQuantity(position)
    if (held === 0) continue
    const side = held > 0 ? 'sell' : 'buy'
    let reserved = 0
    for (const order of working) {
      for (const leg of order.intent.legs) {
        if (instrumentId(leg.instrument) === position.instrumentId && sideSign(leg.side) === sideSign(side)) {
          reserved += legContracts(leg, order.remainingQuantity)
        }
      }
    }
    const quantity = Math.abs(held) - reserved
    if (quantity > 0) plan.push({ leg: { instrument: position.instrument, side, ratio: 1 }, quantity })
  }
  return plan.sort((a, b) => (a.leg.side === b.leg.side ? 0 : a.leg.side === 'buy' ? -1 : 1))
}
