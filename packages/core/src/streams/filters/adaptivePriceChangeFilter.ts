import { type MonoTypeOperatorFunction, Observable } from 'rxjs'
import { z } from 'zod'
import { parseConfig } from '../../config/parseConfig.js'
import { ConfigError } from '../../errors/configError.js'
import type { Quote } from '../../marketData/types.js'

/** Options of {@link adaptivePriceChangeFilter}. */
export const adaptivePriceChangeFilterOptionsSchema = z.object({
  /** Threshold in EWMA standard deviations of tick-to-tick changes. @default 2 */
  k: z.number().positive().default(2),
  /** Half-life of the EWMA, in ticks of the instrument. @default 20 */
  halfLifeTicks: z.number().positive().default(20),
  /** Smallest threshold: one price tick. @default 0.01 */
  tickSize: z.number().positive().default(0.01),
  /**
   * Let a value through when none has passed for its key for this long (event time, from the accessors' `timeMs`),
   * even if its price did not move: consumers that judge data by age or count (a strategy's staleness gate, a regime
   * window counted in observations) then still see unchanged prices as current. `false`: only moves pass.
   * @default false
   */
  heartbeatMs: z.union([z.number().positive(), z.literal(false)]).default(false),
})
/** Input of {@link adaptivePriceChangeFilter}. */
export type AdaptivePriceChangeFilterOptions = z.input<typeof adaptivePriceChangeFilterOptionsSchema>

/** How to read a value: its key (per-instrument state) and the price to watch. */
export interface PriceAccessors<T> {
  /** Key of the instrument. */
  key(value: T): string
  /** Price to watch, for example the mid. Values whose price is not finite pass through untouched. */
  price(value: T): number
  /** Event time of a value, epoch ms; needed for `heartbeatMs`. */
  timeMs?(value: T): number
}

/**
 * Accessors for quotes: key by instrument, watch the mid (the ask when there is no bid).
 *
 * @example
 * ```ts
 * const moves$ = quotes$.pipe(adaptivePriceChangeFilter(quoteMidAccessors))
 * ```
 */
export const quoteMidAccessors: PriceAccessors<Quote> = {
  key: (quote) => quote.instrumentId,
  price: (quote) => (quote.bid > 0 ? (quote.bid + quote.ask) / 2 : quote.ask),
  timeMs: (quote) => quote.timestampMs,
}

interface PriceState {
  lastPrice: number
  emittedPrice: number
  emittedAtMs: number
  variance: number
}

/**
 * Passes a value only when its price moved at least an adaptive threshold since the last value passed for the same
 * key: `threshold = max(k × σ, tickSize)` where σ² is the EWMA of squared tick-to-tick changes of that key. Quiet
 * instruments therefore report one-tick moves and busy ones only moves that stand out from their recent noise. The
 * first value of each key always passes. σ is taken before the current change enters it, so a jump is judged
 * against the calm that preceded it. With `heartbeatMs`, a value also passes when its key has been silent that long.
 *
 * @param accessors - Key and price of a value (see {@link PriceAccessors}).
 * @param options - `k`, `halfLifeTicks`, `tickSize`, `heartbeatMs`; see {@link AdaptivePriceChangeFilterOptions}.
 * @returns The operator.
 * @throws {ConfigError} When an option is invalid, or `heartbeatMs` is set and the accessors have no `timeMs`.
 * @example
 * ```ts
 * const moves$ = trades$.pipe(
 *   adaptivePriceChangeFilter({ key: (t) => t.instrumentId, price: (t) => t.price }, { k: 2.5, halfLifeTicks: 50 }),
 * )
 * ```
 */
export function adaptivePriceChangeFilter<T>(
  accessors: PriceAccessors<T>,
  options: AdaptivePriceChangeFilterOptions = {},
): MonoTypeOperatorFunction<T> {
  const { k, halfLifeTicks, tickSize, heartbeatMs } = parseConfig(
    adaptivePriceChangeFilterOptionsSchema,
    options,
    'adaptive price change filter options',
  )
  const timeMs = accessors.timeMs?.bind(accessors)
  if (heartbeatMs !== false && timeMs === undefined) {
    throw new ConfigError('adaptive price change filter options', [
      { path: 'heartbeatMs', reason: 'needs accessors with timeMs (the event time of a value)' },
    ])
  }
  // Event time of a value when the heartbeat needs it (NaN otherwise: never due).
  const eventTimeOf = (value: T): number => (heartbeatMs === false || timeMs === undefined ? Number.NaN : timeMs(value))
  const alpha = 1 - 2 ** (-1 / halfLifeTicks)
  // Slack so float noise (0.1 + 0.2 ≠ 0.3) does not hide a move of exactly one threshold.
  const epsilon = tickSize * 1e-6
  return (source) =>
    new Observable<T>((subscriber) => {
      const states = new Map<string, PriceState>()
      return source.subscribe({
        next: (value) => {
          const price = accessors.price(value)
          if (!Number.isFinite(price)) {
            subscriber.next(value)
            return
          }
          const key = accessors.key(value)
          const state = states.get(key)
          const atMs = eventTimeOf(value)
          if (state === undefined) {
            states.set(key, { lastPrice: price, emittedPrice: price, emittedAtMs: atMs, variance: 0 })
            subscriber.next(value)
            return
          }
          const threshold = Math.max(k * Math.sqrt(state.variance), tickSize)
          const change = price - state.lastPrice
          state.variance += alpha * (change * change - state.variance)
          state.lastPrice = price
          const moved = Math.abs(price - state.emittedPrice) + epsilon >= threshold
          // Due once the key has been silent `heartbeatMs` (or no pass had a usable time); never on a non-finite time.
          const due = heartbeatMs !== false && Number.isFinite(atMs) && !(atMs - state.emittedAtMs < heartbeatMs)
          if (moved || due) {
            state.emittedPrice = price
            if (Number.isFinite(atMs)) state.emittedAtMs = atMs
            subscriber.next(value)
          }
        },
        error: (error: unknown) => subscriber.error(error),
        complete: () => subscriber.complete(),
      })
    })
}
