import { z } from 'zod'
import { parseConfig } from '../config/parseConfig.js'
import { factorTableSchema } from './factorTable.js'

// Where the default tables come from. The seeds say only that sizing uses "account equity, volatility levels, and
// strategy-specific risk parameters" (seeds/003, "Order Management and Execution"); the numbers below are the
// factor tables of the original public Smart-0DTE project (TKTINC/smart-0DTE-system,
// docs/additional/BET-SIZING-IMPLEMENTATION-STRATEGY.md: `_calculate_vix_adjustment`,
// `_calculate_confidence_adjustment`, `calculate_correlation_adjustment`, `max_size_multiplier = 2.0`,
// `min_confidence_threshold = 0.65`). They are claims, not measured edges. Bands here are [min, max): at the exact
// boundaries (VIX 20, 25, 30; correlation 0.6, 0.8) this picks the smaller factor where the original's strict `>`
// picked the larger. The original's base bet (20–40 % of the account per trade) is replaced by a fraction of
// equity risked against the spread's maximum loss.

/** VIX bands (original: > 30 → 0.5, > 25 → 0.7, > 20 → 0.9, < 12 → 1.1, else 1.0). */
const VIX_DEFAULT = {
  bands: [
    { min: 30, factor: 0.5 },
    { min: 25, max: 30, factor: 0.7 },
    { min: 20, max: 25, factor: 0.9 },
    { max: 12, factor: 1.1 },
  ],
  defaultFactor: 1,
}

/** Confidence bands (original: ≥ 0.9 → 2.0, ≥ 0.8 → 1.5, ≥ 0.7 → 1.25, else 1.0). */
const CONFIDENCE_DEFAULT = {
  bands: [
    { min: 0.9, factor: 2 },
    { min: 0.8, max: 0.9, factor: 1.5 },
    { min: 0.7, max: 0.8, factor: 1.25 },
  ],
  defaultFactor: 1,
}

/** Mean |correlation| with open positions (original: > 0.8 → 0.5, > 0.6 → 0.75, < 0.3 → 1.2, else 1.0). */
const CORRELATION_DEFAULT = {
  bands: [
    { min: 0.8, factor: 0.5 },
    { min: 0.6, max: 0.8, factor: 0.75 },
    { max: 0.3, factor: 1.2 },
  ],
  defaultFactor: 1,
}

/**
 * Position sizing config: risk `riskFraction` of equity per trade against the spread's maximum loss, scaled by
 * regime (VIX), signal confidence and correlation factors, the product capped at `maxCombinedFactor`.
 *
 * @example
 * ```ts
 * const sizing = parseSizingConfig({ riskFraction: 0.005, maxContracts: 5 })
 * ```
 */
export const sizingConfigSchema = z
  .object({
    /** Fraction of equity at risk per trade before factors (0.01 = 1 %). @default 0.01 */
    riskFraction: z.number().gt(0).max(0.25).default(0.01),
    /** Smallest trade worth placing; a budget for fewer units sizes to zero, never up. @default 1 */
    minContracts: z.number().int().positive().default(1),
    /** Largest trade in units. @default 10 */
    maxContracts: z.number().int().positive().default(10),
    /** Signals below this confidence size to zero (original `min_confidence_threshold`). @default 0.65 */
    minConfidence: z.number().min(0).max(1).default(0.65),
    /** Cap on regime × confidence × correlation (original `max_size_multiplier`). @default 2 */
    maxCombinedFactor: z.number().gt(0).max(10).default(2),
    /** Regime factor by VIX level. @default original VIX table (see source) */
    vixFactors: factorTableSchema.default(VIX_DEFAULT),
    /** Confidence factor by signal confidence 0–1. @default original confidence table */
    confidenceFactors: factorTableSchema.default(CONFIDENCE_DEFAULT),
    /** Correlation factor by mean |correlation| with open positions. @default original correlation table */
    correlationFactors: factorTableSchema.default(CORRELATION_DEFAULT),
  })
  .strict()
  .refine((config) => config.minContracts <= config.maxContracts, 'minContracts must not exceed maxContracts')

/** Parsed {@link sizingConfigSchema}. */
export type SizingConfig = z.output<typeof sizingConfigSchema>

/**
 * Validates a sizing config and fills in defaults.
 *
 * @param input - Partial config.
 * @returns The config.
 * @throws {ConfigError} When a field is invalid.
 * @example
 * ```ts
 * const config = parseSizingConfig({ riskFraction: 0.02 })
 * ```
 */
export function parseSizingConfig(input: z.input<typeof sizingConfigSchema> = {}): SizingConfig {
  return parseConfig(sizingConfigSchema, input, 'position sizing')
}
