import type { UnavailableReason } from './correlationValue.js'

/** Correlation of one pair of instruments over one window. */
export interface PairCorrelation {
  /** First instrument id (earlier in the configured order). */
  readonly a: string
  /** Second instrument id. */
  readonly b: string
  /** Pearson correlation of log returns in [−1, 1], or `null` (see `reason`). */
  readonly correlation: number | null
  /** Why `correlation` is `null`; `null` when it is a number. */
  readonly reason: UnavailableReason | null
  /** Returns currently in the window for this pair. */
  readonly observations: number
  /** Whether the pair is in a breakdown on this window (always `false` on windows not watched). */
  readonly inBreakdown: boolean
}

/** Every pairwise correlation over one window length. */
export interface CorrelationWindow {
  /** Window length in returns. */
  readonly windowObservations: number
  /** One entry per pair, in the order (0,1), (0,2) … (1,2) … of the instrument list. */
  readonly pairs: readonly PairCorrelation[]
  /** Symmetric matrix in instrument order; the diagonal is 1, unavailable entries are `null`. */
  readonly matrix: readonly (readonly (number | null)[])[]
}

/** Z-score of the latest return spread of a pair against its rolling history. */
export interface PairDivergence {
  /** First instrument id. */
  readonly a: string
  /** Second instrument id. */
  readonly b: string
  /** Latest spread, log return of `a` minus log return of `b`; `null` when either return is missing. */
  readonly spread: number | null
  /** (spread − mean) / standard deviation of the previous spreads in the window, or `null` (see `reason`). */
  readonly zScore: number | null
  /** Why `zScore` is `null`; `null` when it is a number. */
  readonly reason: UnavailableReason | null
}

/** Everything the correlation analytics know at one sample time. */
export interface CorrelationSnapshot {
  /** Sample time, epoch milliseconds. */
  readonly timestampMs: number
  /** Instrument ids, in matrix order. */
  readonly instrumentIds: readonly string[]
  /** Latest log return of each instrument since the previous sample, `null` when a price was missing. */
  readonly returns: readonly (number | null)[]
  /** One entry per configured window, shortest first. */
  readonly windows: readonly CorrelationWindow[]
  /** One entry per pair. */
  readonly divergences: readonly PairDivergence[]
}
