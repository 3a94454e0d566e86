import type { Clock } from './clock.js'
import { VirtualScheduler } from './internal/virtualScheduler.js'
import { VirtualClockError } from './virtualClockError.js'

/**
 * A clock whose time moves only when told to. Replay, backtest and tests advance it; every timer scheduled on its
 * `scheduler` (RxJS `timer`, `interval`, `sampleTime`, `debounceTime`, `bufferTime`, `timeout` …) fires in time
 * order as the clock passes its instant, so a trading day runs in seconds.
 */
export interface VirtualClock extends Clock {
  readonly kind: 'virtual'
  /**
   * Moves time forward to `ms`, running every timer due at or before it in time order (timers scheduled while
   * advancing run too when due). An instant at or before `now()` runs only the timers already due: the clock
   * never goes backwards.
   *
   * @param ms - Target instant, epoch milliseconds.
   * @throws {VirtualClockError} When `ms` is not a finite number, or when called from inside a timer.
   */
  advanceTo(ms: number): void
  /**
   * Moves time forward by `ms` milliseconds; see {@link VirtualClock.advanceTo}.
   *
   * @param ms - Milliseconds to advance, ≥ 0.
   */
  advanceBy(ms: number): void
  /** Due instant of the earliest pending timer, or `undefined` when none is pending. */
  nextTimerMs(): number | undefined
  /** Number of timers waiting to fire. */
  pendingTimers(): number
}

/**
 * Creates a {@link VirtualClock} starting at `startMs`.
 *
 * @param startMs - Initial time, epoch milliseconds.
 * @returns A virtual clock; pass it (or its `scheduler`) wherever a `Clock` is taken.
 * @throws {VirtualClockError} When `startMs` is not finite.
 * @example
 * ```ts
 * import { interval } from 'rxjs'
 *
 * const clock = createVirtualClock(Date.UTC(2025, 10, 21, 14, 30))
 * const ticks: number[] = []
 * interval(1_000, clock.scheduler).subscribe((n) => ticks.push(n))
 * clock.advanceBy(3_000) // ticks is [0, 1, 2]
 * ```
 */
export function createVirtualClock(startMs: number): VirtualClock {
  if (!Number.isFinite(startMs)) throw new VirtualClockError(`Virtual clock start must be finite, got ${startMs}`)
  const scheduler = new VirtualScheduler(startMs)

  function advanceTo(ms: number): void {
    if (!Number.isFinite(ms)) throw new VirtualClockError(`Virtual clock target must be finite, got ${ms}`)
    if (scheduler.isRunning) {
      throw new VirtualClockError('Virtual clock advanced from inside one of its own timers', {
        details: 'advance the clock from the driver (replay loop, backtest runner, test), not from a subscriber',
      })
    }
    scheduler.runUntil(ms)
  }

  return {
    kind: 'virtual',
    scheduler,
    now: () => scheduler.now(),
    advanceTo,
    advanceBy(ms: number) {
      if (!(ms >= 0)) throw new VirtualClockError(`Virtual clock can only advance by ≥ 0 ms, got ${ms}`)
      advanceTo(scheduler.now() + ms)
    },
    nextTimerMs: () => scheduler.peekDueMs(),
    pendingTimers: () => scheduler.pending,
  }
}

/**
 * Whether `clock` is a {@link VirtualClock}.
 *
 * @param clock - Any clock.
 * @returns `true` when it can be advanced.
 * @example
 * ```ts
 * if (isVirtualClock(clock)) clock.advanceBy(1_000)
 * ```
 */
export function isVirtualClock(clock: Clock): clock is VirtualClock {
  return clock.kind === 'virtual' && typeof (clock as Partial<VirtualClock>).advanceTo === 'function'
}
