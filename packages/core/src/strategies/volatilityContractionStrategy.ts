import { z } from 'zod'
import { parseConfig } from '../config/parseConfig.js'
import { ironCondor } from '../orders/optionStructures.js'
import { VolatilityBand } from '../regime/volatilityBand.js'
import type { VolatilityRegime } from '../regime/volatilityRegime.js'
import { legAtDistance, legsOf, nearestByDelta } from './internal/chainLegs.js'
import { clamp01 } from './internal/confidence.js'
import {
  deltaField,
  durationMsField,
  fractionField,
  minutesField,
  strategyIdField,
  strikeWidthField,
  underlyingsField,
} from './internal/optionFields.js'
import { logReturns, sampleStdDev } from './internal/priceSeries.js'
import { fmt, type SignalDraft, strongest, toSignal } from './internal/signals.js'
import { type TradableChain, tradableChain } from './internal/tradableChain.js'
import { SignalDirection, type Strategy, type StrategyContext } from './strategy.js'

const BANDS = [VolatilityBand.Low, VolatilityBand.Normal, VolatilityBand.High, VolatilityBand.Extreme] as const

/**
 * Options of {@link createVolatilityContractionStrategy}. Defaults are this SDK's starting points, not tuned edges.
 *
 * @example
 * ```ts
 * const options = volatilityContractionOptionsSchema.parse({ shortDelta: 0.2, wingWidth: 3 })
 * ```
 */
export const volatilityContractionOptionsSchema = z
  .object({
    /** Strategy id used for attribution. @default 'volatility-contraction' */
    id: strategyIdField('volatility-contraction'),
    /** Underlyings watched; ties between equally strong signals go to the earlier one. @default ['SPY', 'QQQ', 'IWM'] */
    underlyings: underlyingsField(['SPY', 'QQQ', 'IWM']),
    /** Returns in the recent window whose realised volatility is tested. @default 20 */
    recentSamples: z.number().int().min(2).default(20),
    /** Returns in the baseline window just before it. @default 60 */
    baselineSamples: z.number().int().min(2).default(60),
    /** Contraction: recent realised volatility at most this fraction of the baseline's. @default 0.7 */
    maxVolatilityRatio: z.number().gt(0).lt(1).default(0.7),
    /** VIX bands in which premium may be sold. @default ['low', 'normal'] */
    allowedBands: z.array(z.enum(BANDS)).min(1).default([VolatilityBand.Low, VolatilityBand.Normal]),
    /** Require VIX / VIX3M in contango (no entry when flat, inverted or VIX3M unavailable). @default true */
    requireContango: z.boolean().default(true),
    /** Regimes older than this at the decision are ignored. @default 120000 */
    maxRegimeAgeMs: durationMsField(120_000),
    /** |delta| of the two short strikes. @default 0.16 */
    shortDelta: deltaField(0.16),
    /** Largest accepted miss between a short strike’s |delta| and `shortDelta`. @default 0.1 */
    deltaTolerance: z.number().min(0).max(0.5).default(0.1),
    /** Distance of each wing beyond its short strike, strike points (nearest listed strike). @default 2 */
    wingWidth: strikeWidthField(2),
    /** Smallest credit at mid prices, as a fraction of the wider wing. @default 0.1 */
    minCreditToWidth: fractionField(0.1),
    /** No entry with fewer minutes than this before the expiration instant. @default 60 */
    minMinutesToExpiry: minutesField(60),
    /** Snapshots and quotes older than this are stale. @default 60000 */
    maxQuoteAgeMs: durationMsField(60_000),
    /** Largest (ask − bid) / mid of a leg. @default 1 */
    maxSpreadFraction: z.number().positive().default(1),
  })
  .strict()

/** Options of the volatility contraction strategy as users write them. */
export type VolatilityContractionOptionsInput = z.input<typeof volatilityContractionOptionsSchema>
/** Options with every default applied. */
export type VolatilityContractionOptions = z.output<typeof volatilityContractionOptionsSchema>

function contractionRatio(history: readonly number[], o: VolatilityContractionOptions): number | undefined {
  const needed = o.recentSamples + o.baselineSamples + 1
  if (history.length < needed) return undefined
  const returns = logReturns(history.slice(history.length - needed))
  if (!returns) return undefined
  const baseline = sampleStdDev(returns.slice(0, o.baselineSamples))
  const recent = sampleStdDev(returns.slice(o.baselineSamples))
  if (baseline === undefined || recent === undefined || !(baseline > 0)) return undefined
  return recent / baseline
}

