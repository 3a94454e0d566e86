import { z } from 'zod'
import { parseConfig } from '../config/parseConfig.js'
import type { OptionRight } from '../instruments/instrument.js'
import { butterfly } from '../orders/optionStructures.js'
import { legAtStrike, legsOf, sameSeries } from './internal/chainLegs.js'
import { clamp01, saturate } from './internal/confidence.js'
import {
  durationMsField,
  fractionField,
  minutesField,
  strategyIdField,
  strikeWidthField,
  underlyingsField,
} from './internal/optionFields.js'
import { fmt, type SignalDraft, strongest, toSignal } from './internal/signals.js'
import { type TradableChain, tradableChain } from './internal/tradableChain.js'
import type { UsableLeg } from './internal/usableLeg.js'
import { SignalDirection, type Strategy, type StrategyContext } from './strategy.js'

/**
 * Options of {@link createPinRiskStrategy}. Defaults are this SDK's starting points, not tuned edges.
 *
 * @example
 * ```ts
 * const options = pinRiskOptionsSchema.parse({ entryWindowMinutes: 60, wingWidth: 1 })
 * ```
 */
export const pinRiskOptionsSchema = z
  .object({
    /** Strategy id used for attribution. @default 'pin-risk' */
    id: strategyIdField('pin-risk'),
    /** Underlyings watched; ties between equally strong signals go to the earlier one. @default ['SPY', 'QQQ', 'IWM'] */
    underlyings: underlyingsField(['SPY', 'QQQ', 'IWM']),
    /** Entries only within this many minutes before the expiration instant. @default 90 */
    entryWindowMinutes: minutesField(90),
    /**
     * No entry with fewer minutes than this before the expiration instant (the default exit rules close 15 minutes
     * before it). @default 30
     */
    minMinutesToExpiry: minutesField(30),
    /** Strikes within this fraction of spot are searched for the open-interest peak. @default 0.005 */
    searchDistanceFraction: z.number().gt(0).max(0.1).default(0.005),
    /** Spot must be within this fraction of spot from the peak strike. @default 0.0015 */
    maxSpotDistanceFraction: z.number().gt(0).max(0.05).default(0.0015),
    /** The peak strike's open interest (calls + puts) must be at least this. @default 1000 */
    minOpenInterest: z.number().int().min(0).default(1000),
    /** Distance of each wing from the body, strike points (nearest symmetric listed strikes). @default 2 */
    wingWidth: strikeWidthField(2),
    /** Largest debit at mid prices, as a fraction of the wing width (the butterfly's most it can be worth). @default 0.6 */
    maxDebitToWidth: fractionField(0.6),
    /** Snapshots and quotes older than this are stale. @default 60000 */
    maxQuoteAgeMs: durationMsField(60_000),
    /** Largest (ask − bid) / mid of a leg. @default 1 */
    maxSpreadFraction: z.number().positive().default(1),
  })
  .strict()
  .refine((o) => o.minMinutesToExpiry < o.entryWindowMinutes, {
    message: 'minMinutesToExpiry must be below entryWindowMinutes',
    path: ['minMinutesToExpiry'],
  })

/** Options of the pin risk strategy as users write them. */
export type PinRiskOptionsInput = z.input<typeof pinRiskOptionsSchema>
/** Options with every default applied. */
export type PinRiskOptions = z.output<typeof pinRiskOptionsSchema>

interface Pin {
  readonly strike: number
  readonly openInterest: number
  /** Peak open interest over the next highest in the search band (Infinity when alone). */
  readonly dominance: number
}

/** The strike with the highest open interest near spot; `undefined` when any strike there lacks open interest. */
function pinOf(t: TradableChain, o: PinRiskOptions): Pin | undefined {
  const reach = o.searchDistanceFraction * t.spot
  const candidates: { strike: number; openInterest: number }[] = []
  for (const row of t.chain.rows) {
    if (Math.abs(row.strike - t.spot) > reach) continue
    const call = row.call?.quote?.openInterest
    const put = row.put?.quote?.openInterest
    if (call === undefined || put === undefined || !(call >= 0) || !(put >= 0)) return undefined
    candidates.push({ strike: row.strike, openInterest: call + put })
  }
  const ranked = candidates.sort(
    (a, b) =>
      b.openInterest - a.openInterest ||
      Math.abs(a.strike - t.spot) - Math.abs(b.strike - t.spot) ||
      a.strike - b.strike,
  )
  const [peak, next] = ranked
  if (!peak || peak.openInterest < o.minOpenInterest) return undefined
  const dominance = next && next.openInterest > 0 ? peak.openInterest / next.openInterest : Number.POSITIVE_INFINITY
  return { strike: peak.strike, openInterest: peak.openInterest, dominance }
}

interface Fly {
  readonly right: OptionRight
  readonly lower: UsableLeg
  readonly middle: UsableLeg
  readonly upper: UsableLeg
  readonly width: number
  readonly debit: number
  readonly quotedWidth: number
}

