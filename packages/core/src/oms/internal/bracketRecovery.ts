import { Decimal } from 'decimal.js'
import type { BracketOrder } from '../../orders/bracketOrder.js'
import { legIds } from '../../orders/legIds.js'
import { isFinalStatus } from '../../orders/orderStateMachine.js'
import type { Order, OrderIntent } from '../../trading/types.js'
import { BracketManagerError } from '../bracketManagerError.js'
import {
  afterTakeProfitAttempt,
  NO_TAKE_PROFIT_RETRY,
  type TakeProfitRetry,
  type TakeProfitRetryPolicy,
} from './bracketTakeProfitRetry.js'

/** What a bracket manager needs to go on managing a bracket sent before a restart. */
export interface RecoveredBracket {
  /** Every exit of the bracket the order manager knows, in creation order. */
  readonly exitIds: string[]
  /** The stop-loss to manage: the latest working one, else the latest one. */
  readonly stopId: string | undefined
  /** The take-profit to manage: the latest working one, else the latest one. */
  readonly takeProfitId: string | undefined
  /** Highest stop-loss number used (`<groupId>.sl.<n>`): the next is one more. */
  readonly stops: number
  /** Highest take-profit number used (`<groupId>.tp.<n>`). */
  readonly takeProfits: number
  /** The latest take-profit when it is final (its outcome is already in `retry`). */
  readonly settledTakeProfitId: string | undefined
  /** The cooldown rebuilt from the take-profits' outcomes, so a process restarting in a loop cannot storm. */
  readonly retry: TakeProfitRetry
}

interface NumberedExit {
  readonly order: Order
  readonly n: number
}

/** `n` of `<prefix><n>` with `n` a positive integer written without leading zeros, else `undefined`. */
function exitNumber(id: string, prefix: string): number | undefined {
  if (!id.startsWith(prefix)) return undefined
  const rest = id.slice(prefix.length)
  return /^[1-9][0-9]*$/.test(rest) ? Number(rest) : undefined
}

function latest(exits: readonly NumberedExit[]): Order | undefined {
  const byNumber = [...exits].sort((a, b) => b.n - a.n)
  return (byNumber.find((exit) => !isFinalStatus(exit.order.status)) ?? byNumber[0])?.order
}

function sameLegs(a: OrderIntent, b: OrderIntent): boolean {
  const idsA = legIds(a.legs)
  const idsB = legIds(b.legs)
  return (
    a.legs.length === b.legs.length &&
    a.legs.every((leg, i) => {
      const other = b.legs[i]
      return other !== undefined && idsA[i] === idsB[i] && leg.side === other.side && leg.ratio === other.ratio
    })
  )
}

function checkBracket(bracket: BracketOrder, entry: Order | undefined): Order {
  const { groupId } = bracket
  const malformed = [
    bracket.entry?.clientOrderId !== groupId && 'groupId is not the entry clientOrderId',
    !Decimal.isDecimal(bracket.takeProfit?.limitPrice) && 'takeProfit.limitPrice is not a Decimal',
    !Decimal.isDecimal(bracket.stopLoss?.stopPrice) && 'stopLoss.stopPrice is not a Decimal',
    !Array.isArray(bracket.takeProfit?.legs) && 'takeProfit.legs is not an array',
    !Array.isArray(bracket.stopLoss?.legs) && 'stopLoss.legs is not an array',
  ].filter((issue): issue is string => issue !== false)
  if (malformed.length > 0) {
    throw new BracketManagerError('invalid_bracket', groupId, `Bracket ${groupId} is malformed`, {
      details: `${malformed.join('; ')} (rebuild it with bracketOrder())`,
    })
  }
  if (entry === undefined) {
    throw new BracketManagerError(
      'unknown_entry',
      groupId,
      `The order manager knows no entry ${groupId}; resume after oms.start(), on the same journal`,
    )
  }
  const mismatches = [
    !sameLegs(entry, bracket.entry) && 'legs',
    entry.quantity !== bracket.entry.quantity && `quantity ${entry.quantity} vs ${bracket.entry.quantity}`,
    entry.mode !== bracket.entry.mode && `mode ${entry.mode} vs ${bracket.entry.mode}`,
  ].filter((issue): issue is string => issue !== false)
  if (mismatches.length > 0) {
    throw new BracketManagerError('entry_mismatch', groupId, `Entry ${groupId} differs from the bracket given`, {
      details: `differs in ${mismatches.join(', ')}`,
    })
  }
  return entry
}

/**
 * Rebuilds a bracket's state from the orders the order manager recovered from its journal and the broker: its
 * exits (`<groupId>.sl.<n>`, `<groupId>.tp.<n>`), which stop-loss and take-profit are current, the numbers used so
 * far (never reused), and the take-profit cooldown their outcomes imply.
 *
 * @param bracket - The bracket as the caller persisted it.
 * @param entry - The order manager's entry with the group id, if any.
 * @param orders - Every order the order manager tracks, in creation order.
 * @param policy - Take-profit cooldown waits.
 * @returns The state to manage the bracket from.
 * @throws {BracketManagerError} When the bracket is malformed, its entry unknown or different.
 * @example
 * ```ts
 * const state = recoverBracket(bracket, oms.order(bracket.groupId), oms.orders(), { retryMs: 5_000, retryMaxMs: 60_000 })
 * ```
 */
export function recoverBracket(
  bracket: BracketOrder,
  entry: Order | undefined,
  orders: readonly Order[],
  policy: TakeProfitRetryPolicy,
): RecoveredBracket {
  checkBracket(bracket, entry)
  const stopPrefix = `${bracket.groupId}.sl.`
  const takeProfitPrefix = `${bracket.groupId}.tp.`
  const stops: NumberedExit[] = []
  const takeProfits: NumberedExit[] = []
  for (const order of orders) {
    const stop = exitNumber(order.clientOrderId, stopPrefix)
    if (stop !== undefined) stops.push({ order, n: stop })
    const takeProfit = exitNumber(order.clientOrderId, takeProfitPrefix)
    if (takeProfit !== undefined) takeProfits.push({ order, n: takeProfit })
  }
  const takeProfit = latest(takeProfits)
  let retry = NO_TAKE_PROFIT_RETRY
  for (const { order } of [...takeProfits].sort((a, b) => a.n - b.n)) {
    if (isFinalStatus(order.status))
      retry = afterTakeProfitAttempt(retry, order.filledQuantity, order.updatedAtMs, policy)
  }
  const exitIds = new Set([...stops, ...takeProfits].map((exit) => exit.order.clientOrderId))
  return {
    exitIds: orders.map((order) => order.clientOrderId).filter((id) => exitIds.has(id)),
    stopId: latest(stops)?.clientOrderId,
    takeProfitId: takeProfit?.clientOrderId,
    stops: Math.max(0, ...stops.map((exit) => exit.n)),
    takeProfits: Math.max(0, ...takeProfits.map((exit) => exit.n)),
    settledTakeProfitId:
      takeProfit !== undefined && isFinalStatus(takeProfit.status) ? takeProfit.clientOrderId : undefined,
    retry,
  }
}
