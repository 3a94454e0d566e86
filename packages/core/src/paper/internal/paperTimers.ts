import type { Subscription } from 'rxjs'
import type { Clock } from '../../clock/clock.js'

/** Keyed timers on a clock's scheduler: one timer per key, all cancelled together on close. */
export interface PaperTimers {
  /**
   * Runs `work` at `atMs` on the clock (at once on the next scheduler turn when already past); replaces a timer of
   * the same key.
   */
  at(key: string, atMs: number, work: () => void): void
  /** Cancels the timer of a key, if any. */
  cancel(key: string): void
  /** Whether a timer of this key is waiting. */
  has(key: string): boolean
  /** Cancels every timer. */
  clear(): void
}

/**
 * Creates keyed timers on `clock.scheduler`, so replay, backtests and tests drive them with a virtual clock.
 *
 * @param clock - The clock.
 * @param onError - Receives anything a timer's work throws.
 * @returns The timers.
 * @example
 * ```ts
 * const timers = createPaperTimers(clock, fail)
 * timers.at('ack:o1', clock.now() + 250, () => acknowledge('o1'))
 * ```
 */
export function createPaperTimers(clock: Clock, onError: (error: unknown) => void): PaperTimers {
  const timers = new Map<string, Subscription>()
  return {
    at(key, atMs, work) {
      timers.get(key)?.unsubscribe()
      const subscription = clock.scheduler.schedule(
        () => {
          timers.delete(key)
          try {
            work()
          } catch (error) {
            onError(error)
          }
        },
        Math.max(atMs - clock.now(), 0),
      )
      timers.set(key, subscription)
    },
    cancel(key) {
      timers.get(key)?.unsubscribe()
      timers.delete(key)
    },
    has: (key) => timers.has(key),
    clear() {
      for (const subscription of timers.values()) subscription.unsubscribe()
      timers.clear()
    },
  }
}
