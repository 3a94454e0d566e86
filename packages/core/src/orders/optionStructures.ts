import type { OptionContract } from '../instruments/instrument.js'
import type { OrderLeg, Side } from '../trading/types.js'
import { checkSeries, leg, oppositeSide } from './internal/structureLegs.js'
import { InvalidOrderError } from './orderErrors.js'

/** The structures the SDK builds as one order. */
export const StructureKind = {
  Single: 'single',
  Vertical: 'vertical',
  Straddle: 'straddle',
  Strangle: 'strangle',
  IronCondor: 'iron_condor',
  IronButterfly: 'iron_butterfly',
  Butterfly: 'butterfly',
} as const
/** One of {@link StructureKind}. */
export type StructureKind = (typeof StructureKind)[keyof typeof StructureKind]

/**
 * A validated set of legs traded as one order (a single leg, or a combo with one net price). `direction` is
 * whether opening it pays (`debit`) or receives (`credit`) premium at fair prices; `definedRisk` is true when no
 * leg is a naked short (for each right, sold units never exceed bought units), so its loss is capped by the
 * structure itself. Max loss and gain come from `maxLossPerUnit` / `maxGainPerUnit` with the order's price.
 */
export interface OptionStructure {
  /** Which structure. */
  readonly kind: StructureKind
  /** Legs in ascending strike order, ratios reduced. */
  readonly legs: readonly OrderLeg[]
  /** Underlying symbol. */
  readonly underlying: string
  /** Expiry `YYYY-MM-DD` shared by every leg. */
  readonly expiry: string
  /** Contract multiplier shared by every leg. */
  readonly multiplier: number
  /** `debit` when opening pays premium, `credit` when it receives it. */
  readonly direction: 'debit' | 'credit'
  /** No naked short leg. */
  readonly definedRisk: boolean
}

function build(kind: StructureKind, legs: OrderLeg[], direction: 'debit' | 'credit'): OptionStructure {
  const first = legs[0]?.instrument
  if (first?.kind !== 'option') throw new InvalidOrderError([`${kind} needs option legs`])
  return Object.freeze({
    kind,
    legs: Object.freeze(legs),
    underlying: first.underlying,
    expiry: first.expiry,
    multiplier: first.multiplier,
    direction,
    definedRisk: isDefinedRisk(legs),
  })
}

/**
 * Whether no leg is a naked short: for calls and for puts separately, units sold never exceed units bought.
 *
 * @param legs - Option legs.
 * @returns `true` when every short is covered by a long of the same right.
 * @example
 * ```ts
 * isDefinedRisk(straddle({ call, put, side: 'sell' }).legs) // false
 * ```
 */
export function isDefinedRisk(legs: readonly OrderLeg[]): boolean {
  const net = { call: 0, put: 0 }
  for (const { instrument, side, ratio } of legs) {
    if (instrument.kind !== 'option') return false
    net[instrument.right] += side === 'buy' ? ratio : -ratio
  }
  return net.call >= 0 && net.put >= 0
}

/**
 * One option bought or sold.
 *
 * @param contract - The option.
 * @param side - Buy or sell.
 * @returns The structure.
 * @example
 * ```ts
 * singleOption(call500, 'buy')
 * ```
 */
export function singleOption(contract: OptionContract, side: Side): OptionStructure {
  checkSeries('single option', [[contract, undefined]])
  return build(StructureKind.Single, [leg(contract, side)], side === 'buy' ? 'debit' : 'credit')
}

/**
 * A vertical spread: one option bought and one sold, same right and expiry, different strikes. A call vertical
 * long the lower strike (bull call) or a put vertical long the higher strike (bear put) is a debit spread; the
 * other way round a credit spread.
 *
 * @param input - `long` (bought) and `short` (sold) contract.
 * @returns The structure.
 * @throws {InvalidOrderError} When rights, expiries or roots differ, or the strikes are equal.
 * @example
 * ```ts
 * const bullPut = verticalSpread({ long: put495, short: put500 }) // credit put spread
 * ```
 */
export function verticalSpread(input: { long: OptionContract; short: OptionContract }): OptionStructure {
  const { long, short } = input
  const [low, high] = long.strike < short.strike ? [long, short] : [short, long]
  checkSeries('vertical', [
    [low, long.right],
    [high, long.right],
  ])
  const debit = long.right === 'call' ? long.strike < short.strike : long.strike > short.strike
  const legs = [leg(low, low === long ? 'buy' : 'sell'), leg(high, high === long ? 'buy' : 'sell')]
  return build(StructureKind.Vertical, legs, debit ? 'debit' : 'credit')
}

/**
 * A straddle: a call and a put of the same strike, both bought (`buy`, debit) or both sold (`sell`, credit).
 *
 * @param input - The call, the put and the side.
 * @returns The structure.
 * @throws {InvalidOrderError} When strikes or series differ.
 * @example
 * ```ts
 * straddle({ call: call500, put: put500, side: 'buy' })
 * ```
 */
