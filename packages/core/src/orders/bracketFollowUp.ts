import type { Order, OrderIntent } from '../trading/types.js'
import type { BracketOrder } from './bracketOrder.js'
import { isFinalStatus } from './orderStateMachine.js'

/** Something the order manager must do to keep a bracket consistent. */
export type BracketAction =
  | { readonly kind: 'place'; readonly intent: OrderIntent }
  | { readonly kind: 'modify'; readonly clientOrderId: string; readonly quantity: number }
  | { readonly kind: 'cancel'; readonly clientOrderId: string; readonly reason: string }
  | { readonly kind: 'unprotected'; readonly clientOrderId: string; readonly openQuantity: number }

/** Latest known state of each order of a bracket; `undefined` when not placed yet. */
export interface BracketState {
  /** The entry. */
  readonly entry?: Order
  /** The take-profit exit. */
  readonly takeProfit?: Order
  /** The stop-loss exit. */
  readonly stopLoss?: Order
}

function exitActions(intent: OrderIntent, order: Order | undefined, open: number): BracketAction[] {
  if (order === undefined) return open > 0 ? [{ kind: 'place', intent: { ...intent, quantity: open } }] : []
  if (isFinalStatus(order.status)) {
    return open > 0 ? [{ kind: 'unprotected', clientOrderId: order.clientOrderId, openQuantity: open }] : []
  }
  if (open === 0) return [{ kind: 'cancel', clientOrderId: order.clientOrderId, reason: 'one-cancels-other' }]
  const target = order.filledQuantity + open
  return target === order.quantity ? [] : [{ kind: 'modify', clientOrderId: order.clientOrderId, quantity: target }]
}

/**
 * Decides what keeps a bracket consistent after any of its orders changed. Open quantity is what the entry filled
 * minus what both exits filled; each working exit is sized to cover exactly that (placed once the entry fills
 * anything, grown as the entry fills more, shrunk when the sibling fills partly) and cancelled as soon as nothing
 * is open (one-cancels-other), so an exit can never close more than is held. An exit that is final while
 * quantity is open (it was cancelled or rejected, or the entry filled more after the exits closed everything) is
 * reported as `unprotected`: the caller re-protects under a new id or flattens. Pure: call it on every update.
 *
 * @param bracket - The bracket.
 * @param state - Latest state of its orders.
 * @returns Actions in the order to perform them (possibly none).
 * @example
 * ```ts
 * for (const action of bracketFollowUp(bracket, { entry, takeProfit, stopLoss })) await perform(action)
 * ```
 */
export function bracketFollowUp(bracket: BracketOrder, state: BracketState): BracketAction[] {
  const entryFilled = state.entry?.filledQuantity ?? 0
  const exited = (state.takeProfit?.filledQuantity ?? 0) + (state.stopLoss?.filledQuantity ?? 0)
  const open = Math.max(entryFilled - exited, 0)
  if (entryFilled === 0) {
    return [state.takeProfit, state.stopLoss]
      .filter((order): order is Order => order !== undefined && !isFinalStatus(order.status))
      .map((order) => ({ kind: 'cancel', clientOrderId: order.clientOrderId, reason: 'entry has no fill' }))
  }
  return [
    ...exitActions(bracket.takeProfit, state.takeProfit, open),
    ...exitActions(bracket.stopLoss, state.stopLoss, open),
  ]
}
