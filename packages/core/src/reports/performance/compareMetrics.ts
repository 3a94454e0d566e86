import type { PerformanceMetrics } from './performanceMetrics.js'

/** One metric side by side for two runs of the same strategy. */
export interface MetricDifference {
  /** Metric name (a key of {@link PerformanceMetrics}). */
  readonly metric: keyof PerformanceMetrics
  /** Value in the baseline run (paper, or the backtest). */
  readonly baseline: number | null
  /** Value in the compared run (live). */
  readonly compared: number | null
  /** `compared − baseline`, or `null` when either is `null`. */
  readonly difference: number | null
}

/**
 * Diffs two metric sets, typically paper (baseline) against live (compared) for the same strategy over the same
 * period; a large gap in slippage, fill rate or expectancy says the paper fill model is too kind.
 *
 * @param baseline - Metrics of the baseline run.
 * @param compared - Metrics of the compared run.
 * @returns One row per metric, in the order of {@link PerformanceMetrics}.
 * @example
 * ```ts
 * compareMetrics(paperMetrics, liveMetrics).find((row) => row.metric === 'averageSlippage')?.difference
 * ```
 */
export function compareMetrics(baseline: PerformanceMetrics, compared: PerformanceMetrics): MetricDifference[] {
  return (Object.keys(baseline) as (keyof PerformanceMetrics)[]).map((metric) => {
    const a = baseline[metric]
    const b = compared[metric]
    const difference = a === null || b === null ? null : b - a
    return {
      metric,
      baseline: a,
      compared: b,
      difference: difference !== null && Number.isFinite(difference) ? difference : null,
    }
  })
}
