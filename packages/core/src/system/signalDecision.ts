import type { TradingSignal } from '../strategies/strategy.js'

/** What became of one strategy signal. */
export const SignalOutcome = {
  /** Sized, risk-approved, journaled and sent. */
  Submitted: 'submitted',
  /** Sizing gave zero contracts (budget, confidence, limits). */
  NotSized: 'not_sized',
  /** The legs could not be priced from current quotes. */
  Unpriceable: 'unpriceable',
  /** The risk engine refused it. */
  RiskRejected: 'risk_rejected',
  /** The order manager or broker failed to take it. */
  Failed: 'failed',
  /** The strategy already has an entry working or a position open. */
  Duplicate: 'duplicate',
} as const
/** One of {@link SignalOutcome}. */
export type SignalOutcome = (typeof SignalOutcome)[keyof typeof SignalOutcome]

/** A signal and what the system did with it. */
export interface SignalDecision {
  /** The signal. */
  readonly signal: TradingSignal
  /** What happened. */
  readonly outcome: SignalOutcome
  /** Contracts (units) sized, when sizing ran. */
  readonly quantity?: number
  /** Client order id, when an order was submitted. */
  readonly clientOrderId?: string
  /** Limit price (signed net per unit for combos) as a string, when priced. */
  readonly limitPrice?: string
  /** Why it was not submitted. */
  readonly reason?: string
}
