import type { Decimal } from 'decimal.js'
import type { ManagedOrder } from '../../oms/managedOrder.js'
import { EXPIRATION_ORDER_PREFIX } from '../../paper/expirationExecutions.js'
import { instrumentFromId } from '../../reports/portfolio/instrumentResolver.js'
import { UNATTRIBUTED_STRATEGY } from '../../reports/portfolio/strategyAttribution.js'
import type { Fill } from '../../trading/types.js'

/** A fill (or the share of a fill) that belongs to one entry order and its strategy. */
export interface TradeFill extends Fill {
  /** Strategy of the entry. */
  readonly strategyId: string
  /** Client order id of the entry order whose position this fill opens or closes. */
  readonly entryId: string
}

/** Holdings of one entry: instrument id → signed units. */
type Book = Map<string, number>

interface ShareClaim {
  readonly entryId: string
  readonly underlying: string
  readonly strike: number
  readonly receivesShares: boolean
  shares: number
}

function entryOf(order: ManagedOrder | undefined): string | undefined {
  if (order === undefined || order.external) return undefined
  return order.purpose === 'entry' ? order.clientOrderId : order.closesOrderId
}

function part(fill: Fill, entryId: string, strategyId: string, quantity: number, n: number, parts: number): TradeFill {
  const commission: Decimal = parts === 1 ? fill.commission : fill.commission.times(quantity).dividedBy(fill.quantity)
  return {
    ...fill,
    fillId: parts === 1 ? fill.fillId : `${fill.fillId}/${n + 1}`,
    quantity,
    commission,
    strategyId,
    entryId,
  }
}

/**
 * Assigns every fill to the entry order whose position it opens or closes. Fills of entries and of their linked
 * exits carry the entry directly. Fills of no such order — the paper broker's expiration, exercise and assignment
 * records, kill-switch flattening — are split across the entries holding the instrument in the opposite direction,
 * oldest first; shares from exercise or assignment go to the entries whose in-the-money contracts (same
 * underlying, strike and direction) produced them. Whatever no entry holds stays `unattributed`.
 *
 * @param fills - Broker fills in execution order.
 * @param orders - Every order the order manager handled.
 * @returns The fills, split where needed, each with its entry and strategy.
 */
export function attributeFills(fills: readonly Fill[], orders: readonly ManagedOrder[]): TradeFill[] {
  const byId = new Map(orders.map((order) => [order.clientOrderId, order] as const))
  const strategyOfEntry = (entryId: string) => byId.get(entryId)?.strategyId ?? UNATTRIBUTED_STRATEGY
  const books = new Map<string, Book>()
  const claims = new Map<string, ShareClaim[]>()
  const out: TradeFill[] = []

  const hold = (entryId: string, instrumentId: string, signed: number) => {
    const book = books.get(entryId) ?? new Map<string, number>()
    book.set(instrumentId, (book.get(instrumentId) ?? 0) + signed)
    books.set(entryId, book)
  }
  const emit = (fill: Fill, allocations: readonly (readonly [string, number])[]) => {
    const sign = fill.side === 'buy' ? 1 : -1
    allocations.forEach(([entryId, quantity], n) => {
      out.push(part(fill, entryId, strategyOfEntry(entryId), quantity, n, allocations.length))
      hold(entryId, fill.instrumentId, sign * quantity)
    })
  }

  for (const fill of fills) {
    const entryId = entryOf(byId.get(fill.clientOrderId))
    if (entryId !== undefined) {
      emit(fill, [[entryId, fill.quantity]])
      continue
    }
    const instrument = instrumentFromId(fill.instrumentId)
    const expiration = fill.clientOrderId.startsWith(EXPIRATION_ORDER_PREFIX)
    const allocations: [string, number][] = []
    let remaining = fill.quantity
    if (expiration && instrument.kind === 'equity') {
      const strike = fill.price.toNumber()
      for (const claim of claims.get(fill.clientOrderId) ?? []) {
        if (remaining === 0) break
        const matches = claim.underlying === instrument.symbol && claim.strike === strike && claim.shares > 0
        if (!matches || claim.receivesShares !== (fill.side === 'buy')) continue
        const quantity = Math.min(remaining, claim.shares)
        claim.shares -= quantity
        remaining -= quantity
        allocations.push([claim.entryId, quantity])
      }
    } else {
      const sign = fill.side === 'buy' ? 1 : -1
      for (const [holder, book] of books) {
        if (remaining === 0) break
        const held = book.get(fill.instrumentId) ?? 0
        if (held * sign >= 0) continue
        const quantity = Math.min(remaining, Math.abs(held))
        remaining -= quantity
        allocations.push([holder, quantity])
        if (expiration && instrument.kind === 'option') {
          const list = claims.get(fill.clientOrderId) ?? []
          list.push({
            entryId: holder,
            underlying: instrument.underlying,
            strike: instrument.strike,
            receivesShares: (instrument.right === 'call') === (fill.side === 'sell'),
            shares: quantity * instrument.multiplier,
          })
          claims.set(fill.clientOrderId, list)
        }
      }
    }
    if (remaining > 0) allocations.push([UNATTRIBUTED_STRATEGY, remaining])
    emit(fill, allocations)
  }
  return out
}
