import { PermanentError } from '../errors/baseError.js'
import type { RiskState } from './riskState.js'

/**
 * A risk state change was refused, for example `resume()` on the day the daily loss limit was crossed.
 *
 * @example
 * ```ts
 * try {
 *   risk.resume('operator checked positions')
 * } catch (error) {
 *   if (error instanceof RiskStateError) showBanner(error.shortMessage)
 * }
 * ```
 */
export class RiskStateError extends PermanentError {
  override name = 'RiskStateError'
  /** The state that stays in force. */
  readonly state: RiskState

  constructor(message: string, state: RiskState) {
    super(message, { docsPath: 'guides/risk.md' })
    this.state = state
  }
}
