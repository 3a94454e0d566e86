import { PermanentError } from '../errors/baseError.js'

/** What kind of calendar input was rejected. */
export const CalendarInputKind = {
  /** A date that is not a real `YYYY-MM-DD` calendar date. */
  Date: 'date',
  /** A wall-clock time that is not `HH:mm` (00:00–23:59). */
  Time: 'time',
  /** An epoch-millisecond instant that is not a finite number. */
  Instant: 'instant',
  /** A year outside the range the calendar rules are defined for. */
  Year: 'year',
} as const
/** One of {@link CalendarInputKind}. */
export type CalendarInputKind = (typeof CalendarInputKind)[keyof typeof CalendarInputKind]

/**
 * A date, time, instant or year given to the market calendar is malformed or outside the supported years
 * (see {@link CALENDAR_YEARS}). Retrying with the same input cannot succeed.
 *
 * @example
 * ```ts
 * try {
 *   isTradingDay('2024-02-30')
 * } catch (error) {
 *   if (error instanceof CalendarInputError) console.error(error.kind, error.input)
 * }
 * ```
 */
export class CalendarInputError extends PermanentError {
  override name = 'CalendarInputError'
  /** The rejected input, as text. */
  readonly input: string
  /** Which kind of input it was. */
  readonly kind: CalendarInputKind

  constructor(kind: CalendarInputKind, input: string, reason: string) {
    super(`Invalid calendar ${kind} "${input}": ${reason}`, { docsPath: 'guides/calendar.md' })
    this.input = input
    this.kind = kind
  }
}
