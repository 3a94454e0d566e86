import type { ManagedOrder } from '../../oms/managedOrder.js'
import { isFinalStatus } from '../../orders/orderStateMachine.js'

/** What an exit evaluation reads from the order list, in list order. */
export interface OrderIndex {
  /** Limit orders not in a final status (take-profits that may go stale among them). */
  readonly workingLimits: readonly ManagedOrder[]
  /**
   * Exit orders linked to a trade.
   *
   * @param tradeId - The trade's entry order id.
   * @returns Its exits, in list order.
   */
  exitsOf(tradeId: string): readonly ManagedOrder[]
}

const NONE: readonly ManagedOrder[] = Object.freeze([])

function sameElements<T>(a: readonly T[], b: readonly T[]): boolean {
  if (a.length !== b.length) return false
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false
  return true
}

/**
 * Creates an indexer of order lists for the exit manager, which reads the whole order list every second while it
 * changes only with the orders: the index of the last list is kept while a new list holds the same order objects
 * in the same order (orders are immutable values, replaced on every change).
 *
 * @returns A function from an order list to its index.
 * @example
 * ```ts
 * const indexOrders = createOrderIndexer()
 * for (const order of indexOrders(oms.orders()).workingLimits) checkStale(order)
 * ```
 */
export function createOrderIndexer(): (orders: readonly ManagedOrder[]) => OrderIndex {
  let last: { readonly orders: readonly ManagedOrder[]; readonly index: OrderIndex } | undefined
  return (orders) => {
    if (last !== undefined && sameElements(last.orders, orders)) return last.index
    const workingLimits: ManagedOrder[] = []
    const exits = new Map<string, ManagedOrder[]>()
    for (const order of orders) {
      if (order.type === 'LMT' && !isFinalStatus(order.status)) workingLimits.push(order)
      if (order.purpose !== 'exit' || order.closesOrderId === undefined) continue
      const group = exits.get(order.closesOrderId)
      if (group === undefined) exits.set(order.closesOrderId, [order])
      else group.push(order)
    }
    const index: OrderIndex = { workingLimits, exitsOf: (tradeId) => exits.get(tradeId) ?? NONE }
    last = { orders: [...orders], index }
    return index
  }
}
