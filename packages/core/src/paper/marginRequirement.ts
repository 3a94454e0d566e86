import { Decimal } from 'decimal.js'
import { isIndexUnderlying, type OptionContract } from '../instruments/instrument.js'
import { intrinsicValueAt } from '../orders/payoffBounds.js'
import type { OrderLeg, Position } from '../trading/types.js'

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

interface OptionGroup {
  legs: OrderLeg[]
  multiplier: number
  underlyingId: string
}

function groupOptions(positions: readonly Position[]): Map<string, OptionGroup> {
  const groups = new Map<string, OptionGroup>()
  for (const position of positions) {
    const instrument = position.instrument
    if (instrument.kind !== 'option') continue
    const key = `${instrument.root}|${instrument.expiry}|${instrument.multiplier}`
    const group = groups.get(key) ?? {
      legs: [],
      multiplier: instrument.multiplier,
      underlyingId: underlyingIdOf(instrument),
    }
    group.legs.push({ instrument, side: position.side === 'long' ? 'buy' : 'sell', ratio: position.quantity })
    groups.set(key, group)
  }
  return groups
}

/**
 * The canonical id of an option's underlying quote: `^SPX` for index options, the ticker for ETF options.
 *
 * @param contract - An option contract.
 * @returns The id to look its underlying up by.
 * @example
 * ```ts
 * underlyingIdOf(parseOccSymbol('SPXW  251121C05800000')) // '^SPX'
 * ```
 */
export function underlyingIdOf(contract: OptionContract): string {
  return isIndexUnderlying(contract.underlying) ? `^${contract.underlying}` : contract.underlying
}

function nakedContracts(legs: readonly OrderLeg[]): number {
  const net = { call: 0, put: 0 }
  for (const leg of legs) {
    if (leg.instrument.kind === 'option') net[leg.instrument.right] += leg.side === 'buy' ? leg.ratio : -leg.ratio
  }
  return Math.max(-net.call, 0) + Math.max(-net.put, 0)
}

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
  for (const group of groupOptions(positions).values()) {
    const strikes = group.legs.map((leg) => new Decimal((leg.instrument as OptionContract).strike))
    const spot = priceOf(group.underlyingId)
    const top = Decimal.max(...strikes, spot ?? 0)
    const points = [new Decimal(0), ...strikes, top.times(1 + rules.nakedCallStressFraction)]
    const worst = Decimal.min(...points.map((point) => intrinsicValueAt(group.legs, point)))
    requirement = requirement.plus(Decimal.max(worst.negated(), 0).times(group.multiplier))
    nakedShortContracts += nakedContracts(group.legs)
  }
  for (const position of positions) {
    if (position.instrument.kind !== 'equity' || position.side !== 'short') continue
    const price = priceOf(position.instrumentId) ?? position.averagePrice
    requirement = requirement.plus(price.times(position.quantity).times(rules.shortStockRequirement))
  }
  return { requirement, nakedShortContracts }
}
