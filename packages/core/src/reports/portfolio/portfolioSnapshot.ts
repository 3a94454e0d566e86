import type { Decimal } from 'decimal.js'
import type { CostBasisMethod } from './costBasisMethod.js'

/**
 * P&L figures in account currency. `realizedPnl` and `unrealizedPnl` are gross of commission;
 * `netPnl = realizedPnl + unrealizedPnl − commissions`.
 */
export interface PnlSummary {
  /** Gross P&L of closed units. */
  readonly realizedPnl: Decimal
  /** Gross P&L of open units at their mark. */
  readonly unrealizedPnl: Decimal
  /** Commissions and fees paid, positive. */
  readonly commissions: Decimal
  /** Realised plus unrealised minus commissions. */
  readonly netPnl: Decimal
}

/** One strategy's position in one instrument and its P&L. */
export interface PositionPnl extends PnlSummary {
  /** Strategy the position belongs to. */
  readonly strategyId: string
  /** Canonical instrument id. */
  readonly instrumentId: string
  /** Direction now; `flat` once every unit is closed (the realised P&L stays). */
  readonly side: 'long' | 'short' | 'flat'
  /** Units held, unsigned; 0 when flat. */
  readonly quantity: number
  /** Average open price per unit under the snapshot's method, or `null` when flat. */
  readonly averagePrice: Decimal | null
  /** Contract multiplier (100 for standard options, 1 for shares). */
  readonly multiplier: number
  /** Price the open units were valued at (latest mark or fill), or `null` when flat. */
  readonly markPrice: Decimal | null
}

/** One strategy's P&L across its positions. */
export interface StrategyPnl extends PnlSummary {
  /** Strategy id. */
  readonly strategyId: string
}

/** Portfolio P&L at a moment: per position, per strategy and in total. */
export interface PortfolioSnapshot {
  /** Cost-basis method the realised/unrealised split follows. */
  readonly method: CostBasisMethod
  /** Every position ever opened, ordered by strategy id then instrument id. */
  readonly positions: readonly PositionPnl[]
  /** Every strategy, ordered by id. */
  readonly strategies: readonly StrategyPnl[]
  /** Sum over all strategies. */
  readonly total: PnlSummary
}
