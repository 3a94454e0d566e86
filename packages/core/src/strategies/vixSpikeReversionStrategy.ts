import { z } from 'zod'
import { parseConfig } from '../config/parseConfig.js'
import { verticalSpread } from '../orders/optionStructures.js'
import { VolatilityBand } from '../regime/volatilityBand.js'
import type { VolatilityRegime } from '../regime/volatilityRegime.js'
import { legAtDistance, legsOf, nearestByDelta } from './internal/chainLegs.js'
import { saturate } from './internal/confidence.js'
import {
  deltaField,
  durationMsField,
  fractionField,
  minutesField,
  strategyIdField,
  strikeWidthField,
  underlyingField,
} from './internal/optionFields.js'
import { fmt, toSignal } from './internal/signals.js'
import { tradableChain } from './internal/tradableChain.js'
import { SignalDirection, type Strategy, type StrategyContext, type TradingSignal } from './strategy.js'

const BANDS = [VolatilityBand.Low, VolatilityBand.Normal, VolatilityBand.High, VolatilityBand.Extreme] as const

/** Fall of the VIX, in vol points per hour, at which the slope part of the confidence reaches 1 − 1/e. */
const SLOPE_SCALE_PER_HOUR = 2

/**
 * Options of {@link createVixSpikeReversionStrategy}. Defaults are this SDK's starting points, not tuned edges.
 *
 * @example
 * ```ts
 * const options = vixSpikeReversionOptionsSchema.parse({ minPercentile: 95, shortDelta: 0.25 })
 * ```
 */
export const vixSpikeReversionOptionsSchema = z
  .object({
    /** Strategy id used for attribution. @default 'vix-spike-reversion' */
    id: strategyIdField('vix-spike-reversion'),
    /** The equity index ETF traded. @default 'SPY' */
    underlying: underlyingField().default('SPY'),
    /** Spike: the VIX at or above this percentile of the regime's rolling window (0–100). @default 90 */
    minPercentile: z.number().min(0).max(100).default(90),
    /** The percentile counts only once its window holds this many observations. @default 60 */
    minPercentileObservations: z.number().int().min(1).default(60),
    /**
     * No entry while the VIX trend slope (vol points per hour) is above this: the spike must have stopped
     * building. An unknown slope (window not yet full) also blocks. @default 0
     */
    maxSlopePerHour: z.number().default(0),
    /**
     * VIX bands in which the rebound is traded. Low is excluded (a top-percentile reading there is a small wiggle,
     * not a spike) and so is extreme (a crisis, where mean reversion is least dependable). @default ['normal', 'high']
     */
    allowedBands: z.array(z.enum(BANDS)).min(1).default([VolatilityBand.Normal, VolatilityBand.High]),
    /**
     * Require the very front of the curve to have normalised: VIX9D at or below the VIX (no entry while VIX9D /
     * VIX is inverted, or when VIX9D is unavailable). @default true
     */
    requireFrontNormalised: z.boolean().default(true),
    /** Regimes older than this at the decision are ignored. @default 120000 */
    maxRegimeAgeMs: durationMsField(120_000),
    /** |delta| of the short put. @default 0.3 */
    shortDelta: deltaField(0.3),
    /** Largest accepted miss between the short put's |delta| and `shortDelta`. @default 0.1 */
    deltaTolerance: z.number().min(0).max(0.5).default(0.1),
    /** Distance of the long put below the short put, strike points (nearest listed strike). @default 2 */
    spreadWidth: strikeWidthField(2),
    /** Smallest credit at mid prices, as a fraction of the width. @default 0.15 */
    minCreditToWidth: fractionField(0.15),
    /** No entry with fewer minutes than this before the expiration instant. @default 60 */
    minMinutesToExpiry: minutesField(60),
    /** Snapshots and quotes older than this are stale. @default 60000 */
    maxQuoteAgeMs: durationMsField(60_000),
    /** Largest (ask − bid) / mid of a leg. @default 1 */
    maxSpreadFraction: z.number().positive().default(1),
  })
  .strict()

/** Options of the VIX spike reversion strategy as users write them. */
export type VixSpikeReversionOptionsInput = z.input<typeof vixSpikeReversionOptionsSchema>
/** Options with every default applied. */
export type VixSpikeReversionOptions = z.output<typeof vixSpikeReversionOptionsSchema>

