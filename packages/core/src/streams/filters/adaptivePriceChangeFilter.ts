import { type MonoTypeOperatorFunction, Observable } from 'rxjs'
import { z } from 'zod'
import { parseConfig } from '../../config/parseConfig.js'
import type { Quote } from '../../marketData/types.js'

/** Options of {@link adaptivePriceChangeFilter}. */
export const adaptivePriceChangeFilterOptionsSchema = z.object({
  /** Threshold in EWMA standard deviations of tick-to-tick changes. @default 2 */
  k: z.number().positive().default(2),
  /** Half-life of the EWMA, in ticks of the instrument. @default 20 */
  halfLifeTicks: z.number().positive().default(20),
  /** Smallest threshold: one price tick. @default 0.01 */
  tickSize: z.number().positive().default(0.01),
})
/** Input of {@link adaptivePriceChangeFilter}. */
export type AdaptivePriceChangeFilterOptions = z.input<typeof adaptivePriceChangeFilterOptionsSchema>

/** How to read a value: its key (per-instrument state) and the price to watch. */
export interface PriceAccessors<T> {
  /** Key of the instrument. */
  key(value: T): string
  /** Price to watch, for example the mid. Values whose price is not finite pass through untouched. */
  price(value: T): number
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
}

interface PriceState {
  lastPrice: number
  emittedPrice: number
  variance: number
}

/**
 * Passes a value only when its price moved at least an adaptive threshold since the last value passed for the same
 * key: `threshold = max(k × σ, tickSize)` where σ² is the EWMA of squared tick-to-tick changes of that key. Quiet
 * instruments therefore report one-tick moves and busy ones only moves that stand out from their recent noise. The
 * first value of each key always passes. σ is taken before the current change enters it, so a jump is judged
 * against the calm that preceded it.
 *
 * @param accessors - Key and price of a value (see {@link PriceAccessors}).
 * @param options - `k`, `halfLifeTicks`, `tickSize`; see {@link AdaptivePriceChangeFilterOptions}.
 * @returns The operator.
 * @throws {ConfigError} When an option is invalid.
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
  const { k, halfLifeTicks, tickSize } = parseConfig(
    adaptivePriceChangeFilterOptionsSchema,
    options,
    'adaptive price change filter options',
  )
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
          if (state === undefined) {
            states.set(key, { lastPrice: price, emittedPrice: price, variance: 0 })
            subscriber.next(value)
            return
          }
          const threshold = Math.max(k * Math.sqrt(state.variance), tickSize)
          const change = price - state.lastPrice
          state.variance += alpha * (change * change - state.variance)
          state.lastPrice = price
          if (Math.abs(price - state.emittedPrice) + epsilon >= threshold) {
            state.emittedPrice = price
            subscriber.next(value)
          }
        },
        error: (error: unknown) => subscriber.error(error),
        complete: () => subscriber.complete(),
      })
    })
}
