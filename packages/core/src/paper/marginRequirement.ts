import { Decimal } from 'decimal.js'
import type { Position } from '../trading/types.js'
import { groupRequirement, marginGroups, stressBase, withShortStock } from './internal/marginGroups.js'

export { underlyingIdOf } from './underlyingIdOf.js'

/** Settings of {@link marginRequirement}. */
export interface MarginRules {
  /**
   * Rise of the underlying, as a fraction above the highest strike or spot, at which net short calls are valued
   * (they have no finite worst case). 0.2 mirrors Reg-T's 20 % naked-call rule.
   */
  readonly nakedCallStressFraction: number
  /** Short stock requirement as a multiple of its market value (the proceeds cover 1.0 of it). */
  readonly shortStockRequirement: number
}

/** What a set of positions ties up. */
export interface MarginResult {
  /** Dollars that cash must cover beyond what positions already paid, ≥ 0. */
  readonly requirement: Decimal
  /** Option contracts sold beyond the longs of the same root, expiry and right (naked shorts). */
  readonly nakedShortContracts: number
}

/** Current price of an instrument or underlying, by canonical id; `undefined` when unknown. */
export type PriceLookup = (instrumentId: string) => Decimal | undefined

/**
 * A simple Reg-T-like requirement for paper trading. Options are grouped by root, expiry and multiplier; each
 * group must be able to pay its worst value at expiry, found where the payoff bends (zero and every strike) and,
 * for net short calls, at the stress price. Long premium was paid in full, so longs and debit spreads need nothing
 * more; a credit spread needs its width; a naked put needs its strike (cash-secured). Short stock needs
 * `shortStockRequirement` × its value. Long stock needs nothing beyond its purchase.
 *
 * @param positions - Current (or projected) positions.
 * @param priceOf - Current price by canonical id (used for stock value and the naked-call stress price).
 * @param rules - Stress and short-stock settings.
 * @returns The requirement and the naked short count.
 * @example
 * ```ts
 * const { requirement } = marginRequirement(positions, markOf, { nakedCallStressFraction: 0.2, shortStockRequirement: 1.5 })
 * const buyingPower = cash.minus(requirement)
 * ```
 */
export function marginRequirement(
  positions: readonly Position[],
  priceOf: PriceLookup,
  rules: MarginRules,
): MarginResult {
  let requirement = new Decimal(0)
  let nakedShortContracts = 0
  for (const group of marginGroups(positions)) {
    requirement = requirement.plus(groupRequirement(group, stressBase(group, priceOf(group.underlyingId)), rules))
    nakedShortContracts += group.nakedShortContracts
  }
  return { requirement: withShortStock(requirement, positions, priceOf, rules), nakedShortContracts }
}
