import { finiteOrNull } from '../internal/finite.js'
import type { EquitySample } from './periodicReturns.js'

/**
 * Total return of an equity curve, `last / first − 1`.
 *
 * @param curve - Equity points in time order.
 * @returns The fraction (0.05 = +5 %), or `null` with fewer than two points or a non-positive first equity.
 * @example
 * ```ts
 * totalReturn(curve) // 0.031
 * ```
 */
export function totalReturn(curve: readonly EquitySample[]): number | null {
  const first = curve[0]
  const last = curve[curve.length - 1]
  if (first === undefined || last === undefined || curve.length < 2) return null
  if (!first.equity.isPositive() || first.equity.isZero()) return null
  return finiteOrNull(last.equity.dividedBy(first.equity).minus(1).toNumber())
}
