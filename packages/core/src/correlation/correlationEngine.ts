import type { AlignedSample } from './alignedSamples.js'
import { BreakdownDetector } from './breakdownDetector.js'
import { type CorrelationConfigInput, parseCorrelationConfig } from './correlationConfig.js'
import { type CorrelationEvent, CorrelationEventKind } from './correlationEvent.js'
import type { CorrelationSnapshot, CorrelationWindow, PairCorrelation, PairDivergence } from './correlationSnapshot.js'
import { DivergenceDetector } from './divergenceDetector.js'
import { RollingCovariance } from './rollingCovariance.js'

/** What one sample produced: the new snapshot and the events it triggered (often none). */
export interface CorrelationUpdate {
  /** State after the sample. */
  readonly snapshot: CorrelationSnapshot
  /** Breakdown and divergence events, breakdowns first. */
  readonly events: readonly CorrelationEvent[]
}

/** The synchronous core of the correlation analytics: feed it aligned samples, read snapshots and events. */
export interface CorrelationEngine {
  /** Instruments in matrix order. */
  readonly instrumentIds: readonly string[]
  /**
   * Takes the next sample: log returns since the previous sample, then every pairwise window, the breakdown
   * hysteresis and the divergence z-scores. O(pairs × windows) per sample, independent of window length.
   *
   * @param sample - Prices at the sample time; instruments missing from it count as missing prices.
   * @returns The snapshot and events.
   */
  update(sample: AlignedSample): CorrelationUpdate
}

interface PairState {
  readonly i: number
  readonly j: number
  readonly windows: readonly RollingCovariance[]
  readonly breakdowns: readonly (BreakdownDetector | undefined)[]
  readonly divergence: DivergenceDetector
}

/**
 * Creates a correlation engine: rolling Pearson correlations of log returns of every instrument pair over
 * several windows, breakdown events with hysteresis and return-spread divergence events.
 *
 * @param input - Config, see `correlationConfigSchema`; omitted fields take their defaults.
 * @returns The engine.
 * @throws {ConfigError} When the config is invalid.
 * @example
 * ```ts
 * const engine = createCorrelationEngine({ instrumentIds: ['SPY', 'QQQ'], windows: [20] })
 * const { snapshot, events } = engine.update({ timestampMs: 60_000, instrumentIds: ['SPY', 'QQQ'], prices: [510, 440] })
 * ```
 */
export function createCorrelationEngine(input: CorrelationConfigInput = {}): CorrelationEngine {
  const config = parseCorrelationConfig(input)
  const ids = config.instrumentIds
  const windows = [...config.windows].sort((a, b) => a - b)
  const watched = new Set(config.breakdown.windows ?? windows)
  const { threshold, recoveryMargin } = config.breakdown
  const recompute =
    config.recomputeEveryUpdates === undefined ? {} : { recomputeEveryUpdates: config.recomputeEveryUpdates }
  const minFor = (windowLength: number) => Math.max(2, Math.ceil(config.minFillRatio * windowLength))

  const pairs: PairState[] = []
  for (let i = 0; i < ids.length; i++) {
    for (let j = i + 1; j < ids.length; j++) {
      pairs.push({
        i,
        j,
        windows: windows.map((w) => new RollingCovariance(w, recompute)),
        breakdowns: windows.map((w) => (watched.has(w) ? new BreakdownDetector(threshold, recoveryMargin) : undefined)),
        divergence: new DivergenceDetector({
          ...config.divergence,
          ...recompute,
          minObservations: minFor(config.divergence.windowObservations),
        }),
      })
    }
  }
  const previous: (number | null)[] = ids.map(() => null)

  function logReturns(sample: AlignedSample): (number | null)[] {
    return ids.map((id, k) => {
      const slot = sample.instrumentIds.indexOf(id)
      const price = slot < 0 ? null : (sample.prices[slot] ?? null)
      const before = previous[k] ?? null
      previous[k] = price
      return price === null || before === null ? null : Math.log(price / before)
    })
  }

  function update(sample: AlignedSample): CorrelationUpdate {
    const returns = logReturns(sample)
    const events: CorrelationEvent[] = []
    const divergenceEvents: CorrelationEvent[] = []
    const divergences: PairDivergence[] = []
    const pairRows: PairCorrelation[][] = windows.map(() => [])
    const t = sample.timestampMs

    for (const pair of pairs) {
      const a = ids[pair.i] ?? ''
      const b = ids[pair.j] ?? ''
      const ra = returns[pair.i] ?? null
      const rb = returns[pair.j] ?? null
      const spread = ra === null || rb === null ? null : ra - rb
      windows.forEach((windowLength, w) => {
        const stats = pair.windows[w]
        if (stats === undefined) return
        if (ra !== null && rb !== null) stats.push(ra, rb)
        const r = stats.correlation(minFor(windowLength))
        const detector = pair.breakdowns[w]
        const transition = detector?.update(r.value)
        if (transition && r.value !== null) {
          const kind =
            transition === 'started' ? CorrelationEventKind.BreakdownStarted : CorrelationEventKind.BreakdownEnded
          events.push({ kind, timestampMs: t, a, b, windowObservations: windowLength, correlation: r.value, threshold })
        }
        pairRows[w]?.push({
          a,
          b,
          correlation: r.value,
          reason: r.reason,
          observations: stats.count,
          inBreakdown: detector?.inBreakdown ?? false,
        })
      })
      if (spread === null) {
        divergences.push({ a, b, spread, zScore: null, reason: 'insufficient_data' })
        continue
      }
      const reading = pair.divergence.update(spread)
      divergences.push({ a, b, spread, zScore: reading.zScore.value, reason: reading.zScore.reason })
      if (reading.fired && reading.zScore.value !== null) {
        divergenceEvents.push({
          kind: CorrelationEventKind.Divergence,
          timestampMs: t,
          a,
          b,
          spread,
          mean: reading.mean,
          std: reading.std,
          zScore: reading.zScore.value,
          windowObservations: config.divergence.windowObservations,
          threshold: config.divergence.zThreshold,
        })
      }
    }
    const windowSnapshots = windows.map((windowLength, w) => toWindow(windowLength, pairRows[w] ?? [], ids))
    return {
      snapshot: { timestampMs: t, instrumentIds: ids, returns, windows: windowSnapshots, divergences },
      events: [...events, ...divergenceEvents],
    }
  }

  return { instrumentIds: ids, update }
}

function toWindow(windowObservations: number, pairs: PairCorrelation[], ids: readonly string[]): CorrelationWindow {
  const matrix: (number | null)[][] = ids.map((_, i) => ids.map((__, j) => (i === j ? 1 : null)))
  for (const pair of pairs) {
    const i = ids.indexOf(pair.a)
    const j = ids.indexOf(pair.b)
    const rowI = matrix[i]
    const rowJ = matrix[j]
    if (rowI) rowI[j] = pair.correlation
    if (rowJ) rowJ[i] = pair.correlation
  }
  return { windowObservations, pairs, matrix }
}
