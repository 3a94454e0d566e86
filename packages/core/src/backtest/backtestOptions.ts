import type { Writable } from 'node:stream'
import { Decimal } from 'decimal.js'
import { z } from 'zod'
import type { ExitRulesInput } from '../exits/exitRules.js'
import type { MarketEvent } from '../feeds/marketEvent.js'
import type { Logger } from '../logging/logger.js'
import type { LimitPricePolicy } from '../orders/limitPricePolicy.js'
import type { PaperBrokerOptions } from '../paper/paperBrokerOptions.js'
import type { RiskLimitsInput } from '../risk/riskLimits.js'
import type { sizingConfigSchema } from '../sizing/sizingConfig.js'
import type { Strategy } from '../strategies/strategy.js'
import type { MarketPipelineOptions } from '../system/marketPipeline.js'
import { type BacktestData, backtestDataSchema } from './backtestData.js'

/**
 * How Sharpe, Sortino and annualised return sample the equity curve.
 *
 * @example
 * ```ts
 * await runBacktest({ data: { kind: 'sim' }, date: '2025-11-03', days: 20, returnSampling: BacktestReturnSampling.Daily })
 * ```
 */
export const BacktestReturnSampling = {
  /** `daily` from 20 trading days on, `intraday` for shorter runs. */
  Auto: 'auto',
  /** Returns between New York day closes, 252 a year. Needs several days to mean anything. */
  Daily: 'daily',
  /**
   * Returns between consecutive equity samples (every `equityIntervalMs`), annualised with 252 × the samples of a
   * day. Intraday figures of a short run are noisy and not comparable with daily ratios.
   */
  Intraday: 'intraday',
} as const
/** One of {@link BacktestReturnSampling}. */
export type BacktestReturnSampling = (typeof BacktestReturnSampling)[keyof typeof BacktestReturnSampling]

/** Options of `runBacktest`. Plain-data fields are validated by {@link backtestOptionsSchema}. */
export interface BacktestOptions {
  /** Market data: the simulator or a recording. */
  readonly data: BacktestData
  /** First trading day `YYYY-MM-DD` (New York). */
  readonly date: string
  /** Trading days to run, from `date` on (holidays and weekends skipped). @default 1 */
  readonly days?: number
  /** New York time each session starts, `HH:mm`. @default '09:30' */
  readonly sessionStart?: string
  /** New York time each session ends, `HH:mm`; after 16:15 it includes expiration settlement. @default '16:20' */
  readonly sessionEnd?: string
  /** Strategies, shared by every day. @default the five built-in strategies with their defaults */
  readonly strategies?: readonly Strategy[]
  /** Cash of the paper account at the start. @default 100000 */
  readonly startingCash?: number | string | Decimal
  /** Risk limits. @default the risk engine's defaults */
  readonly risk?: RiskLimitsInput
  /** Position sizing. @default the sizing defaults */
  readonly sizing?: z.input<typeof sizingConfigSchema>
  /** Exit rules. @default the exit manager's defaults */
  readonly exits?: ExitRulesInput
  /** Market pipeline settings (underlyings, chain selection, regime, correlation). @default the pipeline's */
  readonly market?: Omit<MarketPipelineOptions, 'feed' | 'clock'>
  /** Paper broker settings (commissions, slippage, latency). @default the paper broker's */
  readonly paper?: Omit<PaperBrokerOptions, 'clock' | 'quotes$' | 'store' | 'startingCash'>
  /** Limit price of entries. @default { kind: 'mid' } */
  readonly entryPricePolicy?: LimitPricePolicy
  /** How often strategies are evaluated, clock ms. @default 30000 */
  readonly decisionIntervalMs?: number
  /** Equity curve sampling interval, clock ms. @default 60000 */
  readonly equityIntervalMs?: number
  /**
   * Clock interval at which the backtest lets asynchronous work finish (orders travelling through the journal to
   * the broker), ms from the session start. The system's own timers (decisions every 30 s, exits and P&L every
   * second) fall on it; work started between two points completes at the next. @default 1000
   */
  readonly settleIntervalMs?: number
  /** Sampling of return ratios. @default 'auto' */
  readonly returnSampling?: BacktestReturnSampling
  /** Annual risk-free rate for Sharpe and Sortino (0.04 = 4 %). @default 0 */
  readonly riskFreeRateAnnual?: number
  /** Run id in the report. @default derived from the dates and the data (never a clock reading) */
  readonly runId?: string
  /** Report heading. @default derived from the dates and the data */
  readonly title?: string
  /** Extra notes shown in the report. @default [] */
  readonly notes?: readonly string[]
  /** Writes every delivered event as NDJSON (replayable with `{ kind: 'ndjson' }`); ended when the run ends. */
  readonly record?: Writable
  /** Sees every delivered event, in delivery order. */
  readonly onEvent?: (event: MarketEvent) => void
  /** Logger of the trading system. @default a silent logger */
  readonly logger?: Logger
}