function regimeAllows(regime: VolatilityRegime | undefined, nowMs: number, o: VolatilityContractionOptions): boolean {
  if (!regime || !(nowMs - regime.timestampMs <= o.maxRegimeAgeMs)) return false
  if (!o.allowedBands.includes(regime.band)) return false
  return !o.requireContango || regime.termStructure.shape === 'contango'
}

function draftFor(
  t: TradableChain,
  ratio: number,
  regime: VolatilityRegime,
  o: VolatilityContractionOptions,
): SignalDraft | undefined {
  const puts = legsOf(t.chain, 'put', t.filter).filter((leg) => leg.contract.strike < t.spot)
  const calls = legsOf(t.chain, 'call', t.filter).filter((leg) => leg.contract.strike > t.spot)
  const putBody = nearestByDelta(puts, o.shortDelta, o.deltaTolerance)
  const callBody = nearestByDelta(calls, o.shortDelta, o.deltaTolerance)
  const putWing = putBody && legAtDistance(puts, putBody, o.wingWidth, -1)
  const callWing = callBody && legAtDistance(calls, callBody, o.wingWidth, 1)
  if (!putBody || !callBody || !putWing || !callWing) return undefined
  const width = Math.max(
    putBody.contract.strike - putWing.contract.strike,
    callWing.contract.strike - callBody.contract.strike,
  )
  const credit = putBody.mid + callBody.mid - putWing.mid - callWing.mid
  if (!(credit >= o.minCreditToWidth * width) || !(credit < width)) return undefined
  const contraction = (o.maxVolatilityRatio - ratio) / o.maxVolatilityRatio
  const contango = regime.termStructure.vixVix3m ? clamp01((1 - regime.termStructure.vixVix3m.ratio) / 0.2) : 0
  const strikes = [putWing, putBody, callBody, callWing].map((leg) => leg.contract.strike).join('/')
  return {
    underlying: t.chain.underlying,
    direction: SignalDirection.Neutral,
    structure: ironCondor({
      putWing: putWing.contract,
      putBody: putBody.contract,
      callBody: callBody.contract,
      callWing: callWing.contract,
      side: 'sell',
    }),
    // 0.5 at the thresholds; deeper contraction and a steeper contango add conviction.
    confidence: 0.5 + 0.3 * clamp01(contraction) + 0.2 * contango,
    reason:
      `${t.chain.underlying} realised volatility contracted to ${fmt(ratio)}× its baseline with VIX ` +
      `${fmt(regime.vix)} in the ${regime.band} band, term structure ${regime.termStructure.shape ?? 'unknown'}; ` +
      `short iron condor ${strikes} for ${fmt(credit)} credit at mid (widest wing ${fmt(width)})`,
  }
}

/**
 * Volatility contraction: when an underlying's recent realised volatility has shrunk to at most
 * `maxVolatilityRatio` of the preceding baseline, the VIX is in an allowed band (low or normal by default) and
 * its term structure is in contango, sell a defined-risk iron condor: short put and call near `shortDelta`, long
 * wings `wingWidth` further out, only when the credit is worth the width. Naked short options are never built.
 * No entry while the strategy holds a position, too close to expiry, or without live two-sided quotes.
 *
 * @param options - Validated by {@link volatilityContractionOptionsSchema}; every field has a default.
 * @returns The strategy.
 * @throws {ConfigError} When an option is invalid.
 * @example
 * ```ts
 * const condor = createVolatilityContractionStrategy({ underlyings: ['SPY'], shortDelta: 0.18 })
 * const signals = condor.evaluate(context)
 * ```
 */
export function createVolatilityContractionStrategy(options: VolatilityContractionOptionsInput = {}): Strategy {
  const o = parseConfig(volatilityContractionOptionsSchema, options, 'volatility contraction strategy options')
  return {
    id: o.id,
    description: 'Short iron condor when realised volatility contracts in a calm, contango VIX regime',
    evaluate(context: StrategyContext) {
      const regime = context.regime
      if (context.strategiesInPosition.has(o.id) || !regime || !regimeAllows(regime, context.nowMs, o)) return []
      const best = strongest(
        o.underlyings.map((underlying) => {
          const tradable = tradableChain(context, underlying, o)
          const history = context.priceHistory.get(underlying)
          const ratio = history && contractionRatio(history, o)
          if (!tradable || ratio === undefined || !(ratio <= o.maxVolatilityRatio)) return undefined
          return draftFor(tradable, ratio, regime, o)
        }),
      )
      return best ? [toSignal(o.id, context.nowMs, best)] : []
    },
  }
}
