import type { Clock } from '../../clock/clock.js'
import type { PaperTimers } from './paperTimers.js'

/** Runs broker requests after the simulated latency and settles their promises. */
export interface DelayedRequests {
  /** Runs `work` after the latency (at once when it is 0) and resolves with its result or rejects with its error. */
  run<T>(work: () => T): Promise<T>
  /** Rejects every request still waiting (the broker closed). */
  rejectAll(error: unknown): void
}

/**
 * Creates a runner for cancel and modify requests that reach the paper "exchange" `latencyMs` after they are sent,
 * on the clock's scheduler.
 *
 * @param clock - The clock.
 * @param timers - Timers on the clock.
 * @param latencyMs - Delay of every request.
 * @returns The runner.
 * @example
 * ```ts
 * const requests = createDelayedRequests(clock, timers, 100)
 * const order = await requests.run(() => cancelNow(id))
 * ```
 */
export function createDelayedRequests(clock: Clock, timers: PaperTimers, latencyMs: number): DelayedRequests {
  const waiting = new Set<(error: unknown) => void>()
  let counter = 0
  return {
    run<T>(work: () => T): Promise<T> {
      if (latencyMs === 0) {
        try {
          return Promise.resolve(work())
        } catch (error) {
          return Promise.reject(error)
        }
      }
      return new Promise<T>((resolve, reject) => {
        waiting.add(reject)
        timers.at(`request:${++counter}`, clock.now() + latencyMs, () => {
          waiting.delete(reject)
          try {
            resolve(work())
          } catch (error) {
            reject(error)
          }
        })
      })
    },
    rejectAll(error) {
      const rejects = [...waiting]
      waiting.clear()
      for (const reject of rejects) reject(error)
    },
  }
}
