import { isFinalStatus } from '../../orders/orderStateMachine.js'
import type { Order } from '../../trading/types.js'

/** The next thing a bracket manager does for one bracket; see {@link nextBracketStep}. */
export type BracketStep =
  | { readonly kind: 'wait' }
  | { readonly kind: 'cancel'; readonly clientOrderId: string; readonly reason: string }
  | { readonly kind: 'place_stop'; readonly quantity: number }
  | { readonly kind: 'send_take_profit'; readonly quantity: number }
  | { readonly kind: 'end'; readonly reason: string }

/** What {@link nextBracketStep} decides from. */
export interface BracketStepInput {
  /** The entry as the order manager tracks it; `undefined` until it is known. */
  readonly entry: Order | undefined
  /** The latest stop-loss order, if one was placed. */
  readonly stopLoss: Order | undefined
  /** The latest take-profit order, if one was sent. */
  readonly takeProfit: Order | undefined
  /** Units filled by every exit of the bracket so far. */
  readonly exitFilledQuantity: number
  /** Whether an evaluation found the take-profit price reached and it has not been acted on yet. */
  readonly takeProfitDue: boolean
  /** Orders whose cancellation was requested and acknowledged as still working: never requested twice. */
  readonly cancelling: ReadonlySet<string>
  /**
   * The bracket's other exits (earlier stop-losses and take-profits). Normally all final; one still working (found
   * when resuming after a restart) is cancelled before anything else, so only one exit ever works. @default []
   */
  readonly otherExits?: readonly Order[]
}

const working = (order: Order | undefined): order is Order => order !== undefined && !isFinalStatus(order.status)

/**
 * Units the bracket holds: what the entry filled less what its exits filled (never negative).
 *
 * @param entry - The entry, if known.
 * @param exitFilledQuantity - Units filled by the exits.
 * @returns Open units.
 * @example
 * ```ts
 * bracketOpenQuantity(entry, 1) // entry filled 3 → 2
 * ```
 */
export function bracketOpenQuantity(entry: Order | undefined, exitFilledQuantity: number): number {
  return Math.max((entry?.filledQuantity ?? 0) - exitFilledQuantity, 0)
}

/**
 * Decides one step of a bracket from the latest state of its orders. The two exits are never working together:
 * a superseded exit still working is cancelled first; nothing else happens while a take-profit works; a stop-loss is resized or given way to the take-profit only by
 * cancelling it and waiting until the broker says it is final (it may fill meanwhile, and what it filled then
 * counts). Pure and idempotent: the same state always gives the same step.
 *
 * @param input - Orders of the bracket and pending decisions.
 * @returns The step to perform.
 * @example
 * ```ts
 * nextBracketStep({ entry, stopLoss: undefined, takeProfit: undefined, exitFilledQuantity: 0, takeProfitDue: false, cancelling: new Set() })
 * // { kind: 'place_stop', quantity: entry.filledQuantity }
 * ```
 */
export function nextBracketStep(input: BracketStepInput): BracketStep {
  const { entry, stopLoss, takeProfit } = input
  if (entry === undefined) return { kind: 'wait' }
  const cancel = (order: Order, reason: string): BracketStep =>
    input.cancelling.has(order.clientOrderId)
      ? { kind: 'wait' }
      : { kind: 'cancel', clientOrderId: order.clientOrderId, reason }
  const superseded = input.otherExits?.find(working)
  if (superseded !== undefined) return cancel(superseded, 'superseded exit')
  if (working(takeProfit)) return { kind: 'wait' }
  const open = bracketOpenQuantity(entry, input.exitFilledQuantity)
  if (open === 0) {
    if (working(stopLoss)) return cancel(stopLoss, 'nothing open')
    if (!isFinalStatus(entry.status)) return { kind: 'wait' }
    return { kind: 'end', reason: entry.filledQuantity === 0 ? `entry ${entry.status} without fills` : 'closed' }
  }
  if (input.takeProfitDue) {
    return working(stopLoss) ? cancel(stopLoss, 'take-profit reached') : { kind: 'send_take_profit', quantity: open }
  }
  if (working(stopLoss)) {
    const remaining = stopLoss.quantity - stopLoss.filledQuantity
    return remaining === open ? { kind: 'wait' } : cancel(stopLoss, `resize from ${remaining} to ${open}`)
  }
  return { kind: 'place_stop', quantity: open }
}
