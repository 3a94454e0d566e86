import { PermanentError } from '../errors/baseError.js'

/** Why the journal could not be used. */
export const JournalErrorReason = {
  /** A stored record does not parse. */
  Corrupt: 'corrupt',
  /** The journal holds records of another trading mode (a paper journal opened by a live system). */
  ModeMismatch: 'mode_mismatch',
  /** The journal's baseline names another broker account than the one connected. */
  AccountMismatch: 'account_mismatch',
} as const
/** One of {@link JournalErrorReason}. */
export type JournalErrorReason = (typeof JournalErrorReason)[keyof typeof JournalErrorReason]

/**
 * The journal cannot be read safely. Recovery stops instead of trading on a partial history.
 *
 * @example
 * ```ts
 * try {
 *   await oms.start()
 * } catch (error) {
 *   if (error instanceof JournalError && error.reason === 'mode_mismatch') useAnotherFile()
 * }
 * ```
 */
export class JournalError extends PermanentError {
  override name = 'JournalError'
  /** Why. */
  readonly reason: JournalErrorReason
  /** Sequence number of the offending record. */
  readonly seq: number

  constructor(reason: JournalErrorReason, seq: number, message: string, cause?: unknown) {
    super(message, { docsPath: 'guides/journal.md', ...(cause === undefined ? {} : { cause }) })
    this.reason = reason
    this.seq = seq
  }
}
