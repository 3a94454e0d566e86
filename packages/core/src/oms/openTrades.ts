import type { Decimal } from 'decimal.js'
import { isFinalStatus } from '../orders/orderStateMachine.js'
import { toSignedNet } from '../orders/signedNetPrice.js'
import type { OrderLeg } from '../trading/types.js'
import type { ManagedOrder } from './managedOrder.js'

/** The open part of one filled entry order: what exit rules watch and close as a unit. */
export interface OpenTrade {
  /** Client order id of the entry order. */
  readonly tradeId: string
  /** The entry's legs (as opened). */
  readonly legs: readonly OrderLeg[]
  /** Strategy that opened it. */
  readonly strategyId?: string
  /** Units filled by the entry. */
  readonly filledUnits: number
  /** Units still open: filled less what exits linked to it filled. */
  readonly openUnits: number
  /** Units that working exits linked to it may still close. */
  readonly workingExitUnits: number
  /** Average entry price per unit as signed net (debit positive, credit negative). */
  readonly entryNetPrice: Decimal
  /** When the entry order was created, epoch milliseconds. */
  readonly openedAtMs: number
}

/**
 * Open trades: entry orders with fills, less the units their linked exits (`closesOrderId`) filled. Entries
 * without an average fill price are left out (their P&L cannot be computed).
 *
 * @param orders - Every tracked order.
 * @returns Trades with open units, in creation order.
 * @example
 * ```ts
 * for (const trade of openTrades(oms.orders())) console.log(trade.tradeId, trade.openUnits)
 * ```
 */
export function openTrades(orders: Iterable<ManagedOrder>): OpenTrade[] {
  const list = [...orders]
  const closed = new Map<string, number>()
  const working = new Map<string, number>()
  for (const order of list) {
    if (order.purpose !== 'exit' || order.closesOrderId === undefined) continue
    const id = order.closesOrderId
    closed.set(id, (closed.get(id) ?? 0) + order.filledQuantity)
    if (!isFinalStatus(order.status)) {
      working.set(id, (working.get(id) ?? 0) + order.quantity - order.filledQuantity)
    }
  }
  const trades: OpenTrade[] = []
  for (const order of list) {
    if (order.purpose !== 'entry' || order.external || order.filledQuantity === 0 || order.averageFillPrice === null) {
      continue
    }
    const openUnits = order.filledQuantity - (closed.get(order.clientOrderId) ?? 0)
    if (openUnits <= 0) continue
    trades.push({
      tradeId: order.clientOrderId,
      legs: order.legs,
      ...(order.strategyId === undefined ? {} : { strategyId: order.strategyId }),
      filledUnits: order.filledQuantity,
      openUnits,
      workingExitUnits: working.get(order.clientOrderId) ?? 0,
      entryNetPrice: toSignedNet(order.legs, order.averageFillPrice),
      openedAtMs: order.createdAtMs,
    })
  }
  return trades.sort((a, b) => a.openedAtMs - b.openedAtMs)
}
