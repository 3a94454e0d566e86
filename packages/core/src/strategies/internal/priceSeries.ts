/**
 * Log returns of a price series, oldest first.
 *
 * @param prices - Prices, oldest first.
 * @returns One return per consecutive pair, or `undefined` when a price is not a positive finite number.
 * @example
 * ```ts
 * logReturns([100, 101]) // [0.00995…]
 * ```
 */
export function logReturns(prices: readonly number[]): number[] | undefined {
  const out: number[] = []
  for (let i = 1; i < prices.length; i++) {
    const previous = prices[i - 1]
    const current = prices[i]
    if (previous === undefined || current === undefined) return undefined
    if (!(previous > 0) || !(current > 0) || !Number.isFinite(previous) || !Number.isFinite(current)) return undefined
    out.push(Math.log(current / previous))
  }
  return out
}

/**
 * Sample standard deviation (n − 1).
 *
 * @param values - At least two numbers.
 * @returns The standard deviation, or `undefined` for fewer than two values.
 * @example
 * ```ts
 * sampleStdDev([1, 2, 3]) // 1
 * ```
 */
export function sampleStdDev(values: readonly number[]): number | undefined {
  if (values.length < 2) return undefined
  let mean = 0
  for (const value of values) mean += value
  mean /= values.length
  let sum = 0
  for (const value of values) sum += (value - mean) ** 2
  return Math.sqrt(sum / (values.length - 1))
}

/**
 * Highest and lowest value of a series.
 *
 * @param values - A non-empty series.
 * @returns `{ high, low }`, or `undefined` when empty.
 * @example
 * ```ts
 * rangeOf([3, 1, 2]) // { high: 3, low: 1 }
 * ```
 */
export function rangeOf(values: readonly number[]): { high: number; low: number } | undefined {
  if (values.length === 0) return undefined
  let high = Number.NEGATIVE_INFINITY
  let low = Number.POSITIVE_INFINITY
  for (const value of values) {
    if (value > high) high = value
    if (value < low) low = value
  }
  return { high, low }
}
