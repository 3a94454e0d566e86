import type { Decimal } from 'decimal.js'
import type { Instrument } from '../instruments/instrument.js'

/** Trading mode. Paper is the default everywhere; live needs an explicit confirmation. */
export const TradingMode = { Paper: 'paper', Live: 'live' } as const
/** One of {@link TradingMode}. */
export type TradingMode = (typeof TradingMode)[keyof typeof TradingMode]

/** Direction of an order or a leg. Quantities are unsigned; direction lives here. */
export const Side = { Buy: 'buy', Sell: 'sell' } as const
/** One of {@link Side}. */
export type Side = (typeof Side)[keyof typeof Side]

/** Order types. */
export const OrderType = { Market: 'MKT', Limit: 'LMT', Stop: 'STP', StopLimit: 'STP_LMT' } as const
/** One of {@link OrderType}. */
export type OrderType = (typeof OrderType)[keyof typeof OrderType]

/** Time in force. */
export const TimeInForce = { Day: 'DAY', ImmediateOrCancel: 'IOC' } as const
/** One of {@link TimeInForce}. */
export type TimeInForce = (typeof TimeInForce)[keyof typeof TimeInForce]

/** Life-cycle states of an order. */
export const OrderStatus = {
  Pending: 'pending',
  Submitted: 'submitted',
  PartiallyFilled: 'partially_filled',
  Filled: 'filled',
  Cancelled: 'cancelled',
  Rejected: 'rejected',
  Expired: 'expired',
} as const
/** One of {@link OrderStatus}. */
export type OrderStatus = (typeof OrderStatus)[keyof typeof OrderStatus]

/** One leg of an order: a single-leg order has one, a combo (vertical, condor …) several. */
export interface OrderLeg {
  /** The instrument of this leg. */
  readonly instrument: Instrument
  /** Buy or sell, for one unit of the order. */
  readonly side: Side
  /** Units of this leg per unit of the order (1 for most spreads, 2 for a ratio leg). */
  readonly ratio: number
}

/**
 * What a strategy (through sizing and risk) wants to trade. For combos, `limitPrice` is the net price per unit:
 * positive is a debit paid, negative a credit received.
 */
export interface OrderIntent {
  /** Caller-chosen id, unique per account; the idempotency key across restarts. */
  readonly clientOrderId: string
  /** The legs. */
  readonly legs: readonly OrderLeg[]
  /** Units of the order (contracts for single legs, spreads for combos), a positive integer. */
  readonly quantity: number
  /** Order type. */
  readonly type: OrderType
  /** Limit price (net per unit for combos), required for `LMT` and `STP_LMT`. */
  readonly limitPrice?: Decimal
  /** Stop trigger price, required for `STP` and `STP_LMT`. */
  readonly stopPrice?: Decimal
  /** Time in force. */
  readonly timeInForce: TimeInForce
  /** Strategy that produced the intent, for attribution. */
  readonly strategyId?: string
  /** Paper or live; stamped on every order. */
  readonly mode: TradingMode
}

/** The broker's and the OMS's view of an order at a moment. */
export interface Order extends OrderIntent {
  /** Current state. */
  readonly status: OrderStatus
  /** Units filled so far. */
  readonly filledQuantity: number
  /** Average net fill price per unit, or `null` before the first fill. */
  readonly averageFillPrice: Decimal | null
  /** The broker's own id, once known. */
  readonly brokerOrderId?: string
  /** Why the order was rejected or cancelled, when known. */
  readonly reason?: string
  /** When the order was created, epoch milliseconds. */
  readonly createdAtMs: number
  /** When the order last changed, epoch milliseconds. */
  readonly updatedAtMs: number
}

/** One execution of one leg. */
export interface Fill {
  /** Unique id of this execution (the broker's execution id). */
  readonly fillId: string
  /** The order it belongs to. */
  readonly clientOrderId: string
  /** Canonical id of the instrument filled. */
  readonly instrumentId: string
  /** Buy or sell. */
  readonly side: Side
  /** Units of the instrument filled (contracts or shares), positive. */
  readonly quantity: number
  /** Price per unit of the instrument. */
  readonly price: Decimal
  /** Commission and fees charged for this fill, positive. */
  readonly commission: Decimal
  /** Execution time, epoch milliseconds. */
  readonly timestampMs: number
  /** Paper or live. */
  readonly mode: TradingMode
}

/** A net holding in one instrument. */
export interface Position {
  /** Canonical instrument id. */
  readonly instrumentId: string
  /** The instrument. */
  readonly instrument: Instrument
  /** Long or short. */
  readonly side: 'long' | 'short'
  /** Units held, positive. */
  readonly quantity: number
  /** Average open price per unit. */
  readonly averagePrice: Decimal
  /** Contract multiplier (100 for standard options, 1 for shares). */
  readonly multiplier: number
}

/** Balances of a trading account. */
export interface Account {
  /** Broker account id (`DU…` for IB paper accounts). */
  readonly accountId: string
  /** Paper or live. */
  readonly mode: TradingMode
  /** Settled cash. */
  readonly cash: Decimal
  /** Net liquidation value: cash plus marked positions. */
  readonly equity: Decimal
  /** What the broker lets the account spend on new positions. */
  readonly buyingPower: Decimal
  /** Realised P&L since the session started. */
  readonly realizedPnl: Decimal
  /** Unrealised P&L of open positions. */
  readonly unrealizedPnl: Decimal
  /** When these figures were taken, epoch milliseconds. */
  readonly timestampMs: number
}
