import { z } from 'zod'
import { parseConfig } from '../config/parseConfig.js'
import type { OptionRight } from '../instruments/instrument.js'
import { verticalSpread } from '../orders/optionStructures.js'
import { legAtDistance, legsOf, nearestByDelta } from './internal/chainLegs.js'
import { saturate } from './internal/confidence.js'
import {
  deltaField,
  durationMsField,
  fractionField,
  minutesField,
  strategyIdField,
  strikeWidthField,
  underlyingsField,
} from './internal/optionFields.js'
import { logReturns, rangeOf, sampleStdDev } from './internal/priceSeries.js'
import { fmt, type SignalDraft, strongest, toSignal } from './internal/signals.js'
import { type TradableChain, tradableChain } from './internal/tradableChain.js'
import { SignalDirection, type Strategy, type StrategyContext } from './strategy.js'

/**
 * Options of {@link createMomentumBreakoutStrategy}. Defaults are this SDK's starting points, not tuned edges.
 *
 * @example
 * ```ts
 * const options = momentumBreakoutOptionsSchema.parse({ rangeSamples: 20, minMomentumZ: 2.5 })
 * ```
 */
export const momentumBreakoutOptionsSchema = z
  .object({
    /** Strategy id used for attribution. @default 'momentum-breakout' */
    id: strategyIdField('momentum-breakout'),
    /** Underlyings watched; ties between equally strong signals go to the earlier one. @default ['SPY', 'QQQ', 'IWM'] */
    underlyings: underlyingsField(['SPY', 'QQQ', 'IWM']),
    /** Price-history samples forming the range the latest sample must break (the latest excluded). @default 30 */
    rangeSamples: z.number().int().min(3).default(30),
    /** Samples the momentum is measured over (latest vs this many samples before). @default 5 */
    momentumSamples: z.number().int().min(1).default(5),
    /**
     * Momentum threshold as a z-score: the log move over `momentumSamples` divided by the range's per-sample
     * realised volatility × √momentumSamples. @default 2
     */
    minMomentumZ: z.number().positive().default(2),
    /** The latest sample must clear the range high (low) by this fraction of it. @default 0 */
    minBreakoutFraction: z.number().min(0).max(0.05).default(0),
    /** |delta| of the long leg (0.5 ≈ at the money). @default 0.5 */
    longDelta: deltaField(0.5),
    /** Largest accepted miss between the long leg's |delta| and `longDelta`. @default 0.1 */
    deltaTolerance: z.number().min(0).max(0.5).default(0.1),
    /** Distance of the short leg from the long leg, strike points (nearest listed strike). @default 2 */
    spreadWidth: strikeWidthField(2),
    /** Largest debit at mid prices, as a fraction of the spread's width (reward must exceed risk). @default 0.6 */
    maxDebitToWidth: fractionField(0.6),
    /** No entry with fewer minutes than this before the expiration instant. @default 60 */
    minMinutesToExpiry: minutesField(60),
    /** Snapshots and quotes older than this are stale. @default 60000 */
    maxQuoteAgeMs: durationMsField(60_000),
    /** Largest (ask − bid) / mid of a leg. @default 1 */
    maxSpreadFraction: z.number().positive().default(1),
  })
  .strict()
  .refine((o) => o.momentumSamples <= o.rangeSamples, {
    message: 'momentumSamples must not exceed rangeSamples',
    path: ['momentumSamples'],
  })

/** Options of the momentum breakout strategy as users write them. */
export type MomentumBreakoutOptionsInput = z.input<typeof momentumBreakoutOptionsSchema>
/** Options with every default applied. */
export type MomentumBreakoutOptions = z.output<typeof momentumBreakoutOptionsSchema>

interface Breakout {
  readonly bullish: boolean
  readonly z: number
  readonly level: number
  readonly latest: number
}

