import { z } from 'zod'
import { parseConfig } from '../config/parseConfig.js'

const count = (min: number) => z.number().int().min(min)
const factor = (fallback: number) => z.number().min(0).max(1).default(fallback)

/**
 * Schema of the VIX regime config. The seeds give only the 30-second VIX analysis interval ("VIX analysis:
 * 30-second intervals"); they name percentiles, regime changes and the term structure but give no thresholds or
 * sizing, so the band thresholds (15/25/35), the sizing factors (1/1/0.5/0.25), the hysteresis and the window
 * lengths are this SDK's defaults, to be tuned per strategy.
 */
export const regimeConfigSchema = z
  .object({
    /** VIX band upper bounds (exclusive), in vol points. */
    bands: z
      .object({
        /** @default 15 */
        lowBelow: z.number().positive().default(15),
        /** @default 25 */
        normalBelow: z.number().positive().default(25),
        /** @default 35 */
        highBelow: z.number().positive().default(35),
      })
      .prefault({})
      .refine((b) => b.lowBelow < b.normalBelow && b.normalBelow < b.highBelow, 'thresholds must be ascending'),
    /**
     * Multiplier applied to position size in each band, in [0, 1]: a regime may only shrink size, never grow it
     * beyond what sizing and risk allow.
     */
    positionSizeFactors: z
      .object({
        /** @default 1 */
        low: factor(1),
        /** @default 1 */
        normal: factor(1),
        /** @default 0.5 */
        high: factor(0.5),
        /** @default 0.25 */
        extreme: factor(0.25),
      })
      .prefault({}),
    /** When a band change is confirmed. */
    hysteresis: z
      .object({
        /** The VIX must cross a boundary by this many vol points to count as in the next band. @default 0.5 */
        marginVolPoints: z.number().min(0).default(0.5),
        /**
         * Consecutive observations needed to move to a higher band. Fast by default: rising volatility cuts size,
         * the safe direction. @default 1
         */
        confirmRiseObservations: count(1).default(1),
        /** Consecutive observations needed to move to a lower band (which allows more size). @default 2 */
        confirmFallObservations: count(1).default(2),
      })
      .prefault({}),
    /**
     * VIX observations enter the regime at most once per interval of event time (the first value of each
     * epoch-aligned interval); `0` takes every value. From the seeds. @default 30000
     */
    sampleIntervalMs: count(0).default(30_000),
    /** Observations in the percentile window; 780 is one regular session at 30 s. @default 780 */
    percentileWindowObservations: count(1).default(780),
    /** Observations in the trend-slope regression; 20 is 10 minutes at 30 s. @default 20 */
    slopeWindowObservations: count(2).default(20),
    /** A ratio within 1 ± this is `flat`. @default 0.02 */
    flatTolerance: z.number().min(0).max(0.5).default(0.02),
    /** A term-structure value older than this relative to the VIX observation is ignored. @default 300000 */
    maxSeriesAgeMs: count(0).default(300_000),
  })
  .superRefine((config, ctx) => {
    const { lowBelow, normalBelow, highBelow } = config.bands
    const narrowest = Math.min(normalBelow - lowBelow, highBelow - normalBelow)
    if (config.hysteresis.marginVolPoints * 2 >= narrowest) {
      ctx.addIssue({
        code: 'custom',
        path: ['hysteresis', 'marginVolPoints'],
        message: 'must be less than half the narrowest band',
      })
    }
  })

/** VIX regime config before defaults (what users write). */
export type RegimeConfigInput = z.input<typeof regimeConfigSchema>
/** VIX regime config with every default applied. */
export type RegimeConfig = z.output<typeof regimeConfigSchema>

/**
 * Validates a VIX regime config and applies the defaults.
 *
 * @param input - Partial config; omitted fields take their defaults.
 * @returns The complete config.
 * @throws {ConfigError} Naming every invalid field.
 * @example
 * ```ts
 * const config = parseRegimeConfig({ bands: { lowBelow: 13 }, positionSizeFactors: { high: 0.3 } })
 * ```
 */
export function parseRegimeConfig(input: RegimeConfigInput = {}): RegimeConfig {
  return parseConfig(regimeConfigSchema, input, 'volatility regime config')
}
