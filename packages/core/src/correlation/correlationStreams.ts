import { defer, map, mergeMap, type Observable, share } from 'rxjs'
import type { Clock } from '../clock/clock.js'
import { alignedSamples } from './alignedSamples.js'
import { type CorrelationConfigInput, parseCorrelationConfig } from './correlationConfig.js'
import { createCorrelationEngine } from './correlationEngine.js'
import type { CorrelationEvent } from './correlationEvent.js'
import type { CorrelationSnapshot } from './correlationSnapshot.js'
import type { PricePoint } from './pricePoint.js'

/** The outputs of {@link createCorrelationStreams}. */
export interface CorrelationStreams {
  /** One snapshot per sample interval: every pairwise correlation matrix and divergence z-score. */
  readonly correlation$: Observable<CorrelationSnapshot>
  /** Breakdown and divergence events as they happen. */
  readonly correlationEvents$: Observable<CorrelationEvent>
}

/**
 * Rolling correlations of the configured instruments: prices are sampled on the clock every `intervalMs`
 * (latest price of each instrument at each boundary), turned into log returns and correlated pairwise over
 * each window.
 *
 * Both streams share one computation, which starts with the first subscriber and restarts empty once every
 * subscriber has left; subscribe to both before prices flow to see everything.
 *
 * @param prices$ - Price points (for example `pricePointsFromFeed(feed, ['SPY', 'QQQ', 'IWM'], { source: 'mid' })`).
 * @param clock - Time source of the sampler.
 * @param input - Config, see `correlationConfigSchema`.
 * @returns `correlation$` and `correlationEvents$`.
 * @throws {ConfigError} When the config is invalid (at call time, not on subscription).
 * @example
 * ```ts
 * const { correlation$, correlationEvents$ } = createCorrelationStreams(prices$, wallClock(), { windows: [20, 60] })
 * correlationEvents$.subscribe((event) => journal.note(event))
 * ```
 */
export function createCorrelationStreams(
  prices$: Observable<PricePoint>,
  clock: Clock,
  input: CorrelationConfigInput = {},
): CorrelationStreams {
  const config = parseCorrelationConfig(input)
  const updates$ = defer(() => {
    const engine = createCorrelationEngine(config)
    return alignedSamples(prices$, config, clock).pipe(map((sample) => engine.update(sample)))
  }).pipe(share())
  return {
    correlation$: updates$.pipe(map((update) => update.snapshot)),
    correlationEvents$: updates$.pipe(mergeMap((update) => update.events)),
  }
}
