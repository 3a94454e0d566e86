import { Decimal } from 'decimal.js'
import { instrumentId } from '../instruments/instrumentId.js'
import { type OrderIntent, OrderType, TimeInForce, TradingMode } from '../trading/types.js'
import { orderPriceIssue } from './orderPriceTick.js'
import { DEFAULT_TICK_TABLE, type TickTable } from './tickTable.js'

const ORDER_TYPES = new Set<string>(Object.values(OrderType))
const TIME_IN_FORCE = new Set<string>(Object.values(TimeInForce))
const MODES = new Set<string>(Object.values(TradingMode))

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b)
}

function legIssues(intent: OrderIntent): string[] {
  const issues: string[] = []
  if (!Array.isArray(intent.legs) || intent.legs.length === 0) return ['an order needs at least one leg']
  const ids = new Set<string>()
  let divisor = 0
  for (const leg of intent.legs) {
    if (leg.side !== 'buy' && leg.side !== 'sell') issues.push('leg side must be "buy" or "sell"')
    if (!Number.isSafeInteger(leg.ratio) || leg.ratio <= 0) issues.push(`leg ratio must be a positive integer`)
    else divisor = gcd(divisor, leg.ratio)
    if (leg.instrument.kind === 'index') issues.push(`index ${leg.instrument.symbol} is not tradable`)
    const id = instrumentId(leg.instrument)
    if (ids.has(id)) issues.push(`instrument ${id} appears in two legs`)
    ids.add(id)
  }
  if (intent.legs.length === 1 && intent.legs[0]?.ratio !== 1) issues.push('a single-leg order has ratio 1')
  if (divisor > 1) issues.push(`leg ratios must be reduced (divide by ${divisor} and multiply the quantity)`)
  if (intent.legs.length > 1) issues.push(...comboIssues(intent))
  return issues
}

function comboIssues(intent: OrderIntent): string[] {
  const options = intent.legs.map((leg) => leg.instrument)
  const first = options[0]
  if (options.some((instrument) => instrument.kind !== 'option') || !first || first.kind !== 'option') {
    return ['combo legs must all be options']
  }
  const issues: string[] = []
  for (const option of options) {
    if (option.kind !== 'option') continue
    if (option.underlying !== first.underlying) issues.push('combo legs must share the underlying')
    if (option.expiry !== first.expiry) issues.push('combo legs must share the expiry')
    if (option.multiplier !== first.multiplier) issues.push('combo legs must share the multiplier')
  }
  return issues
}

function priceIssues(intent: OrderIntent, table: TickTable): string[] {
  const issues: string[] = []
  const needsLimit = intent.type === OrderType.Limit || intent.type === OrderType.StopLimit
  const needsStop = intent.type === OrderType.Stop || intent.type === OrderType.StopLimit
  if (needsLimit && intent.limitPrice === undefined) issues.push(`${intent.type} order needs a limit price`)
  if (!needsLimit && intent.limitPrice !== undefined) issues.push(`${intent.type} order takes no limit price`)
  if (needsStop && intent.stopPrice === undefined) issues.push(`${intent.type} order needs a stop price`)
  if (!needsStop && intent.stopPrice !== undefined) issues.push(`${intent.type} order takes no stop price`)
  if (needsStop && intent.timeInForce === TimeInForce.ImmediateOrCancel) issues.push('stop orders cannot be IOC')
  if (issues.length > 0 || legIssues(intent).length > 0) return issues
  for (const [label, price] of [
    ['limit price', intent.limitPrice],
    ['stop price', intent.stopPrice],
  ] as const) {
    if (price === undefined) continue
    if (!Decimal.isDecimal(price)) {
      issues.push(`${label} must be a Decimal`)
      continue
    }
    const issue = orderPriceIssue(intent.legs, price, table, label)
    if (issue) issues.push(issue)
  }
  return issues
}

/**
 * Every reason an order intent cannot be sent, empty when it can: a non-empty client id, legs that form one order
 * (reduced integer ratios, no repeated instrument, combos of options on one underlying and expiry), a positive
 * integer quantity, a known type, time in force and mode, the prices its type needs (and no others) on the tick
 * grid. Brokers call it before accepting an order; `createOrderIntent` throws with its result.
 *
 * @param intent - The intent to check (untrusted input is fine: every field is checked).
 * @param tickTable - Tick table. @default DEFAULT_TICK_TABLE
 * @returns Sentences, one per problem.
 * @example
 * ```ts
 * const issues = orderIntentIssues(intent)
 * if (issues.length > 0) reject(issues.join('; '))
 * ```
 */
export function orderIntentIssues(intent: OrderIntent, tickTable: TickTable = DEFAULT_TICK_TABLE): string[] {
  const issues: string[] = []
  if (typeof intent.clientOrderId !== 'string' || intent.clientOrderId.trim() === '') {
    issues.push('clientOrderId must be a non-empty string')
  }
  if (!Number.isSafeInteger(intent.quantity) || intent.quantity <= 0) {
    issues.push(`quantity must be a positive integer, got ${String(intent.quantity)}`)
  }
  if (!ORDER_TYPES.has(intent.type)) issues.push(`unknown order type ${String(intent.type)}`)
  if (!TIME_IN_FORCE.has(intent.timeInForce)) issues.push(`unknown time in force ${String(intent.timeInForce)}`)
  if (!MODES.has(intent.mode)) issues.push(`unknown trading mode ${String(intent.mode)}`)
  issues.push(...legIssues(intent))
  if (ORDER_TYPES.has(intent.type)) issues.push(...priceIssues(intent, tickTable))
  return [...new Set(issues)]
}
