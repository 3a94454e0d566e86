import { VixSeries } from './vixSeries.js'

/** Shape of the volatility curve between two tenors. */
export const TermStructureShape = {
  /** The longer tenor is higher (front / back < 1 − tolerance): the usual, calm state. */
  Contango: 'contango',
  /** Front and back within the tolerance of each other. */
  Flat: 'flat',
  /** The shorter tenor is higher (front / back > 1 + tolerance): near-term stress. */
  Backwardation: 'backwardation',
} as const
/** One of {@link TermStructureShape}. */
export type TermStructureShape = (typeof TermStructureShape)[keyof typeof TermStructureShape]

/** The ratio of a shorter-tenor index to a longer one. */
export interface TermSpread {
  /** Shorter tenor. */
  readonly front: VixSeries
  /** Longer tenor. */
  readonly back: VixSeries
  /** front / back. */
  readonly ratio: number
  /** Classification of `ratio`. */
  readonly shape: TermStructureShape
  /** `true` when the front is strictly above the back (ratio > 1), whatever the tolerance. */
  readonly inverted: boolean
}

/** The VIX term structure at one instant; a ratio is `null` when either of its values is missing or stale. */
export interface VixTermStructure {
  /** VIX9D / VIX. */
  readonly vix9dVix: TermSpread | null
  /** VIX / VIX3M, the usual gauge of the curve. */
  readonly vixVix3m: TermSpread | null
  /** VIX3M / VIX6M. */
  readonly vix3mVix6m: TermSpread | null
  /** Shape of VIX / VIX3M, or `null` when VIX3M is unavailable. */
  readonly shape: TermStructureShape | null
  /** `true` when any available ratio is inverted; `null` when no ratio is available. */
  readonly inverted: boolean | null
}

/** Latest values of the VIX family; `null` when missing or stale. */
export interface VixFamilyValues {
  /** VIX9D. */
  readonly vix9d: number | null
  /** VIX. */
  readonly vix: number | null
  /** VIX3M. */
  readonly vix3m: number | null
  /** VIX6M. */
  readonly vix6m: number | null
}

/**
 * Classifies a front / back ratio.
 *
 * @param ratio - front / back, positive.
 * @param flatTolerance - Half-width of the flat zone around 1.
 * @returns `contango`, `flat` or `backwardation`.
 * @example
 * ```ts
 * classifyTermRatio(0.88, 0.02) // 'contango'
 * ```
 */
export function classifyTermRatio(ratio: number, flatTolerance: number): TermStructureShape {
  if (ratio < 1 - flatTolerance) return TermStructureShape.Contango
  if (ratio > 1 + flatTolerance) return TermStructureShape.Backwardation
  return TermStructureShape.Flat
}

function spread(
  front: VixSeries,
  frontValue: number | null,
  back: VixSeries,
  backValue: number | null,
  flatTolerance: number,
): TermSpread | null {
  if (frontValue === null || backValue === null || !(frontValue > 0) || !(backValue > 0)) return null
  const ratio = frontValue / backValue
  return { front, back, ratio, shape: classifyTermRatio(ratio, flatTolerance), inverted: frontValue > backValue }
}

/**
 * The term structure ratios VIX9D/VIX, VIX/VIX3M and VIX3M/VIX6M with their classification.
 *
 * @param values - Latest VIX family values (`null` for missing or stale).
 * @param flatTolerance - Half-width of the flat zone around a ratio of 1.
 * @returns The term structure.
 * @example
 * ```ts
 * vixTermStructure({ vix9d: 13.1, vix: 14.2, vix3m: 16.4, vix6m: 17.9 }, 0.02).shape // 'contango'
 * ```
 */
export function vixTermStructure(values: VixFamilyValues, flatTolerance: number): VixTermStructure {
  const vix9dVix = spread(VixSeries.Vix9d, values.vix9d, VixSeries.Vix, values.vix, flatTolerance)
  const vixVix3m = spread(VixSeries.Vix, values.vix, VixSeries.Vix3m, values.vix3m, flatTolerance)
  const vix3mVix6m = spread(VixSeries.Vix3m, values.vix3m, VixSeries.Vix6m, values.vix6m, flatTolerance)
  const present = [vix9dVix, vixVix3m, vix3mVix6m].filter((s): s is TermSpread => s !== null)
  return {
    vix9dVix,
    vixVix3m,
    vix3mVix6m,
    shape: vixVix3m?.shape ?? null,
    inverted: present.length === 0 ? null : present.some((s) => s.inverted),
  }
}