function breakoutOf(history: readonly number[], spot: number, o: MomentumBreakoutOptions): Breakout | undefined {
  if (history.length < o.rangeSamples + 1) return undefined
  const latest = history[history.length - 1]
  const before = history[history.length - 1 - o.momentumSamples]
  const prior = history.slice(history.length - 1 - o.rangeSamples, history.length - 1)
  const returns = logReturns(prior)
  const range = rangeOf(prior)
  const sigma = returns && sampleStdDev(returns)
  if (latest === undefined || before === undefined || !range || sigma === undefined || !(sigma > 0)) return undefined
  if (!(latest > 0) || !(before > 0)) return undefined
  const z = Math.log(latest / before) / (sigma * Math.sqrt(o.momentumSamples))
  const up = range.high * (1 + o.minBreakoutFraction)
  const down = range.low * (1 - o.minBreakoutFraction)
  if (latest > up && spot > range.high && z >= o.minMomentumZ) return { bullish: true, z, level: range.high, latest }
  if (latest < down && spot < range.low && z <= -o.minMomentumZ) return { bullish: false, z, level: range.low, latest }
  return undefined
}

function draftFor(t: TradableChain, b: Breakout, o: MomentumBreakoutOptions): SignalDraft | undefined {
  const right: OptionRight = b.bullish ? 'call' : 'put'
  const legs = legsOf(t.chain, right, t.filter)
  const long = nearestByDelta(legs, o.longDelta, o.deltaTolerance)
  const short = long && legAtDistance(legs, long, o.spreadWidth, b.bullish ? 1 : -1)
  if (!long || !short) return undefined
  const width = Math.abs(short.contract.strike - long.contract.strike)
  const debit = long.mid - short.mid
  if (!(debit > 0) || debit > o.maxDebitToWidth * width) return undefined
  const name = b.bullish ? 'bull call' : 'bear put'
  const edge = b.bullish ? 'above the range high' : 'below the range low'
  return {
    underlying: t.chain.underlying,
    direction: b.bullish ? SignalDirection.Bullish : SignalDirection.Bearish,
    structure: verticalSpread({ long: long.contract, short: short.contract }),
    // 0.5 at the threshold, rising towards 1 as the move's z-score exceeds it.
    confidence: 0.5 + 0.5 * saturate(Math.abs(b.z) - o.minMomentumZ, o.minMomentumZ),
    reason:
      `${t.chain.underlying} ${fmt(b.latest)} broke ${edge} ${fmt(b.level)} of the last ${o.rangeSamples} samples ` +
      `with momentum z ${fmt(b.z)}; ${name} ${long.contract.strike}/${short.contract.strike} ` +
      `for ${fmt(debit)} debit at mid (width ${fmt(width)})`,
  }
}

/**
 * Momentum breakout: when the latest sampled price breaks out of the range of the previous `rangeSamples`
 * samples with a momentum z-score of at least `minMomentumZ` (and the live spot is still beyond the range), buy a
 * debit vertical in the direction of the move: a bull call spread on an upside break, a bear put spread on a
 * downside break. The long leg is chosen by delta (about at the money), the short leg `spreadWidth` further out.
 * No entry while the strategy holds a position, too close to expiry, or without live two-sided quotes. Of several
 * underlyings breaking out at once it signals the strongest only.
 *
 * @param options - Validated by {@link momentumBreakoutOptionsSchema}; every field has a default.
 * @returns The strategy.
 * @throws {ConfigError} When an option is invalid.
 * @example
 * ```ts
 * const momentum = createMomentumBreakoutStrategy({ underlyings: ['SPY'], spreadWidth: 3 })
 * const signals = momentum.evaluate(context)
 * ```
 */
export function createMomentumBreakoutStrategy(options: MomentumBreakoutOptionsInput = {}): Strategy {
  const o = parseConfig(momentumBreakoutOptionsSchema, options, 'momentum breakout strategy options')
  return {
    id: o.id,
    description: 'Debit vertical in the direction of a range breakout with momentum',
    evaluate(context: StrategyContext) {
      if (context.strategiesInPosition.has(o.id)) return []
      const best = strongest(
        o.underlyings.map((underlying) => {
          const tradable = tradableChain(context, underlying, o)
          const history = context.priceHistory.get(underlying)
          const breakout = tradable && history && breakoutOf(history, tradable.spot, o)
          return tradable && breakout && draftFor(tradable, breakout, o)
        }),
      )
      return best ? [toSignal(o.id, context.nowMs, best)] : []
    },
  }
}