export function straddle(input: { call: OptionContract; put: OptionContract; side: Side }): OptionStructure {
  checkSeries(
    'straddle',
    [
      [input.put, 'put'],
      [input.call, 'call'],
    ],
    { equalStrikes: [[0, 1]] },
  )
  const legs = [leg(input.put, input.side), leg(input.call, input.side)]
  return build(StructureKind.Straddle, legs, input.side === 'buy' ? 'debit' : 'credit')
}

/**
 * A strangle: an out-of-the-money put below an out-of-the-money call, both bought or both sold.
 *
 * @param input - The put (lower strike), the call (higher strike) and the side.
 * @returns The structure.
 * @throws {InvalidOrderError} When the put strike is not below the call strike or series differ.
 * @example
 * ```ts
 * strangle({ put: put495, call: call505, side: 'sell' })
 * ```
 */
export function strangle(input: { put: OptionContract; call: OptionContract; side: Side }): OptionStructure {
  checkSeries('strangle', [
    [input.put, 'put'],
    [input.call, 'call'],
  ])
  const legs = [leg(input.put, input.side), leg(input.call, input.side)]
  return build(StructureKind.Strangle, legs, input.side === 'buy' ? 'debit' : 'credit')
}

/** Strikes of an iron condor or iron butterfly, lowest first. */
export interface IronInput {
  /** Lowest strike, a put: the put wing. */
  readonly putWing: OptionContract
  /** The put sold by a short condor. */
  readonly putBody: OptionContract
  /** The call sold by a short condor. */
  readonly callBody: OptionContract
  /** Highest strike, a call: the call wing. */
  readonly callWing: OptionContract
  /** `sell` (short: sell the bodies, buy the wings, credit) or `buy` (the reverse, debit). */
  readonly side: Side
}

function iron(kind: StructureKind, input: IronInput, bodiesEqual: boolean): OptionStructure {
  checkSeries(
    kind === StructureKind.IronCondor ? 'iron condor' : 'iron butterfly',
    [
      [input.putWing, 'put'],
      [input.putBody, 'put'],
      [input.callBody, 'call'],
      [input.callWing, 'call'],
    ],
    bodiesEqual ? { equalStrikes: [[1, 2]] } : {},
  )
  const wings = oppositeSide(input.side)
  const legs = [
    leg(input.putWing, wings),
    leg(input.putBody, input.side),
    leg(input.callBody, input.side),
    leg(input.callWing, wings),
  ]
  return build(kind, legs, input.side === 'sell' ? 'credit' : 'debit')
}

/**
 * An iron condor: put wing < put body < call body < call wing. `side: 'sell'` is the usual short condor (credit,
 * max loss = widest wing − credit).
 *
 * @param input - Four contracts and the side.
 * @returns The structure.
 * @throws {InvalidOrderError} When strikes do not strictly increase, rights or series are wrong.
 * @example
 * ```ts
 * ironCondor({ putWing: p490, putBody: p495, callBody: c505, callWing: c510, side: 'sell' })
 * ```
 */
export function ironCondor(input: IronInput): OptionStructure {
  return iron(StructureKind.IronCondor, input, false)
}

/**
 * An iron butterfly: put body and call body share the strike, with a put wing below and a call wing above.
 *
 * @param input - Four contracts and the side.
 * @returns The structure.
 * @throws {InvalidOrderError} When the bodies' strikes differ, wings are not outside, rights or series are wrong.
 * @example
 * ```ts
 * ironButterfly({ putWing: p495, putBody: p500, callBody: c500, callWing: c505, side: 'sell' })
 * ```
 */
export function ironButterfly(input: IronInput): OptionStructure {
  return iron(StructureKind.IronButterfly, input, true)
}

/**
 * A butterfly of one right: lower and upper wings against twice the middle strike (ratios 1:2:1). `side: 'buy'`
 * buys the wings and sells the body (debit). Wings need not be equally wide (a broken-wing butterfly); max loss
 * then comes from the payoff, see `maxLossPerUnit`.
 *
 * @param input - Three contracts of one right, lowest first, and the side.
 * @returns The structure.
 * @throws {InvalidOrderError} When strikes do not strictly increase, rights differ or series differ.
 * @example
 * ```ts
 * butterfly({ lower: c495, middle: c500, upper: c505, side: 'buy' })
 * ```
 */
export function butterfly(input: {
  lower: OptionContract
  middle: OptionContract
  upper: OptionContract
  side: Side
}): OptionStructure {
  const right = input.lower.right
  checkSeries('butterfly', [
    [input.lower, right],
    [input.middle, right],
    [input.upper, right],
  ])
  const body = oppositeSide(input.side)
  const legs = [leg(input.lower, input.side), leg(input.middle, body, 2), leg(input.upper, input.side)]
  return build(StructureKind.Butterfly, legs, input.side === 'buy' ? 'debit' : 'credit')
}
