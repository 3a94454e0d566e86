import { instrumentId } from '../instruments/instrumentId.js'
import type { OrderLeg } from '../trading/types.js'

// An order's legs are one immutable array for the order's whole life, and hot paths (marking open trades every
// second, matching working orders on every quote) look their legs up again and again: their canonical ids (OCC
// symbols, formatted from the contract) are worked out once per array. Weakly held, so they go with the order.
const idsByLegs = new WeakMap<readonly OrderLeg[], readonly string[]>()

/**
 * Canonical instrument ids of an order's legs, in leg order.
 *
 * @param legs - The legs (treated as immutable, as every order's legs are).
 * @returns One id per leg.
 * @example
 * ```ts
 * legIds(order.legs).map((id) => marketView.mark(id))
 * ```
 */
export function legIds(legs: readonly OrderLeg[]): readonly string[] {
  let ids = idsByLegs.get(legs)
  if (ids === undefined) {
    ids = legs.map((leg) => instrumentId(leg.instrument))
    idsByLegs.set(legs, ids)
  }
  return ids
}
