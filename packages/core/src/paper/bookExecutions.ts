import { Decimal } from 'decimal.js'
import type { Instrument } from '../instruments/instrument.js'
import { instrumentId } from '../instruments/instrumentId.js'
import type { Fill, Side, TradingMode } from '../trading/types.js'
import type { PaperAccountRecord } from './paperBrokerStore.js'
import { applyPositionFill, type LedgerPosition } from './positionLedger.js'

/** One leg execution to book: a trade, an expiry, an exercise or an assignment. */
export interface Execution {
  /** Instrument. */
  readonly instrument: Instrument
  /** Buy or sell. */
  readonly side: Side
  /** Units (contracts or shares), positive integer. */
  readonly quantity: number
  /** Price per unit. */
  readonly price: Decimal
  /** Contract multiplier (1 for shares). */
  readonly multiplier: number
  /** Commission and fees, ≥ 0. */
  readonly commission: Decimal
}

/** Input of {@link bookExecutions}. */
export interface BookInput {
  /** Account before. */
  readonly account: PaperAccountRecord
  /** Current position by instrument id. */
  readonly positionOf: (instrumentId: string) => LedgerPosition | undefined
  /** Executions to book, in order. */
  readonly executions: readonly Execution[]
  /** Order the fills belong to. */
  readonly clientOrderId: string
  /** Execution time. */
  readonly nowMs: number
  /** New York trading date of `nowMs` (realised P&L is per session). */
  readonly sessionDate: string
  /** Mode stamped on fills. */
  readonly mode: TradingMode
}

/** What {@link bookExecutions} changes. */
export interface BookResult {
  /** Account after: cash, realised P&L, sequence. */
  readonly account: PaperAccountRecord
  /** One fill per execution. */
  readonly fills: Fill[]
  /** Positions changed and still open. */
  readonly positions: LedgerPosition[]
  /** Instrument ids that became flat. */
  readonly closedPositions: string[]
}

/**
 * Books executions against an account: a fill each (ids from the account's sequence), positions updated in order
 * (several executions on one instrument chain correctly), cash moved by price × quantity × multiplier (paid for
 * buys, received for sells) and by commissions, realised P&L of the session net of commissions. Pure: the caller
 * commits the result atomically.
 *
 * @param input - Account, positions, executions and context.
 * @returns New account, fills and positions.
 * @example
 * ```ts
 * const booked = bookExecutions({ account, positionOf, executions, clientOrderId, nowMs, sessionDate, mode: 'paper' })
 * store.commit({ account: booked.account, fills: booked.fills, positions: booked.positions, closedPositions: booked.closedPositions })
 * ```
 */
export function bookExecutions(input: BookInput): BookResult {
  const changed = new Map<string, LedgerPosition | undefined>()
  let cash = input.account.cash
  let realized = input.account.realizedPnlDate === input.sessionDate ? input.account.realizedPnl : new Decimal(0)
  let sequence = input.account.sequence
  const fills: Fill[] = []
  for (const execution of input.executions) {
    const id = instrumentId(execution.instrument)
    const before = changed.has(id) ? changed.get(id) : input.positionOf(id)
    const { next, realizedPnl } = applyPositionFill(before, execution)
    changed.set(id, next)
    const notional = execution.price.times(execution.quantity).times(execution.multiplier)
    cash = (execution.side === 'buy' ? cash.minus(notional) : cash.plus(notional)).minus(execution.commission)
    realized = realized.plus(realizedPnl).minus(execution.commission)
    sequence += 1
    fills.push({
      fillId: `${input.account.accountId}-F${sequence}`,
      clientOrderId: input.clientOrderId,
      instrumentId: id,
      side: execution.side,
      quantity: execution.quantity,
      price: execution.price,
      commission: execution.commission,
      timestampMs: input.nowMs,
      mode: input.mode,
    })
  }
  const positions: LedgerPosition[] = []
  const closedPositions: string[] = []
  for (const [id, position] of changed) {
    if (position) positions.push(position)
    else if (input.positionOf(id)) closedPositions.push(id)
  }
  return {
    account: { ...input.account, cash, realizedPnl: realized, realizedPnlDate: input.sessionDate, sequence },
    fills,
    positions,
    closedPositions,
  }
}
