import type { EquitySample } from './periodicReturns.js'

/** How far below its running peak the equity is at one point. */
export interface DrawdownPoint {
  /** Epoch milliseconds. */
  readonly timestampMs: number
  /** `(peak − equity) / peak`, ≥ 0 (0.1 = 10 % below the peak). */
  readonly drawdownFraction: number
  /** `peak − equity` in account currency, ≥ 0. */
  readonly drawdownAmount: number
}

/** The deepest fall from a peak, measured relative to the peak. */
export interface MaxDrawdown {
  /** `(peak − trough) / peak`; 0 when the curve never falls. */
  readonly fraction: number
  /** `peak − trough` in account currency. */
  readonly amount: number
  /** When the peak was set, or `null` when there is no drawdown. */
  readonly peakTimeMs: number | null
  /** When the trough was reached, or `null` when there is no drawdown. */
  readonly troughTimeMs: number | null
  /** First time after the trough the equity was back at or above the peak, or `null` when it never was. */
  readonly recoveryTimeMs: number | null
  /** Trough time − peak time, or `null` when there is no drawdown. */
  readonly peakToTroughMs: number | null
  /** Recovery time − peak time, or `null` when not recovered (or no drawdown). */
  readonly peakToRecoveryMs: number | null
  /**
   * Longest time spent below a previous peak in any drawdown (peak to recovery, or peak to the last point when
   * the curve ends under water); 0 when the curve never falls.
   */
  readonly longestUnderwaterMs: number
}

/**
 * The drawdown at every point of an equity curve.
 *
 * @param curve - Equity points in time order, all equities positive.
 * @returns One point per input point, or `null` when an equity is zero or negative (a fraction of a non-positive
 *   peak means nothing; build the curve with starting cash).
 * @example
 * ```ts
 * drawdownSeries(curve)?.map((p) => p.drawdownFraction)
 * ```
 */
export function drawdownSeries(curve: readonly EquitySample[]): DrawdownPoint[] | null {
  const points: DrawdownPoint[] = []
  let peak = Number.NEGATIVE_INFINITY
  for (const sample of curve) {
    const equity = sample.equity.toNumber()
    if (!(equity > 0) || !Number.isFinite(equity)) return null
    peak = Math.max(peak, equity)
    points.push({
      timestampMs: sample.timestampMs,
      drawdownFraction: (peak - equity) / peak,
      drawdownAmount: peak - equity,
    })
  }
  return points
}

/**
 * The maximum drawdown of an equity curve with its timing: peak to trough, and peak to recovery.
 *
 * @param curve - Equity points in time order, all equities positive.
 * @returns The deepest drawdown by fraction (the earliest when tied), or `null` for an empty curve or one with
 *   a non-positive equity.
 * @example
 * ```ts
 * const dd = maxDrawdown(curve)
 * dd?.fraction // 0.12 = 12 %
 * ```
 */
export function maxDrawdown(curve: readonly EquitySample[]): MaxDrawdown | null {
  if (curve.length === 0) return null
  const series = drawdownSeries(curve)
  if (series === null) return null
  let peakIndex = 0
  let best = { fraction: 0, amount: 0, peak: -1, trough: -1 }
  let underwaterSince: number | null = null
  let longestUnderwaterMs = 0
  series.forEach((point, position) => {
    if (point.drawdownFraction === 0) {
      if (underwaterSince !== null)
        longestUnderwaterMs = Math.max(longestUnderwaterMs, point.timestampMs - underwaterSince)
      underwaterSince = null
      peakIndex = position
      return
    }
    underwaterSince ??= series[peakIndex]?.timestampMs ?? point.timestampMs
    if (point.drawdownFraction > best.fraction) {
      best = { fraction: point.drawdownFraction, amount: point.drawdownAmount, peak: peakIndex, trough: position }
    }
  })
  const last = series[series.length - 1]
  if (underwaterSince !== null && last !== undefined) {
    longestUnderwaterMs = Math.max(longestUnderwaterMs, last.timestampMs - underwaterSince)
  }
  const peak = series[best.peak]
  const trough = series[best.trough]
  if (peak === undefined || trough === undefined) {
    return {
      fraction: 0,
      amount: 0,
      peakTimeMs: null,
      troughTimeMs: null,
      recoveryTimeMs: null,
      peakToTroughMs: null,
      peakToRecoveryMs: null,
      longestUnderwaterMs,
    }
  }
  const recovery = series.slice(best.trough + 1).find((point) => point.drawdownFraction === 0)
  const recoveryTimeMs = recovery === undefined ? null : recovery.timestampMs
  return {
    fraction: best.fraction,
    amount: best.amount,
    peakTimeMs: peak.timestampMs,
    troughTimeMs: trough.timestampMs,
    recoveryTimeMs,
    peakToTroughMs: trough.timestampMs - peak.timestampMs,
    peakToRecoveryMs: recoveryTimeMs === null ? null : recoveryTimeMs - peak.timestampMs,
    longestUnderwaterMs,
  }
}
