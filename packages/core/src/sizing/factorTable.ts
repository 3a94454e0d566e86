import { z } from 'zod'

/** One band of a factor table: values in [`min`, `max`) get `factor`. A missing bound is open. */
export interface FactorBand {
  /** Lowest value of the band, inclusive. */
  readonly min?: number
  /** Highest value of the band, exclusive. */
  readonly max?: number
  /** Multiplier applied to the risk budget. */
  readonly factor: number
}

/** A table of bands, searched in order; the first band containing the value wins, otherwise `defaultFactor`. */
export interface FactorTable {
  /** Bands, first match wins. */
  readonly bands: readonly FactorBand[]
  /** Factor for values no band contains. */
  readonly defaultFactor: number
}

/**
 * Zod schema of a {@link FactorTable}: factors are finite and ≥ 0, and each band's `min` is below its `max`.
 *
 * @example
 * ```ts
 * const table = factorTableSchema.parse({ bands: [{ min: 30, factor: 0.5 }], defaultFactor: 1 })
 * ```
 */
export const factorTableSchema = z.object({
  bands: z.array(
    z
      .object({ min: z.number().optional(), max: z.number().optional(), factor: z.number().min(0).max(10) })
      .strict()
      .refine(
        (band) => band.min === undefined || band.max === undefined || band.min < band.max,
        'min must be below max',
      ),
  ),
  defaultFactor: z.number().min(0).max(10),
})

/**
 * Looks a value up in a factor table.
 *
 * @param table - The table.
 * @param value - The value (VIX level, confidence, correlation). Not finite gives the smallest factor of the
 *   table, so bad input can only shrink a position.
 * @returns The factor.
 * @example
 * ```ts
 * lookupFactor({ bands: [{ min: 30, factor: 0.5 }], defaultFactor: 1 }, 32) // 0.5
 * ```
 */
export function lookupFactor(table: FactorTable, value: number): number {
  if (!Number.isFinite(value)) return Math.min(table.defaultFactor, ...table.bands.map((band) => band.factor))
  for (const band of table.bands) {
    if ((band.min === undefined || value >= band.min) && (band.max === undefined || value < band.max))
      return band.factor
  }
  return table.defaultFactor
}
