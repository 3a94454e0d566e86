import type { Decimal } from 'decimal.js'
import { nyDate } from '../../calendar/newYorkTime.js'

/** The two fields of an equity point the metrics read. `EquityPoint` satisfies it. */
export interface EquitySample {
  /** Epoch milliseconds. */
  readonly timestampMs: number
  /** Account value. */
  readonly equity: Decimal
}

/**
 * Simple returns between consecutive points, `eᵢ / eᵢ₋₁ − 1`.
 *
 * @param curve - Equity points in time order.
 * @returns One return per consecutive pair (empty for fewer than two points), or `null` when an equity a return
 *   would divide by is zero or negative, where a simple return means nothing.
 * @example
 * ```ts
 * periodicReturns(curve) // [0.01, -0.005, …]
 * ```
 */
export function periodicReturns(curve: readonly EquitySample[]): number[] | null {
  const returns: number[] = []
  for (let position = 1; position < curve.length; position++) {
    const previous = curve[position - 1]
    const current = curve[position]
    if (previous === undefined || current === undefined) continue
    if (!previous.equity.isPositive() || previous.equity.isZero()) return null
    returns.push(current.equity.dividedBy(previous.equity).minus(1).toNumber())
  }
  return returns
}

/**
 * The curve sampled at New York trading-day closes: the first point (the starting equity), then the last point
 * of each New York calendar date. Daily returns of this series go with `periodsPerYear: 252`.
 *
 * @param curve - Equity points in time order.
 * @returns The first point followed by each day's last point; a day whose last point is the first point is not
 *   repeated.
 * @example
 * ```ts
 * const daily = dailyEquityCurve(curve)
 * sharpeRatio(periodicReturns(daily) ?? [], { periodsPerYear: 252 })
 * ```
 */
export function dailyEquityCurve<P extends EquitySample>(curve: readonly P[]): P[] {
  const [first] = curve
  if (first === undefined) return []
  const daily: P[] = [first]
  curve.forEach((point, position) => {
    const next = curve[position + 1]
    const lastOfDay = next === undefined || nyDate(next.timestampMs) !== nyDate(point.timestampMs)
    if (lastOfDay && position > 0) daily.push(point)
  })
  return daily
}
