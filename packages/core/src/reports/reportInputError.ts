import { PermanentError } from '../errors/baseError.js'

/**
 * Input to a report function was unusable: a fill with a non-positive quantity, a price that is not finite, a
 * specific-identification instruction naming a lot that is not open, a year-end mark that is missing. Retrying
 * with the same input cannot help.
 *
 * @example
 * ```ts
 * try {
 *   computeTaxReport(fills)
 * } catch (error) {
 *   if (error instanceof ReportInputError) console.error(error.field, error.shortMessage)
 * }
 * ```
 */
export class ReportInputError extends PermanentError {
  override name = 'ReportInputError'
  /** Which input was rejected (`fills[3].quantity`, `yearEndMarks`, `specificLots.F12`). */
  readonly field: string

  /**
   * @param field - Which input was rejected.
   * @param reason - Why, in one line.
   * @param details - Longer explanation, optional.
   */
  constructor(field: string, reason: string, details?: string) {
    super(`Invalid report input ${field}: ${reason}`, details === undefined ? {} : { details })
    this.field = field
  }
}
