import { BaseError } from '../errors/baseError.js'

/**
 * A virtual clock was driven incorrectly: a non-finite target, a negative step, or an advance from inside one of
 * its own timers.
 *
 * @example
 * ```ts
 * try {
 *   clock.advanceTo(Number.NaN)
 * } catch (error) {
 *   if (error instanceof VirtualClockError) console.error(error.shortMessage)
 * }
 * ```
 */
export class VirtualClockError extends BaseError {
  override name = 'VirtualClockError'
}
