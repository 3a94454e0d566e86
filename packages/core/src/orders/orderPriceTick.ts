import type { Decimal } from 'decimal.js'
import type { OrderLeg } from '../trading/types.js'
import { InvalidOrderError } from './orderErrors.js'
import { isOnTick, RoundDirection, roundToTick } from './roundToTick.js'
import { fromSignedNet, isCombo, toSignedNet } from './signedNetPrice.js'
import { type TickRule, type TickTable, tickAt, tickRuleFor } from './tickTable.js'

/** Whether rounding may make a price less (`passive`) or more (`aggressive`) likely to fill. */
export const PriceAggression = { Passive: 'passive', Aggressive: 'aggressive' } as const
/** One of {@link PriceAggression}. */
export type PriceAggression = (typeof PriceAggression)[keyof typeof PriceAggression]

function legRule(legs: readonly OrderLeg[], table: TickTable): TickRule {
  const first = legs[0]
  if (!first) throw new InvalidOrderError(['an order needs at least one leg'])
  return tickRuleFor(table, first.instrument)
}

/**
 * The price increment of an order at a price: the combo increment for several legs, the instrument's
 * single-leg increment at that premium otherwise.
 *
 * @param legs - Legs of the order.
 * @param price - Price in the order's convention.
 * @param table - Tick table.
 * @returns The increment.
 * @example
 * ```ts
 * orderTick(verticalSpread({ long, short }).legs, new Decimal('1.2'), DEFAULT_TICK_TABLE)
 * ```
 */
export function orderTick(legs: readonly OrderLeg[], price: Decimal, table: TickTable): Decimal {
  const rule = legRule(legs, table)
  return isCombo(legs) ? rule.complexTick : tickAt(rule, price)
}

/**
 * Rounds an order price onto its tick grid. `passive` rounds toward the side that makes the order less likely
 * to fill (a buy down, a sell up, a combo's signed net down), so rounding never pays more than the policy meant;
 * `aggressive` rounds the other way (used for slippage, which must never flatter a fill). A single-leg price
 * that lands on the other side of the 3.00 threshold is re-checked against that side's increment.
 *
 * @param legs - Legs of the order.
 * @param price - Price in the order's convention.
 * @param table - Tick table.
 * @param aggression - Direction of rounding. @default 'passive'
 * @returns The rounded price in the order's convention.
 * @example
 * ```ts
 * roundOrderPrice([{ instrument: spxCall, side: 'buy', ratio: 1 }], new Decimal('3.07'), DEFAULT_TICK_TABLE)
 * // 3.00: buys round down, and SPX trades in 0.10 from 3.00
 * ```
 */
export function roundOrderPrice(
  legs: readonly OrderLeg[],
  price: Decimal,
  table: TickTable,
  aggression: PriceAggression = PriceAggression.Passive,
): Decimal {
  const direction = aggression === PriceAggression.Passive ? RoundDirection.Down : RoundDirection.Up
  const rule = legRule(legs, table)
  const signed = toSignedNet(legs, price)
  if (isCombo(legs)) return roundToTick(signed, rule.complexTick, direction)
  let rounded = roundToTick(signed, tickAt(rule, signed), direction)
  const tickThere = tickAt(rule, rounded)
  if (!isOnTick(rounded, tickThere)) rounded = roundToTick(rounded, tickThere, direction)
  return fromSignedNet(legs, rounded)
}

/**
 * Why a limit or stop price cannot be sent, or `undefined` when it can: single-leg prices must be positive and on
 * the increment of their premium level; combo net prices on the combo increment (zero and credits allowed).
 *
 * @param legs - Legs of the order.
 * @param price - Price in the order's convention.
 * @param table - Tick table.
 * @param label - Name of the price in the message (`limit price`).
 * @returns A sentence describing the problem, or `undefined`.
 * @example
 * ```ts
 * orderPriceIssue(legs, new Decimal('3.15'), DEFAULT_TICK_TABLE, 'limit price') // SPX: 'limit price 3.15 is not a multiple of 0.1'
 * ```
 */
export function orderPriceIssue(
  legs: readonly OrderLeg[],
  price: Decimal,
  table: TickTable,
  label: string,
): string | undefined {
  if (!price.isFinite()) return `${label} must be a finite number`
  if (!isCombo(legs) && price.lte(0)) return `${label} of a single-leg order must be positive, got ${price.toString()}`
  const tick = orderTick(legs, price, table)
  return isOnTick(price, tick) ? undefined : `${label} ${price.toString()} is not a multiple of ${tick.toString()}`
}
