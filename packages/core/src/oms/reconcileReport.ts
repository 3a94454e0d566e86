import type { TradingMode } from '../trading/types.js'
import type { PositionMismatch } from './comparePositions.js'

/** What `orderManager.reconcile()` found while running (after a reconnect or on request). */
export interface ReconcileReport {
  /** Paper or live. */
  readonly mode: TradingMode
  /** Orders the broker reports that the order manager did not know: adopted as external. */
  readonly external: readonly string[]
  /** Fills the broker reports that the order manager had missed: journaled and applied. */
  readonly fillsAdded: readonly string[]
  /** Orders whose send failed without an answer and that the broker does not have: `rejected`. */
  readonly notReceived: readonly string[]
  /** Positions on which the order manager and the broker disagree; non-empty moves risk to reducing. */
  readonly positionMismatches: readonly PositionMismatch[]
}
