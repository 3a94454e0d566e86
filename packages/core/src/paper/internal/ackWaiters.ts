import type { Order } from '../../trading/types.js'

interface Waiter {
  resolve(order: Order): void
  reject(error: unknown): void
}

/** Promises waiting for orders to leave `pending`, so `placeOrder` resolves with the acknowledged state. */
export interface AckWaiters {
  /** A promise for the order's first state after `pending`. */
  wait(clientOrderId: string): Promise<Order>
  /** Resolves the waiters of an order that is no longer pending. */
  settle(order: Order): void
  /** Rejects every waiter (the broker closed). */
  rejectAll(error: unknown): void
}

/**
 * Creates an empty set of acknowledgement waiters.
 *
 * @returns The waiters.
 * @example
 * ```ts
 * const waiters = createAckWaiters()
 * const acknowledged = waiters.wait('o1')
 * waiters.settle(submittedOrder)
 * ```
 */
export function createAckWaiters(): AckWaiters {
  const waiting = new Map<string, Waiter[]>()
  return {
    wait(clientOrderId) {
      return new Promise<Order>((resolve, reject) => {
        const list = waiting.get(clientOrderId) ?? []
        list.push({ resolve, reject })
        waiting.set(clientOrderId, list)
      })
    },
    settle(order) {
      if (order.status === 'pending') return
      const list = waiting.get(order.clientOrderId)
      waiting.delete(order.clientOrderId)
      for (const waiter of list ?? []) waiter.resolve(order)
    },
    rejectAll(error) {
      const lists = [...waiting.values()]
      waiting.clear()
      for (const list of lists) for (const waiter of list) waiter.reject(error)
    },
  }
}
