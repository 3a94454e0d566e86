import type { Decimal } from 'decimal.js'
import { type OrderIntent, OrderType, TimeInForce } from '../trading/types.js'
import { createOrderIntent } from './createOrderIntent.js'
import { InvalidOrderError } from './orderErrors.js'
import { reverseLegs, toSignedNet } from './signedNetPrice.js'
import type { TickTable } from './tickTable.js'

/**
 * An entry with its two exits, one-cancels-other: when one exit fills, the other is cancelled; partial exits
 * shrink the sibling. The exits trade the entry's legs reversed and are placed only once the entry has filled
 * something (see `bracketFollowUp`, which says what to place, resize and cancel as orders change).
 */
export interface BracketOrder {
  /** Id shared by the group: the entry's client order id. */
  readonly groupId: string
  /** The opening order. */
  readonly entry: OrderIntent
  /** Limit order closing at a profit (`<entry id>.tp`). */
  readonly takeProfit: OrderIntent
  /** Stop or stop-limit order closing at a loss (`<entry id>.sl`). */
  readonly stopLoss: OrderIntent
}

/** Input of {@link bracketOrder}. Exit prices are in the exit order's own convention. */
export interface BracketInput {
  /** The entry order. */
  readonly entry: OrderIntent
  /** Take-profit limit: the sell price of a long, the buy-back price of a short, the reversed combo's net. */
  readonly takeProfitPrice: Decimal
  /** Stop-loss trigger, same convention. */
  readonly stopLossPrice: Decimal
  /** When given, the stop-loss becomes a stop-limit with this limit (at least as aggressive as the trigger). */
  readonly stopLossLimitPrice?: Decimal
  /** Tick table for the price checks. */
  readonly tickTable?: TickTable
}

/**
 * Builds a bracket: entry plus take-profit and stop-loss exits (DAY) on the reversed legs, after checking that the
 * take-profit is on the profitable side of the entry price, the stop on the losing side, and a stop-limit's limit
 * no less aggressive than its trigger. Prices are compared as the value the exit realises for the position, so
 * the same rule holds for longs, shorts, debit and credit combos.
 *
 * @param input - Entry and exit prices.
 * @returns The typed group.
 * @throws {InvalidOrderError} When an exit is on the wrong side or an order is invalid.
 * @example
 * ```ts
 * const bracket = bracketOrder({
 *   entry: createOrderIntent({ clientOrderId: 'c1', legs: [{ instrument: call, side: 'buy', ratio: 1 }], quantity: 1, limitPrice: new Decimal('2') }),
 *   takeProfitPrice: new Decimal('3'),
 *   stopLossPrice: new Decimal('1.5'),
 * })
 * ```
 */
export function bracketOrder(input: BracketInput): BracketOrder {
  const { entry } = input
  const exitLegs = reverseLegs(entry.legs)
  const base = {
    legs: exitLegs,
    quantity: entry.quantity,
    timeInForce: TimeInForce.Day,
    mode: entry.mode,
    ...(entry.strategyId === undefined ? {} : { strategyId: entry.strategyId }),
    ...(input.tickTable === undefined ? {} : { tickTable: input.tickTable }),
  }
  const takeProfit = createOrderIntent({
    ...base,
    clientOrderId: `${entry.clientOrderId}.tp`,
    type: OrderType.Limit,
    limitPrice: input.takeProfitPrice,
  })
  const stopLoss = createOrderIntent({
    ...base,
    clientOrderId: `${entry.clientOrderId}.sl`,
    type: input.stopLossLimitPrice === undefined ? OrderType.Stop : OrderType.StopLimit,
    stopPrice: input.stopLossPrice,
    ...(input.stopLossLimitPrice === undefined ? {} : { limitPrice: input.stopLossLimitPrice }),
  })
  const issues = sideIssues(input, exitLegs)
  if (issues.length > 0) throw new InvalidOrderError(issues, entry.clientOrderId)
  return Object.freeze({ groupId: entry.clientOrderId, entry, takeProfit, stopLoss })
}

function sideIssues(input: BracketInput, exitLegs: ReturnType<typeof reverseLegs>): string[] {
  // Value realised by the exit for one unit of the position: minus the signed cost of the exit package.
  const realised = (price: Decimal) => toSignedNet(exitLegs, price).negated()
  const takeProfit = realised(input.takeProfitPrice)
  const stop = realised(input.stopLossPrice)
  const issues: string[] = []
  if (!takeProfit.gt(stop)) issues.push('take-profit must realise more than the stop-loss')
  const limit = input.entry.limitPrice
  if (limit !== undefined) {
    const paid = toSignedNet(input.entry.legs, limit)
    if (!takeProfit.gt(paid)) issues.push('take-profit is not on the profitable side of the entry price')
    if (!stop.lt(paid)) issues.push('stop-loss is not on the losing side of the entry price')
  }
  if (input.stopLossLimitPrice !== undefined && realised(input.stopLossLimitPrice).gt(stop)) {
    issues.push('stop-loss limit must be at least as aggressive as its trigger')
  }
  return issues
}
