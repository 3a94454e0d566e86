import { PermanentError } from '../errors/baseError.js'

/**
 * A pricing function was called with an input outside its domain: NaN or infinite numbers, a non-positive spot or
 * strike, a negative volatility or time, batch arrays of different lengths, or a combination so extreme that the
 * result is not representable (field `inputs`). Carries the offending field and value so a caller can report which
 * quote was bad.
 *
 * @example
 * ```ts
 * try {
 *   bsPrice('call', 100, -5, 0.01, 0.2, 0.05, 0)
 * } catch (error) {
 *   if (error instanceof PricingInputError) console.warn(error.field) // 'strike'
 * }
 * ```
 */
export class PricingInputError extends PermanentError {
  override name = 'PricingInputError'
  /** Name of the rejected parameter (`spot`, `strike`, `timeYears`, `vol`, `rate`, `dividendYield`, `inputs`, …). */
  readonly field: string
  /** The rejected value (for batch length mismatches, the array length). */
  readonly value: number

  constructor(field: string, value: number, requirement: string) {
    super(`Invalid pricing input: ${field} = ${value}`, { details: `${field} must be ${requirement}` })
    this.field = field
    this.value = value
  }
}
