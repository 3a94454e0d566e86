import { PermanentError } from '../errors/baseError.js'

/**
 * The simulator's configuration is inconsistent in a way a schema cannot see (a correlation matrix that is not
 * positive definite, or whose size does not match the underlyings).
 *
 * @example
 * ```ts
 * try {
 *   createSimFeed({ clock, correlation: [[1, 2], [2, 1]] })
 * } catch (error) {
 *   if (error instanceof SimConfigError) console.error(error.shortMessage)
 * }
 * ```
 */
export class SimConfigError extends PermanentError {
  override name = 'SimConfigError'
}