/** The symmetric butterfly of one right centred on `strike`, wings nearest `wingWidth` (ties: the narrower). */
function flyOf(t: TradableChain, right: OptionRight, strike: number, o: PinRiskOptions): Fly | undefined {
  const legs = legsOf(t.chain, right, t.filter)
  const middle = legAtStrike(legs, strike)
  if (!middle) return undefined
  const wings: { lower: UsableLeg; upper: UsableLeg; width: number }[] = []
  for (const upper of legs) {
    const width = upper.contract.strike - strike
    if (!(width > 0) || !sameSeries(upper.contract, middle.contract)) continue
    const lower = legAtStrike(legs, strike - width)
    if (lower && sameSeries(lower.contract, middle.contract)) wings.push({ lower, upper, width })
  }
  const [chosen] = wings.sort(
    (a, b) => Math.abs(a.width - o.wingWidth) - Math.abs(b.width - o.wingWidth) || a.width - b.width,
  )
  if (!chosen) return undefined
  const { lower, upper, width } = chosen
  const debit = lower.mid + upper.mid - 2 * middle.mid
  if (!(debit > 0) || debit > o.maxDebitToWidth * width) return undefined
  const quotedWidth = lower.spread + upper.spread + 2 * middle.spread
  return { right, lower, middle, upper, width, debit, quotedWidth }
}

/**
 * Call and put butterflies of one strike have the same payoff: prefer the width nearer `wingWidth`, then the
 * narrower, then the one cheaper to cross (tighter combined quotes, to a millionth), then calls.
 */
function preferred(call: Fly, put: Fly, o: PinRiskOptions): Fly {
  const miss = (fly: Fly) => Math.abs(fly.width - o.wingWidth)
  if (miss(call) !== miss(put)) return miss(put) < miss(call) ? put : call
  if (call.width !== put.width) return put.width < call.width ? put : call
  const cost = (fly: Fly) => Math.round(fly.quotedWidth * 1e6)
  return cost(put) < cost(call) ? put : call
}

function draftFor(t: TradableChain, o: PinRiskOptions): SignalDraft | undefined {
  const pin = pinOf(t, o)
  if (!pin) return undefined
  const distance = Math.abs(t.spot - pin.strike)
  const maxDistance = o.maxSpotDistanceFraction * t.spot
  if (distance > maxDistance) return undefined
  const call = flyOf(t, 'call', pin.strike, o)
  const put = flyOf(t, 'put', pin.strike, o)
  const fly = call && put ? preferred(call, put, o) : (call ?? put)
  if (!fly) return undefined
  const closeness = 1 - distance / maxDistance
  const lateness = 1 - t.minutesToExpiry / o.entryWindowMinutes
  const strikes = `${fly.lower.contract.strike}/${pin.strike}/${fly.upper.contract.strike}`
  return {
    underlying: t.chain.underlying,
    direction: SignalDirection.Neutral,
    structure: butterfly({
      lower: fly.lower.contract,
      middle: fly.middle.contract,
      upper: fly.upper.contract,
      side: 'buy',
    }),
    // 0.5 at the edges; spot closer to the strike, a dominant open-interest peak and less time left add conviction.
    confidence: 0.5 + 0.25 * clamp01(closeness) + 0.15 * saturate(pin.dominance - 1, 1) + 0.1 * clamp01(lateness),
    reason:
      `${t.chain.underlying} ${fmt(t.spot)} within ${fmt(distance)} of strike ${pin.strike}, the open-interest peak ` +
      `nearby (${pin.openInterest} contracts), ${Math.round(t.minutesToExpiry)} min before expiration; ` +
      `long ${fly.right} butterfly ${strikes} for ${fmt(fly.debit)} debit at mid (width ${fmt(fly.width)})`,
  }
}

/**
 * Pin risk: in the last part of expiration day, spot is often drawn to (pinned at) the strike with the most open
 * interest, as hedges of those positions are adjusted. Within `entryWindowMinutes` (but at least
 * `minMinutesToExpiry`) before the expiration instant, when spot is within `maxSpotDistanceFraction` of the
 * open-interest peak near it, buy a symmetric butterfly centred on that strike (calls or puts, whichever is cheaper
 * to cross). Needs open interest on the chain quotes; any missing value near spot blocks the signal. No entry while
 * the strategy holds a position or without live two-sided quotes.
 *
 * @param options - Validated by {@link pinRiskOptionsSchema}; every field has a default.
 * @returns The strategy.
 * @throws {ConfigError} When an option is invalid.
 * @example
 * ```ts
 * const pin = createPinRiskStrategy({ underlyings: ['SPY'], entryWindowMinutes: 60 })
 * const signals = pin.evaluate(context)
 * ```
 */
export function createPinRiskStrategy(options: PinRiskOptionsInput = {}): Strategy {
  const o = parseConfig(pinRiskOptionsSchema, options, 'pin risk strategy options')
  return {
    id: o.id,
    description: 'Long butterfly on the open-interest peak strike near spot late on expiration day',
    evaluate(context: StrategyContext) {
      if (context.strategiesInPosition.has(o.id)) return []
      const best = strongest(
        o.underlyings.map((underlying) => {
          const tradable = tradableChain(context, underlying, o)
          if (!tradable || tradable.minutesToExpiry > o.entryWindowMinutes) return undefined
          return draftFor(tradable, o)
        }),
      )
      return best ? [toSignal(o.id, context.nowMs, best)] : []
    },
  }
}
