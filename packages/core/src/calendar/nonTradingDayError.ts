import { PermanentError } from '../errors/baseError.js'

/**
 * An operation needs a trading session (an options close, an expiration instant) but the date is a weekend,
 * an NYSE holiday or an unscheduled closure.
 *
 * @example
 * ```ts
 * try {
 *   expirationInstantMs('SPY', '2025-12-25')
 * } catch (error) {
 *   if (error instanceof NonTradingDayError) console.error(`${error.date} has no session`)
 * }
 * ```
 */
export class NonTradingDayError extends PermanentError {
  override name = 'NonTradingDayError'
  /** The date that has no session, `YYYY-MM-DD`. */
  readonly date: string

  constructor(date: string, operation: string) {
    super(`${date} is not a trading day: ${operation} needs a trading session`, { docsPath: 'guides/calendar.md' })
    this.date = date
  }
}
