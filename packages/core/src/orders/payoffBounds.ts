import { Decimal } from 'decimal.js'
import type { OptionContract } from '../instruments/instrument.js'
import type { OrderLeg } from '../trading/types.js'
import { InvalidOrderError } from './orderErrors.js'
import { sideSign, toSignedNet } from './signedNetPrice.js'

/** Marks a loss or gain with no limit (a net short call's loss, a net long call's gain). */
export const UNBOUNDED = 'unbounded'
/** A money amount, or {@link UNBOUNDED}. Callers must handle both: an unlimited loss is never a number. */
export type MoneyBound = Decimal | typeof UNBOUNDED

/** Range of the package's value at expiry, per share of one unit (before the multiplier and the price paid). */
export interface PayoffBounds {
  /** Lowest intrinsic value over every underlying price, or `unbounded` (net short calls). */
  readonly minIntrinsic: MoneyBound
  /** Highest intrinsic value, or `unbounded` (net long calls). */
  readonly maxIntrinsic: MoneyBound
  /** Contract multiplier shared by the legs. */
  readonly multiplier: number
}

function optionLegs(legs: readonly OrderLeg[]): { contract: OptionContract; leg: OrderLeg }[] {
  const out: { contract: OptionContract; leg: OrderLeg }[] = []
  for (const leg of legs) {
    if (leg.instrument.kind !== 'option') throw new InvalidOrderError(['payoff bounds need option legs only'])
    out.push({ contract: leg.instrument, leg })
  }
  const first = out[0]
  if (!first) throw new InvalidOrderError(['payoff bounds need at least one leg'])
  const mixed = out.some(
    ({ contract }) =>
      contract.underlying !== first.contract.underlying ||
      contract.expiry !== first.contract.expiry ||
      contract.multiplier !== first.contract.multiplier,
  )
  if (mixed) throw new InvalidOrderError(['payoff bounds need legs of one underlying, expiry and multiplier'])
  return out
}

function intrinsicAt(legs: { contract: OptionContract; leg: OrderLeg }[], spot: Decimal): Decimal {
  let total = new Decimal(0)
  for (const { contract, leg } of legs) {
    const strike = new Decimal(contract.strike)
    const value = contract.right === 'call' ? Decimal.max(spot.minus(strike), 0) : Decimal.max(strike.minus(spot), 0)
    total = total.plus(value.times(leg.ratio * sideSign(leg.side)))
  }
  return total
}

/**
 * Value at expiry of one unit of an option package when the underlying settles at `spot`, per share:
 * Σ side × ratio × intrinsic value.
 *
 * @param legs - Option legs of one underlying, expiry and multiplier.
 * @param spot - Settlement price of the underlying.
 * @returns Intrinsic value per share (negative when the package owes).
 * @throws {InvalidOrderError} When a leg is not an option or the legs mix series.
 * @example
 * ```ts
 * intrinsicValueAt(verticalSpread({ long: call500, short: call505 }).legs, new Decimal(503)).toString() // '3'
 * ```
 */
export function intrinsicValueAt(legs: readonly OrderLeg[], spot: Decimal): Decimal {
  return intrinsicAt(optionLegs(legs), spot)
}

/**
 * The lowest and highest value one unit of an option package can have at expiry. The payoff is piecewise linear
 * in the underlying with kinks at the strikes, so it is evaluated at zero and at every strike; beyond the highest
 * strike it grows with the net number of long calls.
 *
 * @param legs - Option legs of one underlying, expiry and multiplier.
 * @returns The bounds per share.
 * @throws {InvalidOrderError} When a leg is not an option or the legs mix series.
 * @example
 * ```ts
 * expiryPayoffBounds(verticalSpread({ long: call500, short: call505 }).legs) // min 0, max 5
 * ```
 */
export function expiryPayoffBounds(legs: readonly OrderLeg[]): PayoffBounds {
  const options = optionLegs(legs)
  const spots = [new Decimal(0), ...options.map(({ contract }) => new Decimal(contract.strike))]
  const values = spots.map((spot) => intrinsicAt(options, spot))
  const callSlope = options.reduce(
    (sum, { contract, leg }) => (contract.right === 'call' ? sum + leg.ratio * sideSign(leg.side) : sum),
    0,
  )
  return {
    minIntrinsic: callSlope < 0 ? UNBOUNDED : Decimal.min(...values),
    maxIntrinsic: callSlope > 0 ? UNBOUNDED : Decimal.max(...values),
    multiplier: options[0]?.contract.multiplier ?? 100,
  }
}

/**
 * The most one unit of an option package can lose if held to expiry, in dollars, after paying `price`:
 * (price − lowest value) × multiplier, never below zero.
 *
 * @param legs - Option legs of one underlying, expiry and multiplier.
 * @param price - Price per unit in the order's convention (instrument price for one leg, signed net for combos).
 * @returns Dollars per unit, or `unbounded`.
 * @throws {InvalidOrderError} When a leg is not an option or the legs mix series.
 * @example
 * ```ts
 * maxLossPerUnit(ironCondor({ ..., side: 'sell' }).legs, new Decimal('-1.5')) // 5-wide condor: 350
 * ```
 */
export function maxLossPerUnit(legs: readonly OrderLeg[], price: Decimal): MoneyBound {
  const bounds = expiryPayoffBounds(legs)
  if (bounds.minIntrinsic === UNBOUNDED) return UNBOUNDED
  const loss = toSignedNet(legs, price).minus(bounds.minIntrinsic).times(bounds.multiplier)
  return Decimal.max(loss, 0)
}

/**
 * The most one unit of an option package can gain if held to expiry, in dollars, after paying `price`:
 * (highest value − price) × multiplier, never below zero.
 *
 * @param legs - Option legs of one underlying, expiry and multiplier.
 * @param price - Price per unit in the order's convention.
 * @returns Dollars per unit, or `unbounded`.
 * @throws {InvalidOrderError} When a leg is not an option or the legs mix series.
 * @example
 * ```ts
 * maxGainPerUnit(verticalSpread({ long: call500, short: call505 }).legs, new Decimal('2')) // 300
 * ```
 */
export function maxGainPerUnit(legs: readonly OrderLeg[], price: Decimal): MoneyBound {
  const bounds = expiryPayoffBounds(legs)
  if (bounds.maxIntrinsic === UNBOUNDED) return UNBOUNDED
  const gain = bounds.maxIntrinsic.minus(toSignedNet(legs, price)).times(bounds.multiplier)
  return Decimal.max(gain, 0)
}
