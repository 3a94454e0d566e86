/** Trading states of the risk engine. */
export const RiskStatus = {
  /** Entries and exits allowed. */
  Active: 'active',
  /** Exits only; set and cleared by the operator. */
  Reducing: 'reducing',
  /**
   * No new risk: exits only (so positions can still be closed), latched. Entered by the daily loss limit or the
   * kill switch; only `resume()` leaves it, and not on the day the daily loss limit was crossed.
   */
  Halted: 'halted',
} as const
/** One of {@link RiskStatus}. */
export type RiskStatus = (typeof RiskStatus)[keyof typeof RiskStatus]

/** Why the risk engine is in its current state. */
export const RiskStateCause = {
  /** Initial state or `resume()`. */
  Start: 'start',
  /** `reduceOnly()` was called. */
  Operator: 'operator',
  /** Daily loss reached `maxDailyLoss`. */
  DailyLossLimit: 'daily_loss_limit',
  /** The kill switch was pressed. */
  KillSwitch: 'kill_switch',
  /** State restored from the journal after a restart. */
  Restored: 'restored',
} as const
/** One of {@link RiskStateCause}. */
export type RiskStateCause = (typeof RiskStateCause)[keyof typeof RiskStateCause]

/** The risk engine's state at a moment. */
export interface RiskState {
  /** Active, reducing or halted. */
  readonly status: RiskStatus
  /** What caused it. */
  readonly cause: RiskStateCause
  /** Free text from the caller (operator note, kill switch reason). */
  readonly note: string
  /** When the state was entered, epoch milliseconds. */
  readonly sinceMs: number
  /** New York date on which the daily loss limit was crossed, when `cause` is `daily_loss_limit`. */
  readonly dailyLossDate?: string
}

/** Strictness rank: a restored or automatic transition may only move to an equal or stricter state. */
export const RISK_STATUS_RANK: Readonly<Record<RiskStatus, number>> = { active: 0, reducing: 1, halted: 2 }
