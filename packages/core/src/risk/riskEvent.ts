import type { Decimal } from 'decimal.js'
import type { TradingMode } from '../trading/types.js'
import type { OrderPurpose } from './orderPurpose.js'
import type { RiskRejection } from './riskRejection.js'
import type { RiskState } from './riskState.js'

/** Fields every risk event carries. */
export interface RiskEventBase {
  /** Paper or live. */
  readonly mode: TradingMode
  /** When it happened, epoch milliseconds. */
  readonly timestampMs: number
}

/** Something the risk engine decided or noticed, as a discriminated union on `type`. */
export type RiskEvent =
  | (RiskEventBase & { readonly type: 'state_changed'; readonly state: RiskState; readonly previous: RiskState })
  | (RiskEventBase & {
      readonly type: 'daily_loss_warning'
      /** New York date of the trading day. */
      readonly date: string
      /** Current daily loss, positive dollars. */
      readonly loss: Decimal
      /** `maxDailyLoss`. */
      readonly limit: Decimal
    })
  | (RiskEventBase & {
      readonly type: 'order_approved'
      readonly clientOrderId: string
      readonly purpose: OrderPurpose
    })
  | (RiskEventBase & {
      readonly type: 'order_rejected'
      readonly clientOrderId: string
      readonly purpose: OrderPurpose
      readonly rejection: RiskRejection
    })
