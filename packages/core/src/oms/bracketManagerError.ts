import { PermanentError } from '../errors/baseError.js'

/** Why the bracket manager refused to resume a bracket. */
export const BracketManagerErrorReason = {
  /** `stop()` was called. */
  NotRunning: 'not_running',
  /** This manager already tracks a bracket with this group id (submitted or resumed). */
  AlreadyTracked: 'already_tracked',
  /** The order manager knows no order with the group id (not started yet, another journal, or never sent). */
  UnknownEntry: 'unknown_entry',
  /** The order manager's entry has other legs, quantity or mode than the bracket given. */
  EntryMismatch: 'entry_mismatch',
  /** The bracket is malformed (prices not `Decimal`, group id not the entry's id), e.g. badly restored from JSON. */
  InvalidBracket: 'invalid_bracket',
} as const
/** One of {@link BracketManagerErrorReason}. */
export type BracketManagerErrorReason = (typeof BracketManagerErrorReason)[keyof typeof BracketManagerErrorReason]

/**
 * The bracket manager refused to resume a bracket; nothing was sent and the bracket is not tracked.
 *
 * @example
 * ```ts
 * try {
 *   brackets.resume(saved)
 * } catch (error) {
 *   if (error instanceof BracketManagerError && error.reason === 'unknown_entry') forget(saved.groupId)
 * }
 * ```
 */
export class BracketManagerError extends PermanentError {
  override name = 'BracketManagerError'
  /** Why. */
  readonly reason: BracketManagerErrorReason
  /** The bracket's group id (its entry's client order id). */
  readonly groupId: string

  constructor(reason: BracketManagerErrorReason, groupId: string, message: string, options: { details?: string } = {}) {
    super(message, {
      docsPath: 'guides/risk-and-execution.md',
      ...(options.details === undefined ? {} : { details: options.details }),
    })
    this.reason = reason
    this.groupId = groupId
  }
}
