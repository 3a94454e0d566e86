import type { PricePoint } from '../correlation/pricePoint.js'
import { RollingCovariance } from '../correlation/rollingCovariance.js'
import { BandHysteresis } from './bandHysteresis.js'
import { parseRegimeConfig, type RegimeConfigInput } from './regimeConfig.js'
import { RollingRank } from './rollingRank.js'
import { type VixFamilyValues, vixTermStructure } from './termStructure.js'
import { isVixSeries, VixSeries } from './vixSeries.js'
import { VOLATILITY_BANDS, VolatilityBand } from './volatilityBand.js'
import type { RegimeChange, VolatilityRegime } from './volatilityRegime.js'

const HOUR_MS = 3_600_000

/** What one VIX observation produced. */
export interface RegimeUpdate {
  /** The regime after the observation. */
  readonly regime: VolatilityRegime
  /** The band change this observation confirmed, if any. */
  readonly change: RegimeChange | null
}

/** The synchronous core of the VIX regime: feed it VIX family values, read regimes and changes. */
export interface RegimeEngine {
  /**
   * Takes one VIX family value. VIX9D, VIX3M and VIX6M only update the latest values; a VIX value that starts a
   * new sample interval is an observation and yields an update. Values of other instruments, non-positive or
   * non-finite values, and values older than the latest of their series are ignored.
   *
   * @param point - A price point of a VIX family index.
   * @returns The update, or `null` when the value was not a new VIX observation.
   */
  update(point: PricePoint): RegimeUpdate | null
}

interface Latest {
  value: number
  timestampMs: number
}

/**
 * Creates a VIX regime engine: level band with hysteresis and position-size factor, rolling percentile
 * (O(log n) per observation), trend slope per hour, and the term structure of the VIX family. Works on event
 * timestamps only, so it needs no clock.
 *
 * @param input - Config, see `regimeConfigSchema`; omitted fields take their defaults.
 * @returns The engine.
 * @throws {ConfigError} When the config is invalid.
 * @example
 * ```ts
 * const engine = createRegimeEngine({ sampleIntervalMs: 0 })
 * engine.update({ instrumentId: '^VIX3M', price: 17.2, timestampMs: 1_000 })
 * const update = engine.update({ instrumentId: '^VIX', price: 14.8, timestampMs: 1_000 })
 * update?.regime.termStructure.shape // 'contango'
 * ```
 */
export function createRegimeEngine(input: RegimeConfigInput = {}): RegimeEngine {
  const config = parseRegimeConfig(input)
  const { lowBelow, normalBelow, highBelow } = config.bands
  const bands = new BandHysteresis([lowBelow, normalBelow, highBelow], {
    margin: config.hysteresis.marginVolPoints,
    confirmRiseObservations: config.hysteresis.confirmRiseObservations,
    confirmFallObservations: config.hysteresis.confirmFallObservations,
  })
  const percentiles = new RollingRank(config.percentileWindowObservations)
  const trend = new RollingCovariance(config.slopeWindowObservations)
  const latest = new Map<string, Latest>()
  let lastBucket = Number.NEGATIVE_INFINITY
  let originMs: number | null = null

  const bandAt = (index: number): VolatilityBand => VOLATILITY_BANDS[index] ?? VolatilityBand.Extreme
  const sizeOf = (band: VolatilityBand): number => config.positionSizeFactors[band]

  function freshValue(series: VixSeries, atMs: number): number | null {
    const seen = latest.get(series)
    if (seen === undefined || Math.abs(atMs - seen.timestampMs) > config.maxSeriesAgeMs) return null
    return seen.value
  }

  function observe(vix: number, timestampMs: number): RegimeUpdate {
    const state = bands.update(vix)
    percentiles.push(vix)
    originMs ??= timestampMs
    trend.push((timestampMs - originMs) / HOUR_MS, vix)
    const slope = trend.slope(config.slopeWindowObservations)
    const values: VixFamilyValues = {
      vix9d: freshValue(VixSeries.Vix9d, timestampMs),
      vix,
      vix3m: freshValue(VixSeries.Vix3m, timestampMs),
      vix6m: freshValue(VixSeries.Vix6m, timestampMs),
    }
    const band = bandAt(state.band)
    const regime: VolatilityRegime = {
      timestampMs,
      vix,
      band,
      rawBand: bandAt(bands.rawBand(vix)),
      pendingBand: state.pending === null ? null : bandAt(state.pending),
      positionSizeFactor: sizeOf(band),
      percentile: percentiles.percentileOf(vix) ?? 50,
      percentileObservations: percentiles.count,
      slopePerHour: slope.value,
      slopeReason: slope.reason,
      values,
      termStructure: vixTermStructure(values, config.flatTolerance),
    }
    if (state.changedFrom === null) return { regime, change: null }
    const from = bandAt(state.changedFrom)
    const change: RegimeChange = {
      timestampMs,
      from,
      to: band,
      direction: state.band > state.changedFrom ? 'rising' : 'falling',
      vix,
      previousPositionSizeFactor: sizeOf(from),
      positionSizeFactor: sizeOf(band),
    }
    return { regime, change }
  }

  function update(point: PricePoint): RegimeUpdate | null {
    const { instrumentId, price, timestampMs } = point
    if (!(price > 0) || !Number.isFinite(price) || !Number.isFinite(timestampMs)) return null
    if (!isVixSeries(instrumentId)) return null
    const previous = latest.get(instrumentId)
    if (previous !== undefined && timestampMs < previous.timestampMs) return null
    latest.set(instrumentId, { value: price, timestampMs })
    if (instrumentId !== VixSeries.Vix) return null
    if (config.sampleIntervalMs > 0) {
      const bucket = Math.floor(timestampMs / config.sampleIntervalMs)
      if (bucket <= lastBucket) return null
      lastBucket = bucket
    }
    return observe(price, timestampMs)
  }

  return { update }
}
