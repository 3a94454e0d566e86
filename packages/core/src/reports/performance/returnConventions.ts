import { z } from 'zod'
import { parseConfig } from '../../config/parseConfig.js'

/**
 * Conventions for turning periodic returns into annual figures. `periodsPerYear` must match how the returns were
 * sampled: 252 for daily returns (trading days), 52 weekly, 12 monthly.
 */
export interface ReturnConventions {
  /** Return periods in a year; annualises means by ×P and volatilities by ×√P. @default 252 */
  readonly periodsPerYear?: number
  /**
   * Annual risk-free rate as a fraction (0.05 = 5 %). The per-period rate subtracted from each return is the
   * simple fraction `riskFreeRateAnnual / periodsPerYear`. @default 0
   */
  readonly riskFreeRateAnnual?: number
}

/** Zod schema of {@link ReturnConventions} with defaults applied. */
export const returnConventionsSchema = z.object({
  periodsPerYear: z.number().finite().positive().default(252),
  riskFreeRateAnnual: z.number().finite().gt(-1).default(0),
})

/** {@link ReturnConventions} with every default filled in. */
export type ResolvedReturnConventions = z.output<typeof returnConventionsSchema>

/**
 * Validates and fills in {@link ReturnConventions}.
 *
 * @param input - Conventions, any field optional.
 * @returns The conventions with defaults.
 * @throws {ConfigError} When a field is out of range.
 * @example
 * ```ts
 * resolveReturnConventions({ riskFreeRateAnnual: 0.04 }) // { periodsPerYear: 252, riskFreeRateAnnual: 0.04 }
 * ```
 */
export function resolveReturnConventions(input: ReturnConventions = {}): ResolvedReturnConventions {
  return parseConfig(returnConventionsSchema, input, 'return conventions')
}
