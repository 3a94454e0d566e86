import type { Decimal } from 'decimal.js'
import type { Fill, Order } from '../trading/types.js'
import type { LedgerPosition } from './positionLedger.js'

/** An order as the paper broker keeps it: the public order plus what the simulation needs to resume it. */
export interface PaperOrderRecord {
  /** The order. */
  readonly order: Order
  /** Stop orders: whether the stop has triggered (it stays triggered). */
  readonly triggered: boolean
  /** When the broker acknowledges a pending order, epoch ms (placement time + latency). */
  readonly ackDueMs: number
  /** Option contracts executed so far over all legs (per-order commission minimums). */
  readonly executedContracts: number
  /** Shares executed so far. */
  readonly executedShares: number
  /** Broker commission charged so far (excluding pass-through fees). */
  readonly brokerCommission: Decimal
}

/** Balances and counters of a paper account. */
export interface PaperAccountRecord {
  /** Account id. */
  readonly accountId: string
  /** Cash when the account was created. */
  readonly startingCash: Decimal
  /** Cash now. */
  readonly cash: Decimal
  /** Realised P&L of `realizedPnlDate` (after commissions). */
  readonly realizedPnl: Decimal
  /** New York trading date `YYYY-MM-DD` that `realizedPnl` belongs to. */
  readonly realizedPnlDate: string
  /** Last id number handed out (broker order ids and fill ids). */
  readonly sequence: number
  /** When the account was created, epoch ms. */
  readonly createdAtMs: number
}

/** Everything a paper account holds. */
export interface PaperBrokerState {
  /** Balances and counters. */
  readonly account: PaperAccountRecord
  /** Every order ever placed. */
  readonly orders: readonly PaperOrderRecord[]
  /** Every fill, in execution order. */
  readonly fills: readonly Fill[]
  /** Open positions. */
  readonly positions: readonly LedgerPosition[]
}

/**
 * One state change of a paper account, applied all-or-nothing: an order transition, or a fill with its order
 * update, position changes and cash. `account` is always the complete new account record.
 */
export interface PaperCommit {
  /** The account after the change. */
  readonly account: PaperAccountRecord
  /** Orders created or changed (complete records, replacing the stored ones). */
  readonly orders?: readonly PaperOrderRecord[]
  /** New fills. */
  readonly fills?: readonly Fill[]
  /** Positions created or changed (complete records). */
  readonly positions?: readonly LedgerPosition[]
  /** Instrument ids of positions that became flat. */
  readonly closedPositions?: readonly string[]
}

/**
 * Durable storage of paper accounts, so a paper account outlives the process exactly like a real broker account
 * outlives its client. The broker calls `commit` once per state change, before it emits anything; an
 * implementation must apply each commit atomically (one transaction) and durably, or throw and apply nothing.
 * After a crash, `load` returns the state as of the last completed commit.
 */
export interface PaperBrokerStore {
  /**
   * Loads an account.
   *
   * @param accountId - The account.
   * @returns Its state, or `undefined` when the account was never stored.
   */
  load(accountId: string): PaperBrokerState | undefined
  /**
   * Applies one change atomically.
   *
   * @param commit - The change.
   */
  commit(commit: PaperCommit): void
}
