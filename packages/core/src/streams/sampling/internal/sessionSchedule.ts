import { nyDate, nyTimeToMs } from '../../../calendar/newYorkTime.js'
import { expirationInstantMs } from '../../../calendar/optionsHours.js'
import { sessionPhaseAt } from '../../../calendar/sessionPhase.js'
import { nextTradingDay } from '../../../calendar/tradingDays.js'
import { type TradingSession, tradingSession } from '../../../calendar/tradingSession.js'
import { hasZeroDteExpiration } from '../../../calendar/zeroDte.js'
import type { SampleIntervals } from '../sampleClass.js'
import type { SampleTarget } from '../sampleTarget.js'

const HOUR_MS = 3_600_000

/** The interval that applies from an instant, and until when it is guaranteed not to change. */
export interface SampleWindow {
  readonly intervalMs: number
  /** The next boundary (phase change, final hour, next session) after the instant asked about. */
  readonly untilMs: number
  /**
   * This answer holds for every instant in [`fromMs`, `validUntilMs`): the same New York day and no boundary in
   * between, so the interval and `untilMs` are the same there (see {@link windowCovers}).
   */
  readonly fromMs: number
  readonly validUntilMs: number
}

/**
 * Whether `window` is also the answer for the instant `ms`, so it need not be worked out again.
 *
 * @param window - A window from {@link SessionSchedule.windowAt}.
 * @param ms - The instant.
 * @returns `true` when `windowAt(target, ms)` would answer the same interval and `untilMs`.
 */
export function windowCovers(window: SampleWindow, ms: number): boolean {
  return ms >= window.fromMs && ms < window.validUntilMs
}

interface Day {
  readonly date: string
  readonly startMs: number
  readonly endMs: number
  readonly session: TradingSession | undefined
}

function nextCalendarDate(date: string): string {
  const [year, month, day] = date.split('-').map(Number)
  return new Date(Date.UTC(year ?? 0, (month ?? 1) - 1, (day ?? 1) + 1)).toISOString().slice(0, 10)
}

/** Maps an instant and a target to its sampling interval, from the calendar's sessions and expirations. */
export class SessionSchedule {
  // Windows open for every key every few seconds; the New York day is worked out once, not per window.
  private day: Day | undefined
  private readonly expirations = new WeakMap<
    SampleTarget,
    { readonly date: string; readonly endMs: number | undefined }
  >()

  constructor(private readonly intervals: SampleIntervals) {}

  private dayOf(ms: number): Day {
    const cached = this.day
    if (cached !== undefined && ms >= cached.startMs && ms < cached.endMs) return cached
    const date = nyDate(ms)
    const day = {
      date,
      startMs: nyTimeToMs(date, '00:00'),
      endMs: nyTimeToMs(nextCalendarDate(date), '00:00'),
      session: tradingSession(date),
    }
    this.day = day
    return day
  }

  /**
   * The interval of `target` at `ms` and the next boundary after it.
   *
   * Between two boundaries of a day nothing it depends on changes (the phase, the final hour and the next
   * boundary are all fixed by the boundaries it bounds by), which is what `fromMs`/`validUntilMs` promise.
   */
  windowAt(target: SampleTarget, ms: number): SampleWindow {
    const { date, session, endMs: dayEndMs } = this.dayOf(ms)
    let untilMs = Number.POSITIVE_INFINITY
    const bound = (boundary: number) => {
      if (boundary > ms && boundary < untilMs) untilMs = boundary
    }
    let finalHour = false
    if (session) {
      bound(session.preMarketOpenMs)
      bound(session.regularOpenMs)
      bound(session.regularCloseMs)
      bound(session.afterHoursCloseMs)
      const endMs = this.expirationOf(target, date)
      if (endMs !== undefined) {
        bound(endMs - HOUR_MS)
        bound(endMs)
        finalHour = ms >= endMs - HOUR_MS && ms < endMs
      }
    }
    const phase = sessionPhaseAt(ms)
    const table = finalHour
      ? this.intervals.finalHour
      : phase === 'regular'
        ? this.intervals.regular
        : phase === 'closed'
          ? this.intervals.closed
          : this.intervals.extended
    // No boundary left today: the next session's pre-market open, the same for the rest of the day; only a date past
    // the calendar's end falls back to an answer that depends on `ms` itself, valid for that instant alone.
    let validUntilMs = Math.min(untilMs, dayEndMs)
    if (untilMs === Number.POSITIVE_INFINITY) {
      const nextOpenMs = tradingSession(nextTradingDay(date))?.preMarketOpenMs
      untilMs = nextOpenMs ?? ms + this.intervals.closed[target.sampleClass]
      validUntilMs = nextOpenMs === undefined ? ms : dayEndMs
    }
    return { intervalMs: table[target.sampleClass], untilMs, fromMs: ms, validUntilMs }
  }

  /**
   * The instant the target's contracts expire on a trading date, or `undefined` when none expire then. A pure
   * function of the target and the date, asked for at every window: kept per target for the date last asked.
   */
  private expirationOf(target: SampleTarget, date: string): number | undefined {
    const known = this.expirations.get(target)
    if (known !== undefined && known.date === date) return known.endMs
    const symbol = target.expirationSymbol
    let endMs: number | undefined
    if (symbol !== undefined) {
      const expires = target.expiry === undefined ? hasZeroDteExpiration(symbol, date) : target.expiry === date
      if (expires) endMs = expirationInstantMs(symbol, date)
    }
    this.expirations.set(target, { date, endMs })
    return endMs
  }
}