const HHMM = z.string().regex(/^([01]\d|2[0-3]):([0-5]\d)$/, 'must be HH:mm')
const passthrough = <T>(message: string) =>
  z.custom<T>((value) => typeof value === 'object' && value !== null, message).optional()

/**
 * Zod schema of {@link BacktestOptions}; `runBacktest` parses its input with it once.
 *
 * @example
 * ```ts
 * const options = parseConfig(backtestOptionsSchema, { data: { kind: 'sim' }, date: '2025-11-21' }, 'backtest options')
 * options.sessionEnd // '16:20'
 * ```
 */
export const backtestOptionsSchema = z
  .object({
    data: backtestDataSchema,
    date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be YYYY-MM-DD'),
    days: z.number().int().min(1).max(1000).default(1),
    sessionStart: HHMM.default('09:30'),
    sessionEnd: HHMM.default('16:20'),
    strategies: z
      .array(
        z.custom<Strategy>(
          (value) => typeof (value as Strategy | undefined)?.evaluate === 'function',
          'must be a Strategy (id, evaluate)',
        ),
      )
      .optional(),
    startingCash: z
      .union([z.number(), z.string(), z.instanceof(Decimal)])
      .transform((value) => new Decimal(value))
      .refine((value) => value.isFinite() && value.gt(0), 'must be a positive amount')
      .prefault(100_000),
    risk: passthrough<RiskLimitsInput>('must be risk limits'),
    sizing: passthrough<z.input<typeof sizingConfigSchema>>('must be a sizing config'),
    exits: passthrough<ExitRulesInput>('must be exit rules'),
    market: passthrough<Omit<MarketPipelineOptions, 'feed' | 'clock'>>('must be market pipeline settings'),
    paper: passthrough<Omit<PaperBrokerOptions, 'clock' | 'quotes$' | 'store' | 'startingCash'>>(
      'must be paper broker settings',
    ),
    entryPricePolicy: passthrough<LimitPricePolicy>('must be a limit price policy'),
    decisionIntervalMs: z.number().int().positive().default(30_000),
    equityIntervalMs: z.number().int().min(1000).default(60_000),
    settleIntervalMs: z.number().int().min(1).max(60_000).default(1000),
    returnSampling: z.enum(['auto', 'daily', 'intraday']).default('auto'),
    riskFreeRateAnnual: z.number().finite().gt(-1).default(0),
    runId: z.string().min(1).optional(),
    title: z.string().min(1).optional(),
    notes: z.array(z.string()).default([]),
    record: z
      .custom<Writable>((value) => typeof (value as Writable | undefined)?.write === 'function', 'must be a Writable')
      .optional(),
    onEvent: z.custom<(event: MarketEvent) => void>((value) => typeof value === 'function').optional(),
    logger: passthrough<Logger>('must be a Logger'),
  })
  .refine((options) => options.sessionStart < options.sessionEnd, {
    message: 'must be after sessionStart',
    path: ['sessionEnd'],
  })

/** {@link BacktestOptions} after validation, with defaults applied. */
export type ResolvedBacktestOptions = z.output<typeof backtestOptionsSchema>
