import { filter, type MonoTypeOperatorFunction } from 'rxjs'
import { z } from 'zod'
import { parseConfig } from '../../config/parseConfig.js'
import type { OptionQuote } from '../../marketData/types.js'

/** Options of {@link minVolumeFilter}. */
export const minVolumeFilterOptionsSchema = z
  .object({
    /** Minimum contracts traded today (`volume`). @default undefined (not checked) */
    minVolume: z.number().min(0).optional(),
    /** Minimum open interest (`openInterest`). @default undefined (not checked) */
    minOpenInterest: z.number().min(0).optional(),
    /** `any`: one configured threshold met is enough; `all`: every configured threshold must be met. @default 'any' */
    mode: z.enum(['any', 'all']).default('any'),
    /**
     * What a quote without the field gets. `pass` keeps it: feeds that never send volume would otherwise lose every
     * quote. @default 'pass'
     */
    whenMissing: z.enum(['pass', 'drop']).default('pass'),
  })
  .refine((value) => value.minVolume !== undefined || value.minOpenInterest !== undefined, {
    message: 'set minVolume, minOpenInterest or both',
  })
/** Input of {@link minVolumeFilter}. */
export type MinVolumeFilterOptions = z.input<typeof minVolumeFilterOptionsSchema>

/**
 * Keeps option quotes of contracts that trade enough: `volume` at least `minVolume` and/or `openInterest` at least
 * `minOpenInterest`. Volume is cumulative over the day, so a contract that passes keeps passing.
 *
 * @param options - Thresholds and how to combine them; see {@link MinVolumeFilterOptions}.
 * @returns An operator over option quotes.
 * @throws {ConfigError} When no threshold is set or a value is negative.
 * @example
 * ```ts
 * const liquid$ = optionQuotes$.pipe(minVolumeFilter({ minVolume: 100, minOpenInterest: 500 }))
 * ```
 */
export function minVolumeFilter<T extends OptionQuote>(options: MinVolumeFilterOptions): MonoTypeOperatorFunction<T> {
  const { minVolume, minOpenInterest, mode, whenMissing } = parseConfig(
    minVolumeFilterOptionsSchema,
    options,
    'min volume filter options',
  )
  const meets = (value: number | undefined, minimum: number | undefined): boolean | undefined => {
    if (minimum === undefined) return undefined
    if (typeof value !== 'number' || Number.isNaN(value)) return whenMissing === 'pass'
    return value >= minimum
  }
  return filter((quote) => {
    const volume = meets(quote.volume, minVolume)
    const interest = meets(quote.openInterest, minOpenInterest)
    if (volume === undefined) return interest === true
    if (interest === undefined) return volume
    return mode === 'any' ? volume || interest : volume && interest
  })
}
