import { Observable } from 'rxjs'
import type { Clock } from '../clock/clock.js'
import type { PricePoint } from './pricePoint.js'

/** The latest price of each instrument at one sample time, aligned to a fixed instrument order. */
export interface AlignedSample {
  /** Sample time, epoch milliseconds: a multiple of the sampling interval. */
  readonly timestampMs: number
  /** Instrument ids, in the order of `prices`. */
  readonly instrumentIds: readonly string[]
  /** Latest price of each instrument at `timestampMs`; `null` when none was seen or it is older than allowed. */
  readonly prices: readonly (number | null)[]
}

/** Options of {@link alignedSamples}. */
export interface AlignedSamplesOptions {
  /** Instruments to align, in output order. */
  readonly instrumentIds: readonly string[]
  /** Sampling interval; samples fall on multiples of it (epoch-aligned, so minute samples land on :00). */
  readonly intervalMs: number
  /** A price whose event time is more than this before the sample time counts as missing. */
  readonly maxPriceAgeMs: number
}

/**
 * Samples the latest price of each instrument every `intervalMs` on the clock's scheduler, so returns of
 * different instruments are computed over the same instants. Points older than the instrument's latest (by event
 * time) are ignored. Completes when `prices$` completes.
 *
 * @param prices$ - Price points of any instruments (others are ignored).
 * @param options - Instruments, interval and staleness limit.
 * @param clock - Time source; the timer runs on `clock.scheduler`, so virtual clocks and marble tests drive it.
 * @returns One {@link AlignedSample} per interval boundary.
 * @example
 * ```ts
 * const samples$ = alignedSamples(prices$, { instrumentIds: ['SPY', 'QQQ'], intervalMs: 60_000, maxPriceAgeMs: 300_000 }, clock)
 * ```
 */
export function alignedSamples(
  prices$: Observable<PricePoint>,
  options: AlignedSamplesOptions,
  clock: Clock,
): Observable<AlignedSample> {
  const { instrumentIds, intervalMs, maxPriceAgeMs } = options
  return new Observable<AlignedSample>((subscriber) => {
    const slot = new Map(instrumentIds.map((id, i) => [id, i]))
    const latestPrice = new Float64Array(instrumentIds.length).fill(Number.NaN)
    const latestMs = new Float64Array(instrumentIds.length).fill(Number.NEGATIVE_INFINITY)
    let nextSampleMs = (Math.floor(clock.now() / intervalMs) + 1) * intervalMs

    const emit = (): void => {
      const prices = instrumentIds.map((_, i) => {
        const price = latestPrice[i] ?? Number.NaN
        const ageMs = nextSampleMs - (latestMs[i] ?? Number.NEGATIVE_INFINITY)
        return Number.isNaN(price) || ageMs > maxPriceAgeMs ? null : price
      })
      subscriber.next({ timestampMs: nextSampleMs, instrumentIds, prices })
    }

    // Each tick re-aims at the next boundary from the clock's current time, so a late wall-clock timer
    // does not accumulate drift and a virtual clock that jumps emits each boundary it passed.
    const action = clock.scheduler.schedule(
      function tick() {
        while (clock.now() >= nextSampleMs) {
          emit()
          nextSampleMs += intervalMs
        }
        this.schedule(undefined, Math.max(0, nextSampleMs - clock.now()))
      },
      Math.max(0, nextSampleMs - clock.now()),
    )

    const source = prices$.subscribe({
      next: (point) => {
        const i = slot.get(point.instrumentId)
        if (i === undefined || !(point.timestampMs >= (latestMs[i] ?? 0))) return
        if (!Number.isFinite(point.price) || point.price <= 0) return
        latestPrice[i] = point.price
        latestMs[i] = point.timestampMs
      },
      error: (error: unknown) => subscriber.error(error),
      complete: () => subscriber.complete(),
    })
    return () => {
      action.unsubscribe()
      source.unsubscribe()
    }
  })
}
