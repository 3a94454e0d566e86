import type { TradingMode } from '../trading/types.js'

/** Where a bracket stands. */
export const BracketPhase = {
  /** The entry is being sent. */
  Submitting: 'submitting',
  /** The entry works and nothing is open. */
  AwaitingFill: 'awaiting_fill',
  /** Units are open and a stop-loss rests for exactly them. */
  Protected: 'protected',
  /** Units are open without a matching stop-loss (being placed, resized, or refused: see `lastError`). */
  Unprotected: 'unprotected',
  /** The take-profit price was reached: the stop-loss is being cancelled or the take-profit works. */
  TakingProfit: 'taking_profit',
  /** Finished: nothing open, the entry final, no exit working. */
  Done: 'done',
} as const
/** One of {@link BracketPhase}. */
export type BracketPhase = (typeof BracketPhase)[keyof typeof BracketPhase]

/** Status of one bracket. */
export interface BracketStatus {
  /** Paper or live. */
  readonly mode: TradingMode
  /** The entry's client order id. */
  readonly groupId: string
  /** Where it stands. */
  readonly phase: BracketPhase
  /** Units the entry filled. */
  readonly entryFilledQuantity: number
  /** Units its exits filled. */
  readonly exitFilledQuantity: number
  /** Units held: entry filled less exits filled. */
  readonly openQuantity: number
  /** The working stop-loss, if any. */
  readonly stopLossOrderId: string | undefined
  /** The working take-profit, if any. */
  readonly takeProfitOrderId: string | undefined
  /** Every exit sent, in order. */
  readonly exitOrderIds: readonly string[]
  /** Why it ended (`closed`, `entry cancelled without fills`, or the entry's refusal). */
  readonly endReason: string | undefined
  /** The last refusal or failure (a risk rejection, a broker error), until the next action succeeds. */
  readonly lastError: string | undefined
  /**
   * Earliest next take-profit attempt after one that left units open, epoch ms (a time already past means the
   * next evaluation that finds the target may try); `undefined` before any such attempt.
   */
  readonly takeProfitRetryAtMs: number | undefined
  /** Consecutive take-profit attempts that filled nothing; each doubles the wait before the next. */
  readonly takeProfitUnfilledAttempts: number
  /** When this status was computed, epoch ms. */
  readonly updatedAtMs: number
}
