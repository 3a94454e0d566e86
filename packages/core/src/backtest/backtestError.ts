import { type BaseErrorOptions, PermanentError } from '../errors/baseError.js'

/**
 * A backtest could not complete a trading day: its recording was malformed or unreadable, or a component of the
 * system failed inside the session. The cause says which; running again on the same input fails the same way.
 *
 * @example
 * ```ts
 * try {
 *   await runBacktest({ data: { kind: 'ndjson', path: 'day.ndjson' }, date: '2025-11-21' })
 * } catch (error) {
 *   if (error instanceof BacktestError) console.error(error.date, error.shortMessage)
 * }
 * ```
 */
export class BacktestError extends PermanentError {
  override name = 'BacktestError'
  /** Trading day `YYYY-MM-DD` that failed. */
  readonly date: string

  /**
   * @param date - The trading day that failed.
   * @param reason - What failed, in a few words.
   * @param options - Cause and details.
   */
  constructor(date: string, reason: string, options: BaseErrorOptions = {}) {
    super(`Backtest of ${date} failed: ${reason}`, { docsPath: 'guides/backtesting.md', ...options })
    this.date = date
  }
}