/** The VIX slope when the regime shows a spike that stopped rising, else `undefined`. */
function turnedSlope(regime: VolatilityRegime, nowMs: number, o: VixSpikeReversionOptions): number | undefined {
  if (!(nowMs - regime.timestampMs <= o.maxRegimeAgeMs)) return undefined
  if (!o.allowedBands.includes(regime.band)) return undefined
  if (regime.percentileObservations < o.minPercentileObservations || regime.percentile < o.minPercentile) {
    return undefined
  }
  const slope = regime.slopePerHour
  if (slope === null || !(slope <= o.maxSlopePerHour)) return undefined
  const front = regime.termStructure.vix9dVix
  return !o.requireFrontNormalised || (front !== null && !front.inverted) ? slope : undefined
}

/**
 * VIX spike mean reversion: when the VIX stands in the top of its rolling window (percentile ≥ `minPercentile`)
 * but has stopped rising (slope ≤ `maxSlopePerHour`) and the front of its curve has normalised (VIX9D back at or
 * below VIX), expect equities to rebound as volatility mean-reverts and sell a bull put credit spread on the
 * underlying (SPY by default): short put near `shortDelta`, long put `spreadWidth` below.
 *
 * Why a credit put spread rather than a debit call spread: right after a spike implied volatility is rich, so
 * selling premium is paid for it; the trade wins if the index rebounds *or* merely stops falling, and the fall of
 * implied volatility as the spike unwinds works for it. A debit call spread needs an actual rally within the day.
 * Both have risk capped by the width. No entry while the VIX is still rising (the spike still building), while
 * the strategy holds a position, too close to expiry, or without live two-sided quotes.
 *
 * @param options - Validated by {@link vixSpikeReversionOptionsSchema}; every field has a default.
 * @returns The strategy.
 * @throws {ConfigError} When an option is invalid.
 * @example
 * ```ts
 * const reversion = createVixSpikeReversionStrategy({ minPercentile: 95 })
 * const signals = reversion.evaluate(context)
 * ```
 */
export function createVixSpikeReversionStrategy(options: VixSpikeReversionOptionsInput = {}): Strategy {
  const o = parseConfig(vixSpikeReversionOptionsSchema, options, 'VIX spike reversion strategy options')
  return {
    id: o.id,
    description: 'Bull put credit spread on SPY once a VIX spike stops rising',
    evaluate(context: StrategyContext): readonly TradingSignal[] {
      const regime = context.regime
      if (context.strategiesInPosition.has(o.id) || !regime) return []
      const slope = turnedSlope(regime, context.nowMs, o)
      if (slope === undefined) return []
      const t = tradableChain(context, o.underlying, o)
      if (!t) return []
      const puts = legsOf(t.chain, 'put', t.filter).filter((leg) => leg.contract.strike < t.spot)
      const short = nearestByDelta(puts, o.shortDelta, o.deltaTolerance)
      const long = short && legAtDistance(puts, short, o.spreadWidth, -1)
      if (!short || !long) return []
      const width = short.contract.strike - long.contract.strike
      const credit = short.mid - long.mid
      if (!(credit >= o.minCreditToWidth * width) || !(credit < width)) return []
      const excess = (regime.percentile - o.minPercentile) / Math.max(100 - o.minPercentile, 1)
      const front = regime.termStructure.vix9dVix
      return [
        toSignal(o.id, context.nowMs, {
          underlying: o.underlying,
          direction: SignalDirection.Bullish,
          structure: verticalSpread({ long: long.contract, short: short.contract }),
          // 0.5 at the thresholds; a more extreme percentile and a faster VIX decline add conviction.
          confidence: 0.5 + 0.25 * excess + 0.25 * saturate(o.maxSlopePerHour - slope, SLOPE_SCALE_PER_HOUR),
          reason:
            `VIX ${fmt(regime.vix)} at percentile ${fmt(regime.percentile)} stopped rising ` +
            `(slope ${fmt(slope)} pts/h${front ? `, VIX9D/VIX ${fmt(front.ratio)}` : ''}); ` +
            `bull put ${short.contract.strike}/${long.contract.strike} for ${fmt(credit)} credit at mid ` +
            `(width ${fmt(width)})`,
        }),
      ]
    },
  }
}
