import { type MonoTypeOperatorFunction, Observable, type SchedulerAction, type Subscription } from 'rxjs'
import type { Clock } from '../../clock/clock.js'
import { parseConfig } from '../../config/parseConfig.js'
import { type SampleWindow, SessionSchedule, windowCovers } from './internal/sessionSchedule.js'
import { type SampleIntervalsInput, sampleIntervalsSchema } from './sampleClass.js'
import { type SampleTarget, sampleTargetOf } from './sampleTarget.js'

/** Options of {@link sampleBySession}. */
export interface SessionSamplingOptions<T> {
  /** Clock whose time picks the session phase and whose scheduler runs the window timers. */
  readonly clock: Clock
  /** Interval overrides per phase and class. @default see `sampleIntervalsSchema` */
  readonly intervals?: SampleIntervalsInput
  /** Key of a value; each key is sampled on its own. @default value.instrumentId */
  readonly key?: (value: T) => string
  /** Class and expiration of a key, asked once per key. @default sampleTargetOf(key) */
  readonly target?: (value: T, key: string) => SampleTarget
}

interface KeyState<T> {
  readonly target: SampleTarget
  pending: T | undefined
  hasPending: boolean
  timer: Subscription | undefined
  /** The schedule's last answer for this key, reused while it still holds (windows open every few seconds). */
  window: SampleWindow | undefined
  /** Closes this key's window (run as the timer's work); one function per key, reused by every window's timer. */
  close: (this: SchedulerAction<undefined>) => void
}

/**
 * Session-aware sampling: per key, at most one value per interval, where the interval depends on the key's data
 * class and the session phase at the clock's time (regular, extended, the final hour before an expiration, closed).
 *
 * It is a throttle with leading and trailing values: a value arriving when the key is idle goes out at once and
 * opens a window; values inside the window replace each other, and the latest goes out when the window ends (which
 * opens the next one). A window never outlasts the phase it started in: it ends early at the next session boundary
 * (open, close, final hour), so 09:30 switches options from 5 min to 5 s promptly. Windows run on `clock.scheduler`
 * and phases are read from `clock.now()`, so a replay on a virtual clock samples exactly like live trading.
 * Completion releases the values still held.
 *
 * @param options - Clock, optional intervals, key and classification; see {@link SessionSamplingOptions}.
 * @returns The operator.
 * @throws {ConfigError} When an interval is not positive.
 * @example
 * ```ts
 * const sampled$ = cleanQuotes$.pipe(sampleBySession({ clock }))
 * const corr$ = correlation$.pipe(
 *   sampleBySession({ clock, key: (c) => c.pair, target: () => ({ sampleClass: 'correlation' }) }),
 * )
 * ```
 */
export function sampleBySession<T extends { readonly instrumentId: string }>(
  options: SessionSamplingOptions<T>,
): MonoTypeOperatorFunction<T>
export function sampleBySession<T>(
  options: SessionSamplingOptions<T> & { readonly key: (value: T) => string },
): MonoTypeOperatorFunction<T>
export function sampleBySession<T>(options: SessionSamplingOptions<T>): MonoTypeOperatorFunction<T> {
  const intervals = parseConfig(sampleIntervalsSchema, options.intervals ?? {}, 'session sampling intervals')
  const schedule = new SessionSchedule(intervals)
  const { clock } = options
  const keyOf = options.key ?? ((value: T) => (value as { instrumentId: string }).instrumentId)
  const targetOf = options.target ?? ((_value: T, key: string) => sampleTargetOf(key))

  return (source) =>
    new Observable<T>((subscriber) => {
      const states = new Map<string, KeyState<T>>()

      // `action`: the timer that just closed the window, when the next one opens right away. Rescheduling it is
      // what scheduling a new action would be (queued now, due at the window's end), without a new action per window.
      const openWindow = (state: KeyState<T>, action?: SchedulerAction<undefined>): void => {
        const nowMs = clock.now()
        let window = state.window
        if (window === undefined || !windowCovers(window, nowMs)) {
          window = schedule.windowAt(state.target, nowMs)
          state.window = window
        }
        const endMs = Math.min(nowMs + window.intervalMs, window.untilMs)
        state.timer =
          action === undefined
            ? clock.scheduler.schedule(state.close, endMs - nowMs)
            : action.schedule(undefined, endMs - nowMs)
      }

      const closeWindow = (state: KeyState<T>, action: SchedulerAction<undefined>): void => {
        state.timer = undefined
        if (!state.hasPending) return
        const value = state.pending as T
        state.pending = undefined
        state.hasPending = false
        subscriber.next(value)
        // Inline rather than a guarding closure: this runs for every sampled value.
        try {
          openWindow(state, action)
        } catch (error) {
          subscriber.error(error)
        }
      }

      const subscription = source.subscribe({
        // Every quote passes here: the work is inlined rather than wrapped in a `guarded` closure per value.
        next: (value) => {
          try {
            const key = keyOf(value)
            let state = states.get(key)
            if (state === undefined) {
              const created: KeyState<T> = {
                target: targetOf(value, key),
                pending: undefined,
                hasPending: false,
                timer: undefined,
                window: undefined,
                close(this: SchedulerAction<undefined>) {
                  closeWindow(created, this)
                },
              }
              state = created
              states.set(key, state)
            }
            if (state.timer !== undefined) {
              state.pending = value
              state.hasPending = true
              return
            }
            subscriber.next(value)
            openWindow(state)
          } catch (error) {
            subscriber.error(error)
          }
        },
        error: (error: unknown) => subscriber.error(error),
        complete: () => {
          for (const state of states.values()) {
            state.timer?.unsubscribe()
            if (state.hasPending) subscriber.next(state.pending as T)
          }
          subscriber.complete()
        },
      })
      return () => {
        subscription.unsubscribe()
        for (const state of states.values()) state.timer?.unsubscribe()
      }
    })
}
