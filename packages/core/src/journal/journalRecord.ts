import type { Decimal } from 'decimal.js'
import type { OrderPurpose } from '../risk/orderPurpose.js'
import type { RiskState } from '../risk/riskState.js'
import type { Fill, Order, OrderIntent, Position, TradingMode } from '../trading/types.js'

/** The kinds of record in the journal. */
export const JournalRecordKind = {
  /** The account as found the first time the order manager started on this journal. */
  Baseline: 'baseline',
  /** An order about to be sent, written and made durable before `placeOrder` is called. */
  Intent: 'intent',
  /** A change of an order's state (from the broker, or decided by the order manager, such as "not sent"). */
  Order: 'order',
  /** One execution. At most one record per `fillId`. */
  Fill: 'fill',
  /** A change of the risk state, so a halt survives a restart. */
  RiskState: 'risk_state',
} as const
/** One of {@link JournalRecordKind}. */
export type JournalRecordKind = (typeof JournalRecordKind)[keyof typeof JournalRecordKind]

/** The account when the journal began: everything before it is the broker's history, not the journal's. */
export interface JournalBaseline {
  /** Broker account id. */
  readonly accountId: string
  /** Cash at the baseline. */
  readonly cash: Decimal
  /** Positions at the baseline. */
  readonly positions: readonly Position[]
  /** Fills the broker already reported at the baseline; they are part of `cash` and `positions`. */
  readonly fillIds: readonly string[]
}

/** A record, as a discriminated union on `kind`. */
export type JournalRecord =
  | { readonly kind: 'baseline'; readonly baseline: JournalBaseline }
  | {
      readonly kind: 'intent'
      readonly intent: OrderIntent
      readonly purpose: OrderPurpose
      /** For exits: the entry order whose position this closes, when known. */
      readonly closesOrderId?: string
    }
  | { readonly kind: 'order'; readonly order: Order }
  | { readonly kind: 'fill'; readonly fill: Fill }
  | { readonly kind: 'risk_state'; readonly state: RiskState }

/** A stored record with its sequence number. */
export interface JournalEntry {
  /** Assigned by the store: strictly increasing in append order, never reused. */
  readonly seq: number
  /** When it was written, epoch milliseconds. */
  readonly timestampMs: number
  /** Paper or live. */
  readonly mode: TradingMode
  /** The record. */
  readonly record: JournalRecord
}
