import { asyncScheduler, type SchedulerLike } from 'rxjs'

/**
 * Source of time for everything in the pipeline. Logic reads `now()` and schedules timers on `scheduler`, never
 * `Date.now()` or `setTimeout`, so the same code runs on the wall clock live and on a virtual clock in replay,
 * backtest and tests.
 */
export interface Clock {
  /** Current time, epoch milliseconds. */
  now(): number
  /** RxJS scheduler whose `now()` equals this clock's; pass it to every time-based operator. */
  readonly scheduler: SchedulerLike
  /** `wall` for live trading, `virtual` for replay, backtest and tests. */
  readonly kind: 'wall' | 'virtual'
}

/**
 * The wall clock: `Date.now()` and RxJS's `asyncScheduler`.
 *
 * @returns A clock for live trading.
 * @example
 * ```ts
 * const system = createTradingSystem({ clock: wallClock() })
 * ```
 */
export function wallClock(): Clock {
  return { now: () => asyncScheduler.now(), scheduler: asyncScheduler, kind: 'wall' }
}
