import { Decimal } from 'decimal.js'
import { z } from 'zod'
import { parseConfig } from '../config/parseConfig.js'
import { nonNegativeDecimalSchema } from './internal/decimalSchema.js'

const HHMM = /^([01]\d|2[0-3]):([0-5]\d)$/

/**
 * Pre-trade limits of the risk engine. Every limit applies to entries; exits (orders that only reduce positions)
 * skip them, so closing risk is never blocked by a limit meant to stop opening it.
 *
 * Defaults suit a small account trading a few SPY/QQQ/IWM spreads; set your own. Where the seeds or the original
 * Smart-0DTE project named a figure it is cited; the rest are this SDK's conservative choices.
 *
 * @example
 * ```ts
 * const limits = parseRiskLimits({ maxContractsPerOrder: 5, maxDailyLoss: 500 })
 * ```
 */
export const riskLimitsSchema = z
  .object({
    /** Largest contract count of any leg (order quantity × leg ratio). @default 10 */
    maxContractsPerOrder: z.number().int().positive().default(10),
    /** Largest gross premium of one order: Σ legs |price| × contracts × multiplier, dollars. @default 10000 */
    maxNotionalPerOrder: nonNegativeDecimalSchema.default(new Decimal(10_000)),
    /**
     * Most instruments held or working on one underlying (an iron condor holds four). The original project allowed
     * 2 spreads per symbol (`max_positions_per_symbol = 2`); 8 instruments is two condors. @default 8
     */
    maxPositionsPerSymbol: z.number().int().positive().default(8),
    /** Most instruments held or working in total (original project: 5 spreads ≈ 20 legs). @default 20 */
    maxPositionsTotal: z.number().int().positive().default(20),
    /**
     * Cap on |portfolio dollar delta| = |Σ delta × multiplier × quantity × underlying price| over positions,
     * working entries and the new order. @default 250000
     */
    maxPortfolioDeltaDollars: z.number().positive().default(250_000),
    /**
     * Cap on |portfolio dollar gamma|: the change in dollar delta for a 1 % move of every underlying,
     * Σ gamma × multiplier × quantity × price² × 0.01. 0DTE gamma is large: one at-the-money SPY contract in the
     * last hour is of the order of 50 000. @default 500000
     */
    maxPortfolioGammaDollars: z.number().positive().default(500_000),
    /** Entries accepted per rolling window before the rate limit refuses. @default 10 */
    maxOrdersPerWindow: z.number().int().positive().default(10),
    /** Length of the rate-limit window in milliseconds. @default 60000 */
    rateWindowMs: z.number().int().positive().default(60_000),
    /** New York wall time after which no new position may be opened in a contract expiring today. @default '15:30' */
    zeroDteEntryCutoff: z.string().regex(HHMM, 'must be HH:mm').default('15:30'),
    /** Largest maximum loss of one order (defined-risk payoff at expiry, including the premium), dollars. @default 1000 */
    maxLossPerOrder: nonNegativeDecimalSchema.default(new Decimal(1_000)),
    /** Allow entries whose loss is unbounded (naked short calls, short stock). @default false */
    allowUndefinedRisk: z.boolean().default(false),
    /**
     * Daily loss (realised + unrealised, losses only) at which trading halts. The original project used 10 % of
     * the account (`max_daily_loss = account_size * 0.10`); a fixed amount is clearer to audit. @default 1000
     */
    maxDailyLoss: nonNegativeDecimalSchema.default(new Decimal(1_000)),
    /** Fraction of `maxDailyLoss` at which a warning event is emitted (once per day). @default 0.75 */
    dailyLossWarnFraction: z.number().gt(0).lt(1).default(0.75),
  })
  .strict()

/** Parsed {@link riskLimitsSchema}: every field present, money as `Decimal`. */
export type RiskLimits = z.output<typeof riskLimitsSchema>
/** What {@link parseRiskLimits} accepts: every field optional. */
export type RiskLimitsInput = z.input<typeof riskLimitsSchema>

/**
 * Validates risk limits and fills in defaults.
 *
 * @param input - Partial limits.
 * @returns The complete limits.
 * @throws {ConfigError} When a field is invalid or unknown.
 * @example
 * ```ts
 * const limits = parseRiskLimits({ maxDailyLoss: '750.00', zeroDteEntryCutoff: '15:00' })
 * ```
 */
export function parseRiskLimits(input: RiskLimitsInput = {}): RiskLimits {
  return parseConfig(riskLimitsSchema, input, 'risk limits')
}
