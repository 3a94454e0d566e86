/** `value` when it is a finite number, otherwise `null`: no NaN or Infinity leaves a metric. */
export function finiteOrNull(value: number): number | null {
  return Number.isFinite(value) ? value : null
}

/** Arithmetic mean; callers guarantee a non-empty list. */
export function mean(values: readonly number[]): number {
  let sum = 0
  for (const value of values) sum += value
  return sum / values.length
}

/** Deviations smaller than this (in return units) count as zero variance, so float noise cannot make a ratio explode. */
export const ZERO_DEVIATION = 1e-12
