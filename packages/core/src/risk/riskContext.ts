import type { Decimal } from 'decimal.js'
import type { OrderIntent, Position, TradingMode } from '../trading/types.js'
import type { MarketView } from './marketView.js'
import type { OrderPurpose } from './orderPurpose.js'
import type { RiskLimits } from './riskLimits.js'
import type { RiskRejection } from './riskRejection.js'
import type { RiskStatus } from './riskState.js'

/** An order the broker may still fill: its intent, purpose and the units not yet filled. */
export interface WorkingOrder {
  /** What was sent. */
  readonly intent: OrderIntent
  /** Entry or exit. */
  readonly purpose: OrderPurpose
  /** Units still to fill (quantity − filled), positive. */
  readonly remainingQuantity: number
}

/** The account's exposure the checks compare against, as the order manager knows it. */
export interface RiskExposure {
  /** Current positions. */
  readonly positions: readonly Position[]
  /** Orders sent and not yet final. */
  readonly workingOrders: readonly WorkingOrder[]
  /**
   * Buying power the broker last reported, less what fills since that report consumed. Working orders are
   * subtracted by the buying-power check itself.
   */
  readonly buyingPower: Decimal
}

/** What the order manager asks the risk engine about. */
export interface RiskCheckInput {
  /** The order to check. */
  readonly intent: OrderIntent
  /** Entry or exit. */
  readonly purpose: OrderPurpose
  /** Exposure before the order. */
  readonly exposure: RiskExposure
  /** Marks and greeks the checks read. */
  readonly market: MarketView
}

/** Everything a pre-trade check reads. Checks are pure functions of it. */
export interface RiskContext extends RiskCheckInput {
  /** Limits in force. */
  readonly limits: RiskLimits
  /** Time of the check, epoch milliseconds. */
  readonly nowMs: number
  /** Risk state at the time of the check. */
  readonly status: RiskStatus
  /** The engine's trading mode; intents must carry the same. */
  readonly mode: TradingMode
  /** Times of entries accepted recently, epoch milliseconds, oldest first. */
  readonly recentEntriesMs: readonly number[]
}

/**
 * One pre-trade check: a pure function that returns a rejection, or `undefined` when the order passes.
 *
 * @example
 * ```ts
 * const noFridays: RiskCheck = (ctx) =>
 *   new Date(ctx.nowMs).getUTCDay() === 5 ? { code: 'invalid_intent', message: 'no trading on Fridays' } : undefined
 * ```
 */
export type RiskCheck = (context: RiskContext) => RiskRejection | undefined
