import { defer, filter, map, type Observable, share } from 'rxjs'
import type { PricePoint } from '../correlation/pricePoint.js'
import { parseRegimeConfig, type RegimeConfigInput } from './regimeConfig.js'
import { createRegimeEngine, type RegimeUpdate } from './regimeEngine.js'
import type { RegimeChange, VolatilityRegime } from './volatilityRegime.js'

/** The outputs of {@link createRegimeStreams}. */
export interface RegimeStreams {
  /** One regime snapshot per VIX observation. */
  readonly regime$: Observable<VolatilityRegime>
  /** Confirmed band changes (after hysteresis); the first observation sets the band without an event. */
  readonly regimeChanges$: Observable<RegimeChange>
}

/**
 * The VIX regime as streams. Input is price points of the VIX family (for example
 * `pricePointsFromFeed(feed, VIX_FAMILY_IDS)`); everything runs on event timestamps, no clock needed.
 *
 * Both streams share one computation, which starts with the first subscriber and restarts empty once every
 * subscriber has left; subscribe to both before values flow to see everything.
 *
 * @param values$ - VIX, VIX9D, VIX3M and VIX6M values; other instruments are ignored.
 * @param input - Config, see `regimeConfigSchema`.
 * @returns `regime$` and `regimeChanges$`.
 * @throws {ConfigError} When the config is invalid (at call time, not on subscription).
 * @example
 * ```ts
 * const { regime$, regimeChanges$ } = createRegimeStreams(pricePointsFromFeed(feed, VIX_FAMILY_IDS))
 * regimeChanges$.subscribe((change) => sizing.setFactor(change.positionSizeFactor))
 * ```
 */
export function createRegimeStreams(values$: Observable<PricePoint>, input: RegimeConfigInput = {}): RegimeStreams {
  const config = parseRegimeConfig(input)
  const updates$ = defer(() => {
    const engine = createRegimeEngine(config)
    return values$.pipe(
      map((point) => engine.update(point)),
      filter((update): update is RegimeUpdate => update !== null),
    )
  }).pipe(share())
  return {
    regime$: updates$.pipe(map((update) => update.regime)),
    regimeChanges$: updates$.pipe(
      map((update) => update.change),
      filter((change): change is RegimeChange => change !== null),
    ),
  }
}
