import { Decimal } from 'decimal.js'
import type { Account, TradingMode } from '../../trading/types.js'
import type { PriceLookup } from '../marginRequirement.js'
import type { LedgerPosition } from '../positionLedger.js'

/** Input of the view made by {@link createPaperAccountView}. */
export interface PaperAccountInput {
  /** Account id. */
  readonly accountId: string
  /** Trading mode stamped on the account. */
  readonly mode: TradingMode
  /** Cash balance. */
  readonly cash: Decimal
  /** Realised P&L of the current session. */
  readonly realizedPnl: Decimal
  /** Open positions. */
  readonly positions: readonly LedgerPosition[]
  /** Mark (mid) by canonical id; positions without one are marked at their average price. */
  readonly markOf: PriceLookup
  /** Margin requirement of the positions. */
  readonly requirement: Decimal
  /** Time of the figures. */
  readonly nowMs: number
}

/** What one position adds to the account at one mark. */
interface PositionTerms {
  readonly entry: LedgerPosition
  readonly mark: Decimal
  readonly marketValue: Decimal
  readonly unrealizedPnl: Decimal
}

/**
 * Creates the account view of one broker: equity is cash plus every position marked to its mid (longs add,
 * shorts owe); unrealised P&L compares marks with the exact open cost; buying power is cash minus the margin
 * requirement. The account is marked every second while positions and most of their marks stay the same, so each
 * position's figures are kept with the position entry and mark they came from (both immutable values) and
 * reused while those are the same objects; the sums are taken afresh in position order.
 *
 * @returns A function from cash, P&L, positions, marks and requirement to the account.
 * @example
 * ```ts
 * const accountView = createPaperAccountView()
 * account$.next(accountView({ accountId, mode: 'paper', cash, realizedPnl, positions, markOf, requirement, nowMs }))
 * ```
 */
export function createPaperAccountView(): (input: PaperAccountInput) => Account {
  let terms = new Map<string, PositionTerms>()
  // The terms of the last call in position order, and the sums taken from them: while every term, the cash and
  // the requirement are the same objects, the sums are too.
  let order: PositionTerms[] = []
  let sums: { marketValue: Decimal; unrealizedPnl: Decimal } | undefined
  let totals: { cash: Decimal; requirement: Decimal; equity: Decimal; buyingPower: Decimal } | undefined
  return (input) => {
    const current: PositionTerms[] = []
    let same = sums !== undefined && input.positions.length === order.length
    for (const entry of input.positions) {
      const { position, openCost } = entry
      const mark = input.markOf(position.instrumentId) ?? position.averagePrice
      let term = terms.get(position.instrumentId)
      if (term === undefined || term.entry !== entry || term.mark !== mark) {
        const value = mark.times(position.quantity)
        const sign = position.side === 'long' ? 1 : -1
        term = {
          entry,
          mark,
          marketValue: value.times(position.multiplier).times(sign),
          unrealizedPnl: value.minus(openCost).times(position.multiplier).times(sign),
        }
      }
      if (term !== order[current.length]) same = false
      current.push(term)
    }
    if (!same || sums === undefined) {
      const next = new Map<string, PositionTerms>()
      let marketValue = new Decimal(0)
      let unrealizedPnl = new Decimal(0)
      for (const term of current) {
        next.set(term.entry.position.instrumentId, term)
        marketValue = marketValue.plus(term.marketValue)
        unrealizedPnl = unrealizedPnl.plus(term.unrealizedPnl)
      }
      terms = next
      sums = { marketValue, unrealizedPnl }
      totals = undefined
    }
    order = current
    const { cash, requirement } = input
    if (totals === undefined || totals.cash !== cash || totals.requirement !== requirement) {
      totals = { cash, requirement, equity: cash.plus(sums.marketValue), buyingPower: cash.minus(requirement) }
    }
    return {
      accountId: input.accountId,
      mode: input.mode,
      cash,
      equity: totals.equity,
      buyingPower: totals.buyingPower,
      realizedPnl: input.realizedPnl,
      unrealizedPnl: sums.unrealizedPnl,
      timestampMs: input.nowMs,
    }
  }
}
