/**
 * The 0DTE grid both pricing benchmarks run on: every combination of
 * spot 100–6000, strikes within ±10 % of spot (dense near the money), time to expiry from 1 minute to 1 day,
 * volatility 5 %–300 %, calls and puts; rate 4.5 %, no dividend yield (the peers have no dividend input).
 * Rows are ordered as option chains arrive: per spot and expiry, then volatility, then strike.
 */
export interface OptionGrid {
  /** Number of rows. */
  readonly size: number
  /** +1 call, −1 put. */
  readonly right: Int8Array
  readonly spot: Float64Array
  readonly strike: Float64Array
  readonly timeYears: Float64Array
  readonly vol: Float64Array
  readonly rate: Float64Array
  readonly dividendYield: Float64Array
}

const MINUTES_PER_YEAR = 365 * 24 * 60
/** Underlying prices. */
export const GRID_SPOTS = [100, 250, 500, 1000, 2500, 4000, 6000]
/** Strike / spot ratios, denser near the money. */
export const GRID_MONEYNESS = [
  0.9, 0.92, 0.94, 0.96, 0.97, 0.98, 0.99, 0.995, 0.998, 0.999, 1, 1.001, 1.002, 1.005, 1.01, 1.02, 1.03, 1.04, 1.06,
  1.08, 1.1,
]
/** Minutes to expiry. */
export const GRID_MINUTES = [1, 5, 15, 30, 60, 120, 240, 390, 1440]
/** Annualised volatilities. */
export const GRID_VOLS = [0.05, 0.1, 0.15, 0.2, 0.3, 0.5, 0.75, 1, 1.5, 2, 3]
/** Risk-free rate of every point. */
export const GRID_RATE = 0.045

/**
 * Builds the grid.
 *
 * @returns Column arrays of every grid point.
 */
export function zeroDteGrid(): OptionGrid {
  const size = GRID_SPOTS.length * GRID_MINUTES.length * GRID_VOLS.length * GRID_MONEYNESS.length * 2
  const grid = {
    size,
    right: new Int8Array(size),
    spot: new Float64Array(size),
    strike: new Float64Array(size),
    timeYears: new Float64Array(size),
    vol: new Float64Array(size),
    rate: new Float64Array(size).fill(GRID_RATE),
    dividendYield: new Float64Array(size),
  }
  let i = 0
  for (const spot of GRID_SPOTS) {
    for (const minutes of GRID_MINUTES) {
      for (const vol of GRID_VOLS) {
        for (const moneyness of GRID_MONEYNESS) {
          for (const right of [1, -1]) {
            grid.right[i] = right
            grid.spot[i] = spot
            grid.strike[i] = Math.round(spot * moneyness * 100) / 100
            grid.timeYears[i] = minutes / MINUTES_PER_YEAR
            grid.vol[i] = vol
            i++
          }
        }
      }
    }
  }
  return grid
}

/**
 * A small deterministic generator (mulberry32) so sampled subsets are the same on every run.
 *
 * @param seed - Any 32-bit integer.
 * @returns A function giving uniform numbers in [0, 1).
 */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/**
 * Picks up to `count` distinct indices from `indices`, deterministically.
 *
 * @returns The sample, in ascending order.
 */
export function sampleIndices(indices: readonly number[], count: number, seed: number): number[] {
  if (indices.length <= count) return [...indices]
  const random = seededRandom(seed)
  const pool = [...indices]
  for (let i = pool.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1))
    const swap = pool[i] as number
    pool[i] = pool[j] as number
    pool[j] = swap
  }
  return pool.slice(0, count).sort((a, b) => a - b)
}
