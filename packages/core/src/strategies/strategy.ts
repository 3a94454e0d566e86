import type { CorrelationSnapshot } from '../correlation/correlationSnapshot.js'
import type { OptionStructure } from '../orders/optionStructures.js'
import type { VolatilityRegime } from '../regime/volatilityRegime.js'
import type { ChainSnapshot } from '../streams/chain/chainTypes.js'
import type { Position } from '../trading/types.js'

/** Market view of a signal. */
export const SignalDirection = {
  /** Expects the underlying to rise. */
  Bullish: 'bullish',
  /** Expects the underlying to fall. */
  Bearish: 'bearish',
  /** Expects the underlying to stay in a range. */
  Neutral: 'neutral',
  /** Expects a large move, direction unknown. */
  Volatile: 'volatile',
} as const
/** One of {@link SignalDirection}. */
export type SignalDirection = (typeof SignalDirection)[keyof typeof SignalDirection]

/**
 * What a strategy wants to trade and why. It names a concrete option structure (legs from the current chain);
 * sizing turns it into a quantity and the risk engine decides whether it may be sent. A signal is advice, never
 * an order: strategies have no access to a broker.
 */
export interface TradingSignal {
  /** Id of the strategy that produced it. */
  readonly strategyId: string
  /** Underlying symbol. */
  readonly underlying: string
  /** Market view. */
  readonly direction: SignalDirection
  /** The structure to open, one unit (quantity comes from sizing). */
  readonly structure: OptionStructure
  /** Conviction in [0, 1]; sizing scales by it. */
  readonly confidence: number
  /** Human-readable reason, shown in logs, reports and the assistant. */
  readonly reason: string
  /** Clock time the signal was produced, epoch ms. */
  readonly timestampMs: number
}

/** Everything a strategy may read when it decides: a read-only view of the market and the portfolio. */
export interface StrategyContext {
  /** Clock time of the decision, epoch ms. */
  readonly nowMs: number
  /** Latest 0DTE chain snapshot per underlying (`SPY`, `QQQ`, `IWM`). */
  readonly chains: ReadonlyMap<string, ChainSnapshot>
  /** Latest VIX regime, once the VIX has been observed. */
  readonly regime: VolatilityRegime | undefined
  /** Latest correlation snapshot, once the first sample interval has passed. */
  readonly correlation: CorrelationSnapshot | undefined
  /** Recent underlying mids per underlying, oldest first, sampled at the decision interval. */
  readonly priceHistory: ReadonlyMap<string, readonly number[]>
  /** Open positions of the account. */
  readonly positions: readonly Position[]
  /** Strategy ids that currently hold an open position (so a strategy can avoid stacking entries). */
  readonly strategiesInPosition: ReadonlySet<string>
}

/**
 * A trading strategy: a plain, testable unit that reads a {@link StrategyContext} and returns zero or more
 * signals. It must be deterministic for a given context (no clocks, no randomness of its own), so backtests are
 * reproducible and tests can craft contexts directly.
 *
 * @example
 * ```ts
 * const alwaysFlat: Strategy = { id: 'flat', description: 'never trades', evaluate: () => [] }
 * ```
 */
export interface Strategy {
  /** Unique id, used for attribution in orders, reports and tax lots. */
  readonly id: string
  /** One line describing the idea. */
  readonly description: string
  /** Decides on the current context. */
  evaluate(context: StrategyContext): readonly TradingSignal[]
}
