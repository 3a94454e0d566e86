import { PermanentError } from '../errors/baseError.js'

/** Why the risk engine refused an order. Each pre-trade check has its own code. */
export const RiskRejectionCode = {
  /** The intent is malformed (quantity, legs, prices, instrument kinds). */
  InvalidIntent: 'invalid_intent',
  /** The intent's mode differs from the engine's (a live intent on a paper system or the reverse). */
  ModeMismatch: 'mode_mismatch',
  /** Halted: no new risk. */
  Halted: 'halted',
  /** Reducing: exits only. */
  ReducingOnly: 'reducing_only',
  /** Labelled an exit but would open or increase a position (beyond what other working exits already close). */
  NotReducing: 'not_reducing',
  /** A leg's contracts exceed `maxContractsPerOrder`. */
  ContractsPerOrder: 'contracts_per_order',
  /** Gross premium exceeds `maxNotionalPerOrder`. */
  NotionalPerOrder: 'notional_per_order',
  /** Open instruments on one underlying would exceed `maxPositionsPerSymbol`. */
  PositionsPerSymbol: 'positions_per_symbol',
  /** Open instruments in total would exceed `maxPositionsTotal`. */
  PositionsTotal: 'positions_total',
  /** Worst-case capital needed exceeds the buying power left after working orders. */
  BuyingPower: 'buying_power',
  /** Portfolio dollar delta would exceed `maxPortfolioDeltaDollars`. */
  PortfolioDelta: 'portfolio_delta',
  /** Portfolio dollar gamma would exceed `maxPortfolioGammaDollars`. */
  PortfolioGamma: 'portfolio_gamma',
  /** More than `maxOrdersPerWindow` entries in the rolling window. */
  RateLimit: 'rate_limit',
  /** New entry in a contract expiring today after the 0DTE entry cutoff. */
  ZeroDteCutoff: 'zero_dte_cutoff',
  /** A leg has already expired. */
  ExpiredInstrument: 'expired_instrument',
  /** The order's own maximum loss exceeds `maxLossPerOrder`. */
  MaxLossPerOrder: 'max_loss_per_order',
  /** The order's loss is unbounded (naked short call, short stock) and `allowUndefinedRisk` is off. */
  UndefinedRisk: 'undefined_risk',
  /** A mark or greeks needed by a check are missing. */
  MissingMarketData: 'missing_market_data',
} as const
/** One of {@link RiskRejectionCode}. */
export type RiskRejectionCode = (typeof RiskRejectionCode)[keyof typeof RiskRejectionCode]

/** A refused order: which check, why, and the numbers compared. */
export interface RiskRejection {
  /** The check that refused. */
  readonly code: RiskRejectionCode
  /** Readable explanation with the figures. */
  readonly message: string
  /** The configured limit, when a limit was compared. */
  readonly limit?: string
  /** The value that breached it. */
  readonly actual?: string
}

/**
 * Thrown by `orderManager.submit` when the risk engine refuses an order. Never retryable as is: the same order
 * would be refused again until positions, prices or the risk state change.
 *
 * @example
 * ```ts
 * try {
 *   await oms.submit(intent, 'entry')
 * } catch (error) {
 *   if (error instanceof RiskRejectedError && error.rejection.code === 'rate_limit') await later()
 * }
 * ```
 */
export class RiskRejectedError extends PermanentError {
  override name = 'RiskRejectedError'
  /** The rejection. */
  readonly rejection: RiskRejection
  /** The order refused. */
  readonly clientOrderId: string

  constructor(clientOrderId: string, rejection: RiskRejection) {
    super(`Order ${clientOrderId} rejected by risk: ${rejection.code}`, {
      details: rejection.message,
      docsPath: 'guides/risk.md',
    })
    this.rejection = rejection
    this.clientOrderId = clientOrderId
  }
}
