/** Strike grid of a listing. */
export interface StrikeGrid {
  /** Spacing near the money, dollars. */
  readonly strikeIncrement: number
  /** Spacing beyond `denseStrikeRange`, dollars. */
  readonly wideStrikeIncrement: number
  /** Fraction of the reference price within which strikes are `strikeIncrement` apart. */
  readonly denseStrikeRange: number
  /** Fraction of the reference price the listing spans on each side. */
  readonly listedStrikeRange: number
}

/**
 * Strikes listed around a reference price, ascending: every `strikeIncrement` within `denseStrikeRange`, then every
 * `wideStrikeIncrement` (on multiples of it) out to `listedStrikeRange`, like the daily SPY, QQQ and IWM series.
 *
 * @param referencePrice - Underlying price the listing is centred on (the day's open for a 0DTE series).
 * @param grid - Spacing and ranges.
 * @returns Strikes, dollars, each a multiple of 0.001.
 * @example
 * ```ts
 * listStrikes(590, { strikeIncrement: 1, wideStrikeIncrement: 5, denseStrikeRange: 0.1, listedStrikeRange: 0.25 })
 * // [445, 450, …, 530, 531, 532, …, 649, 650, 655, …, 735]
 * ```
 */
export function listStrikes(referencePrice: number, grid: StrikeGrid): number[] {
  const round = (x: number) => Math.round(x * 1000) / 1000
  const denseLow = Math.ceil((referencePrice * (1 - grid.denseStrikeRange)) / grid.strikeIncrement)
  const denseHigh = Math.floor((referencePrice * (1 + grid.denseStrikeRange)) / grid.strikeIncrement)
  const wideLow = Math.ceil((referencePrice * (1 - grid.listedStrikeRange)) / grid.wideStrikeIncrement)
  const wideHigh = Math.floor((referencePrice * (1 + grid.listedStrikeRange)) / grid.wideStrikeIncrement)
  const strikes = new Set<number>()
  for (let i = Math.max(denseLow, 1); i <= denseHigh; i++) strikes.add(round(i * grid.strikeIncrement))
  const lowEdge = denseLow * grid.strikeIncrement
  const highEdge = denseHigh * grid.strikeIncrement
  for (let i = Math.max(wideLow, 1); i <= wideHigh; i++) {
    const strike = round(i * grid.wideStrikeIncrement)
    if (strike < lowEdge || strike > highEdge) strikes.add(strike)
  }
  return [...strikes].sort((a, b) => a - b)
}
