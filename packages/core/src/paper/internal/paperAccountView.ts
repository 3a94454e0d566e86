import { Decimal } from 'decimal.js'
import type { Account, TradingMode } from '../../trading/types.js'
import type { PriceLookup } from '../marginRequirement.js'
import type { LedgerPosition } from '../positionLedger.js'

/** Input of {@link paperAccountView}. */
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

/**
 * The account's balances: equity is cash plus every position marked to its mid (longs add, shorts owe);
 * unrealised P&L compares marks with the exact open cost; buying power is cash minus the margin requirement.
 *
 * @param input - Cash, P&L, positions, marks and requirement.
 * @returns The account.
 * @example
 * ```ts
 * account$.next(paperAccountView({ accountId, mode: 'paper', cash, realizedPnl, positions, markOf, requirement, nowMs }))
 * ```
 */
export function paperAccountView(input: PaperAccountInput): Account {
  let marketValue = new Decimal(0)
  let unrealizedPnl = new Decimal(0)
  for (const { position, openCost } of input.positions) {
    const mark = input.markOf(position.instrumentId) ?? position.averagePrice
    const value = mark.times(position.quantity)
    const sign = position.side === 'long' ? 1 : -1
    marketValue = marketValue.plus(value.times(position.multiplier).times(sign))
    unrealizedPnl = unrealizedPnl.plus(value.minus(openCost).times(position.multiplier).times(sign))
  }
  return {
    accountId: input.accountId,
    mode: input.mode,
    cash: input.cash,
    equity: input.cash.plus(marketValue),
    buyingPower: input.cash.minus(input.requirement),
    realizedPnl: input.realizedPnl,
    unrealizedPnl,
    timestampMs: input.nowMs,
  }
}
