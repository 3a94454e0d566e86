import type { Decimal } from 'decimal.js'
import type { Observable } from 'rxjs'
import type { BaseError } from '../errors/baseError.js'
import type { Account, Fill, Order, OrderIntent, Position, TradingMode } from '../trading/types.js'

/** Connection state of a broker, as a discriminated union on `status`. */
export type BrokerState =
  | { readonly status: 'idle' }
  | { readonly status: 'connecting'; readonly attempt: number }
  | { readonly status: 'connected'; readonly accountId: string; readonly mode: TradingMode }
  | { readonly status: 'reconnecting'; readonly attempt: number; readonly error: BaseError }
  | { readonly status: 'closed'; readonly error?: BaseError }

/** What a broker supports. */
export interface BrokerCapabilities {
  /** Multi-leg orders as one combo (BAG) order. */
  readonly comboOrders: boolean
  /** Native bracket / OCO orders. */
  readonly brackets: boolean
  /** Order types accepted. */
  readonly orderTypes: readonly ('MKT' | 'LMT' | 'STP' | 'STP_LMT')[]
  /** Time-in-force values accepted. */
  readonly timeInForce: readonly ('DAY' | 'IOC')[]
  /** Orders can be modified in place (otherwise cancel/replace). */
  readonly modify: boolean
}

/** Changes allowed by {@link BrokerInterface.modifyOrder}. */
export interface OrderModification {
  /** New total quantity (not less than what is already filled). */
  readonly quantity?: number
  /** New limit price. */
  readonly limitPrice?: Decimal
  /** New stop price. */
  readonly stopPrice?: Decimal
}

/** What the broker reports in {@link BrokerInterface.reconcile}: its own view of the account. */
export interface BrokerSnapshot {
  /** Orders the broker knows that are not final, plus those that became final this session. */
  readonly orders: readonly Order[]
  /** Every fill of this session. */
  readonly fills: readonly Fill[]
  /** Current positions. */
  readonly positions: readonly Position[]
  /** Current balances. */
  readonly account: Account
}

/**
 * A broker the SDK can trade through: the paper broker, Interactive Brokers, or a user's own. Every adapter passes
 * `testBrokerContract`. Orders carry a caller-chosen `clientOrderId`; placing the same id twice never creates a
 * second order.
 */
export interface BrokerInterface {
  /** Short name used in logs (`paper`, `ibkr`). */
  readonly name: string
  /** Paper or live; stamped on every order and fill. */
  readonly mode: TradingMode
  /** What the broker supports. */
  readonly capabilities: BrokerCapabilities
  /** Connection state; replays the current state to new subscribers. */
  readonly state$: Observable<BrokerState>
  /** Every change of every order. */
  readonly orders$: Observable<Order>
  /** Every execution. */
  readonly fills$: Observable<Fill>
  /** Positions after every change; replays the latest to new subscribers. */
  readonly positions$: Observable<readonly Position[]>
  /** Balances after every change; replays the latest to new subscribers. */
  readonly account$: Observable<Account>
  /** Connects; resolves when connected, rejects on a permanent error. */
  connect(): Promise<void>
  /** Sends an order. Resolves with its first acknowledged state; idempotent per `clientOrderId`. */
  placeOrder(intent: OrderIntent): Promise<Order>
  /** Requests cancellation; resolves with the order's state after the request is acknowledged. */
  cancelOrder(clientOrderId: string): Promise<Order>
  /** Changes quantity or prices of a working order. */
  modifyOrder(clientOrderId: string, changes: OrderModification): Promise<Order>
  /** The broker's own view of orders, fills, positions and account, for recovery after a restart. */
  reconcile(): Promise<BrokerSnapshot>
  /** Disconnects and completes every stream. */
  close(): Promise<void>
}
