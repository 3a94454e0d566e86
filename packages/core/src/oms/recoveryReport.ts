import type { Decimal } from 'decimal.js'
import type { TradingMode } from '../trading/types.js'
import type { PositionMismatch } from './comparePositions.js'

/** What `orderManager.start()` found and did while rebuilding state from the journal and the broker. */
export interface RecoveryReport {
  /** Paper or live. */
  readonly mode: TradingMode
  /** Journal records read. */
  readonly journalRecords: number
  /** The journal was empty: a baseline of the account was recorded. */
  readonly firstStart: boolean
  /** Intents journaled without an acknowledgement that the broker does know (sent before the crash): adopted. */
  readonly adopted: readonly string[]
  /** Intents the broker never received: marked `rejected` with reason `not sent before crash`. */
  readonly notSent: readonly string[]
  /** Intents the broker never received that were re-sent (only with `resendUnsentIntents`). */
  readonly resent: readonly string[]
  /** Working orders in the journal the broker no longer reports (finished in an earlier session): `expired`. */
  readonly expired: readonly string[]
  /** Orders the broker reports with no intent in the journal (placed elsewhere): adopted as external. */
  readonly external: readonly string[]
  /** Fills the broker reports that the journal missed: journaled and applied. */
  readonly fillsAdded: readonly string[]
  /** Positions on which journal and broker disagree after recovery; non-empty moves risk to reducing. */
  readonly positionMismatches: readonly PositionMismatch[]
  /** Broker cash minus cash rebuilt from the journal. */
  readonly cashDifference: Decimal
}
