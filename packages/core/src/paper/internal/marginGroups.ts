import { Decimal } from 'decimal.js'
import type { OptionContract } from '../../instruments/instrument.js'
import { intrinsicValueAt } from '../../orders/payoffBounds.js'
import type { OrderLeg, Position } from '../../trading/types.js'
import type { MarginRules, PriceLookup } from '../marginRequirement.js'
import { underlyingIdOf } from '../underlyingIdOf.js'

/**
 * Option positions of one root, expiry and multiplier, with everything about their margin that does not depend on
 * the underlying's price: the payoff where it bends (zero and every strike) is fixed by the positions alone.
 */
export interface MarginGroup {
  /** The positions as package legs (long → buy, short → sell, quantity → ratio). */
  readonly legs: readonly OrderLeg[]
  /** Contract multiplier of the group. */
  readonly multiplier: number
  /** Canonical id of the underlying's quote. */
  readonly underlyingId: string
  /** Strike of every leg, in leg order. */
  readonly strikes: readonly Decimal[]
  /** `Decimal.max` of the strikes. */
  readonly highestStrike: Decimal
  /** Intrinsic value at zero, then at every strike (leg order). */
  readonly fixedValues: readonly Decimal[]
  /** Contracts sold beyond the longs of the same right. */
  readonly nakedShortContracts: number
}

function nakedContracts(legs: readonly OrderLeg[]): number {
  const net = { call: 0, put: 0 }
  for (const leg of legs) {
    if (leg.instrument.kind === 'option') net[leg.instrument.right] += leg.side === 'buy' ? leg.ratio : -leg.ratio
  }
  return Math.max(-net.call, 0) + Math.max(-net.put, 0)
}

/**
 * Groups option positions by root, expiry and multiplier (in order of first appearance) and evaluates the fixed
 * part of each group's payoff.
 *
 * @param positions - Positions; non-options are skipped.
 * @returns The groups.
 * @throws {InvalidOrderError} When a group mixes underlyings.
 * @example
 * ```ts
 * for (const group of marginGroups(positions)) console.log(group.underlyingId, group.fixedValues.length)
 * ```
 */
export function marginGroups(positions: readonly Position[]): MarginGroup[] {
  const byKey = new Map<string, { legs: OrderLeg[]; multiplier: number; underlyingId: string }>()
  for (const position of positions) {
    const instrument = position.instrument
    if (instrument.kind !== 'option') continue
    const key = `${instrument.root}|${instrument.expiry}|${instrument.multiplier}`
    const group = byKey.get(key) ?? {
      legs: [],
      multiplier: instrument.multiplier,
      underlyingId: underlyingIdOf(instrument),
    }
    group.legs.push({ instrument, side: position.side === 'long' ? 'buy' : 'sell', ratio: position.quantity })
    byKey.set(key, group)
  }
  return [...byKey.values()].map((group) => {
    const strikes = group.legs.map((leg) => new Decimal((leg.instrument as OptionContract).strike))
    const fixedValues = [new Decimal(0), ...strikes].map((point) => intrinsicValueAt(group.legs, point))
    const highestStrike = Decimal.max(...strikes)
    return { ...group, strikes, highestStrike, fixedValues, nakedShortContracts: nakedContracts(group.legs) }
  })
}

/**
 * The price from which net short calls are stressed: the highest strike, or the underlying's price when above it.
 *
 * @param group - The group.
 * @param spot - The underlying's price, when known.
 * @returns The price before the stress fraction is applied.
 * @example
 * ```ts
 * stressBase(group, markOf(group.underlyingId)).times(1.2)
 * ```
 */
export function stressBase(group: MarginGroup, spot: Decimal | undefined): Decimal {
  // Same as Decimal.max(...strikes, spot ?? 0): the maximum is taken over the strikes once, when grouping.
  return Decimal.max(group.highestStrike, spot ?? 0)
}

/**
 * What one group ties up: its worst value at expiry (over zero, the strikes and the stressed price), as a
 * positive dollar amount, or zero when it never owes.
 *
 * @param group - The group.
 * @param base - {@link stressBase} of the group.
 * @param rules - The stress fraction.
 * @returns Dollars, ≥ 0.
 * @example
 * ```ts
 * const dollars = groupRequirement(group, stressBase(group, spot), rules)
 * ```
 */
export function groupRequirement(group: MarginGroup, base: Decimal, rules: MarginRules): Decimal {
  const stressed = intrinsicValueAt(group.legs, base.times(1 + rules.nakedCallStressFraction))
  const worst = Decimal.min(...group.fixedValues, stressed)
  return Decimal.max(worst.negated(), 0).times(group.multiplier)
}

/**
 * Adds the short stock requirement of the positions to an amount.
 *
 * @param requirement - The options' requirement.
 * @param positions - The positions; only short equities count.
 * @param priceOf - Current prices; a stock without one is valued at its average price.
 * @param rules - The short stock multiple.
 * @returns The total.
 * @example
 * ```ts
 * const total = withShortStock(optionsRequirement, positions, markOf, rules)
 * ```
 */
export function withShortStock(
  requirement: Decimal,
  positions: readonly Position[],
  priceOf: PriceLookup,
  rules: MarginRules,
): Decimal {
  let total = requirement
  for (const position of positions) {
    if (position.instrument.kind !== 'equity' || position.side !== 'short') continue
    const price = priceOf(position.instrumentId) ?? position.averagePrice
    total = total.plus(price.times(position.quantity).times(rules.shortStockRequirement))
  }
  return total
}
