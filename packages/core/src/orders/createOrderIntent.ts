import type { Decimal } from 'decimal.js'
import { type OrderIntent, type OrderLeg, OrderType, TimeInForce, TradingMode } from '../trading/types.js'
import type { OptionStructure } from './optionStructures.js'
import { InvalidOrderError } from './orderErrors.js'
import { orderIntentIssues } from './orderIntentIssues.js'
import { DEFAULT_TICK_TABLE, type TickTable } from './tickTable.js'

/** Input of {@link createOrderIntent}: either a built structure or raw legs. */
export interface OrderIntentInput {
  /** Caller-chosen id, unique per account: the idempotency key. */
  readonly clientOrderId: string
  /** A structure from the builders (`verticalSpread`, `ironCondor` …); or give `legs`. */
  readonly structure?: OptionStructure
  /** Raw legs, when not using a structure. */
  readonly legs?: readonly OrderLeg[]
  /** Units (contracts, or structures for combos). */
  readonly quantity: number
  /** Order type. @default 'LMT' */
  readonly type?: OrderType
  /** Limit price: instrument price for one leg, signed net per unit for combos (negative = credit). */
  readonly limitPrice?: Decimal
  /** Stop trigger price, same convention. */
  readonly stopPrice?: Decimal
  /** Time in force. @default 'DAY' */
  readonly timeInForce?: TimeInForce
  /** Strategy that produced it. */
  readonly strategyId?: string
  /** Trading mode. @default 'paper' */
  readonly mode?: TradingMode
  /** Tick table for the price checks. @default DEFAULT_TICK_TABLE */
  readonly tickTable?: TickTable
}

/**
 * Builds a checked order intent: one order for a single leg or a whole combo, with every field validated (see
 * `orderIntentIssues`). Invalid input throws one error listing every problem, so a bad order never reaches a
 * broker.
 *
 * @param input - Legs or structure, quantity, type, prices, time in force.
 * @returns A frozen intent.
 * @throws {InvalidOrderError} When anything is wrong.
 * @example
 * ```ts
 * const intent = createOrderIntent({
 *   clientOrderId: 'ic-0930-1',
 *   structure: ironCondor({ putWing, putBody, callBody, callWing, side: 'sell' }),
 *   quantity: 2,
 *   limitPrice: new Decimal('-1.45'),
 * })
 * ```
 */
export function createOrderIntent(input: OrderIntentInput): OrderIntent {
  const legs = input.structure?.legs ?? input.legs
  if (input.structure && input.legs) {
    throw new InvalidOrderError(['give either structure or legs, not both'], input.clientOrderId)
  }
  const intent: OrderIntent = {
    clientOrderId: input.clientOrderId,
    legs: Object.freeze([...(legs ?? [])]),
    quantity: input.quantity,
    type: input.type ?? OrderType.Limit,
    timeInForce: input.timeInForce ?? TimeInForce.Day,
    mode: input.mode ?? TradingMode.Paper,
    ...(input.limitPrice === undefined ? {} : { limitPrice: input.limitPrice }),
    ...(input.stopPrice === undefined ? {} : { stopPrice: input.stopPrice }),
    ...(input.strategyId === undefined ? {} : { strategyId: input.strategyId }),
  }
  const issues = orderIntentIssues(intent, input.tickTable ?? DEFAULT_TICK_TABLE)
  if (issues.length > 0) throw new InvalidOrderError(issues, input.clientOrderId)
  return Object.freeze(intent)
}
