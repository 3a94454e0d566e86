import { z } from 'zod'
import { parseConfig } from '../config/parseConfig.js'

const HHMM = z.string().regex(/^([01]\d|2[0-3]):([0-5]\d)$/, 'must be HH:mm')

/**
 * Exit rules watched by the exit manager. Profit and loss are fractions of the entry price per unit: for a
 * credit spread sold at 1.20, a profit fraction of 0.5 means it can be bought back at 0.60; for a debit spread
 * bought at 2.00, 0.5 means it is worth 3.00.
 *
 * @example
 * ```ts
 * const rules = parseExitRules({ takeProfit: [{ profitFraction: 0.4 }], timeExit: { minutesBefore: 30 } })
 * ```
 */
export const exitRulesSchema = z
  .object({
    /**
     * Take-profit tiers by New York time of day, [`from`, `until`). The tier in force when profit reaches its
     * `profitFraction` closes `closeFraction` of the trade's filled units (at least one), once per tier.
     * @default 50 % before 12:00, 35 % 12:00–14:00, 25 % from 14:00; each closes everything
     */
    takeProfit: z
      .array(
        z
          .object({
            from: HHMM.optional(),
            until: HHMM.optional(),
            profitFraction: z.number().gt(0).max(10),
            closeFraction: z.number().gt(0).max(1).default(1),
          })
          .strict(),
      )
      .default([
        { until: '12:00', profitFraction: 0.5, closeFraction: 1 },
        { from: '12:00', until: '14:00', profitFraction: 0.35, closeFraction: 1 },
        { from: '14:00', profitFraction: 0.25, closeFraction: 1 },
      ]),
    /**
     * Stop-loss: close everything when the loss reaches this fraction of the entry price. Credit trades default to
     * 1 (a loss equal to the credit, the common "2× credit" stop); debit trades to 0.5 (half the premium paid).
     * `null` disables it. @default { credit: 1, debit: 0.5 }
     */
    stopLoss: z
      .object({ credit: z.number().gt(0).max(100), debit: z.number().gt(0).max(1) })
      .strict()
      .nullable()
      .default({ credit: 1, debit: 0.5 }),
    /**
     * Time exit: close everything `minutesBefore` the reference instant of the earliest expiring leg:
     * `expiration` (when the expiring series stop trading: 16:15 for SPY/QQQ/IWM, 16:00 for SPX) or
     * `regular_close` (16:00, or 13:00 on early closes). `null` disables it. The default closes before the regular
     * close: after 16:00 expiring ETF options trade thinly while their exercise is decided on the 16:00 price, so
     * holding them past the close is how 0DTE positions turn into unwanted shares.
     * @default { minutesBefore: 15, reference: 'regular_close' }
     */
    timeExit: z
      .object({
        minutesBefore: z.number().int().min(0).max(390),
        reference: z.enum(['expiration', 'regular_close']).default('regular_close'),
      })
      .strict()
      .nullable()
      .default({ minutesBefore: 15, reference: 'regular_close' }),
    /** How often every open trade is evaluated, ms on the clock. @default 1000 */
    evaluateIntervalMs: z.number().int().positive().default(1000),
    /** A take-profit limit order still working after this long is cancelled, then re-evaluated. @default 30000 */
    repriceAfterMs: z.number().int().positive().default(30_000),
  })
  .strict()

/** Parsed {@link exitRulesSchema}. */
export type ExitRules = z.output<typeof exitRulesSchema>
/** Input of {@link parseExitRules}. */
export type ExitRulesInput = z.input<typeof exitRulesSchema>

/**
 * Validates exit rules and fills in defaults.
 *
 * @param input - Partial rules.
 * @returns The rules.
 * @throws {ConfigError} When a rule is invalid.
 * @example
 * ```ts
 * const rules = parseExitRules({ stopLoss: null })
 * ```
 */
export function parseExitRules(input: ExitRulesInput = {}): ExitRules {
  return parseConfig(exitRulesSchema, input, 'exit rules')
}
