import { z } from 'zod'
import { parseConfig } from '../config/parseConfig.js'

const count = (min: number) => z.number().int().min(min)

/**
 * Schema of the correlation analytics config. Every field has a default; the seeds give only the 1-minute
 * correlation interval ("Correlation analysis: 1-minute intervals"), the other defaults are this SDK's choices.
 */
export const correlationConfigSchema = z
  .object({
    /** Instruments correlated pairwise. @default ['SPY', 'QQQ', 'IWM'] */
    instrumentIds: z
      .array(z.string().min(1))
      .min(2)
      .default(['SPY', 'QQQ', 'IWM'])
      .refine((ids) => new Set(ids).size === ids.length, 'instrument ids must be unique'),
    /** Sampling interval of the synchronised prices, from the seeds. @default 60000 */
    intervalMs: count(1).default(60_000),
    /** A price older than this at a sample time counts as missing. @default 300000 */
    maxPriceAgeMs: count(0).default(300_000),
    /** Rolling window lengths in returns (observations). @default [20, 60, 180] */
    windows: z
      .array(count(2))
      .min(1)
      .default([20, 60, 180])
      .refine((w) => new Set(w).size === w.length, 'window lengths must be unique'),
    /**
     * Share of a window that must be filled before it reports a correlation; below it the value is `null` with
     * reason `insufficient_data`. @default 1
     */
    minFillRatio: z.number().gt(0).max(1).default(1),
    /** Exact recomputation period of the rolling sums, in updates; `0` never recomputes. @default the window length */
    recomputeEveryUpdates: count(0).optional(),
    /** Correlation breakdown detection. */
    breakdown: z
      .object({
        /** A pair breaks down when its correlation falls below this. @default 0.3 */
        threshold: z.number().min(-1).max(1).default(0.3),
        /** It recovers only at `threshold + recoveryMargin` or above (hysteresis). @default 0.1 */
        recoveryMargin: z.number().min(0).max(1).default(0.1),
        /** Which of `windows` are watched. @default every window */
        windows: z.array(count(2)).optional(),
      })
      .prefault({}),
    /** Divergence detection on the spread of log returns (return of a − return of b). */
    divergence: z
      .object({
        /** Returns in the rolling mean / standard deviation of the spread. @default 60 */
        windowObservations: count(3).default(60),
        /** An event fires when |z| reaches this. @default 2 */
        zThreshold: z.number().positive().default(2),
        /** The pair re-arms once |z| falls below `zThreshold − rearmMargin`. @default 0.5 */
        rearmMargin: z.number().min(0).default(0.5),
      })
      .prefault({}),
  })
  .superRefine((config, ctx) => {
    for (const w of config.breakdown.windows ?? []) {
      if (!config.windows.includes(w)) {
        ctx.addIssue({ code: 'custom', path: ['breakdown', 'windows'], message: `${w} is not one of windows` })
      }
    }
    if (config.divergence.rearmMargin >= config.divergence.zThreshold) {
      ctx.addIssue({ code: 'custom', path: ['divergence', 'rearmMargin'], message: 'must be below zThreshold' })
    }
  })

/** Correlation analytics config before defaults (what users write). */
export type CorrelationConfigInput = z.input<typeof correlationConfigSchema>
/** Correlation analytics config with every default applied. */
export type CorrelationConfig = z.output<typeof correlationConfigSchema>

/**
 * Validates a correlation config and applies the defaults.
 *
 * @param input - Partial config; omitted fields take their defaults.
 * @returns The complete config.
 * @throws {ConfigError} Naming every invalid field.
 * @example
 * ```ts
 * const config = parseCorrelationConfig({ windows: [30, 90], breakdown: { windows: [30] } })
 * ```
 */
export function parseCorrelationConfig(input: CorrelationConfigInput = {}): CorrelationConfig {
  return parseConfig(correlationConfigSchema, input, 'correlation config')
}
