import { z } from 'zod'
import type { Clock } from '../clock/clock.js'

const clockSchema = z.custom<Clock>(
  (value) => typeof (value as Clock | undefined)?.now === 'function' && typeof (value as Clock).scheduler === 'object',
  'must be a Clock (now() and scheduler)',
)

const underlyingSchema = z.object({
  /** Ticker, also the OSI root of its options. */
  symbol: z.string().regex(/^[A-Z][A-Z0-9]{0,5}$/, 'must be an upper-case ticker of 1–6 characters'),
  /** Price at the first simulated open. */
  startPrice: z.number().positive(),
  /** Volatility relative to the market variance process (SPY = 1; QQQ and IWM are more volatile). */
  volatilityRatio: z.number().positive(),
  /** Continuous dividend yield used in option pricing. */
  dividendYield: z.number().min(0).max(0.2),
  /** Quote tick of the shares, in cents. */
  tickCents: z.number().int().positive(),
  /** Mean top-of-book quote updates per second over the session (conflated; real NBBO updates far more). */
  quotesPerSecond: z.number().positive(),
  /** Mean trades per second over the session. */
  tradesPerSecond: z.number().min(0),
  /** Mean displayed size at the bid and at the ask, in round lots of 100 shares. */
  meanQuoteLots: z.number().positive(),
  /** Strike spacing of the listing near the money, dollars. */
  strikeIncrement: z.number().positive(),
  /** Strike spacing beyond `denseStrikeRange`, dollars. */
  wideStrikeIncrement: z.number().positive(),
  /** Fraction of the reference price within which strikes are `strikeIncrement` apart. */
  denseStrikeRange: z.number().positive().max(1),
  /** Fraction of the reference price the listing spans on each side. */
  listedStrikeRange: z.number().positive().max(1),
  /**
   * Option tick rule: `penny_all` quotes every price in $0.01 (SPY, QQQ and IWM are in the Penny Interval
   * Program's all-penny group); `penny_below_3` uses $0.01 below $3 and $0.05 from $3.
   */
  optionTickRule: z.enum(['penny_all', 'penny_below_3']),
  /** Daily volume of the most active (at-the-money) expiring strike, contracts. */
  peakOptionVolume: z.number().int().min(0),
  /** Open interest of the at-the-money expiring strike at the open, contracts. */
  peakOpenInterest: z.number().int().min(0),
  /** Mean displayed size of at-the-money option quotes, contracts. */
  meanOptionQuoteSize: z.number().positive(),
})

/** One simulated underlying. */
export type SimUnderlyingConfig = z.output<typeof underlyingSchema>

const volatilitySchema = z.object({
  /** Volatility at the first simulated open (annualised, 0.13 = 13 %). */
  initial: z.number().positive().max(3),
  /** Long-run volatility the variance reverts to. */
  longRun: z.number().positive().max(3),
  /** Mean-reversion speed of the variance, per trading year (κ). */
  meanReversionPerYear: z.number().positive(),
  /** Volatility of the variance (ξ of the Heston process). */
  volOfVol: z.number().min(0),
  /** Correlation between the first underlying's returns and its variance (leverage effect, usually negative). */
  leverageCorrelation: z.number().min(-1).max(1),
  /** Variance jumps (sudden stress) per trading year. */
  jumpsPerYear: z.number().min(0),
  /** Mean size of a variance jump (exponentially distributed), in annualised variance. */
  meanJumpVariance: z.number().min(0),
  /** Share of a day's variance realised during the regular session; the rest is the overnight gap. */
  sessionVarianceShare: z.number().positive().max(1),
})

const riskPremiumSchema = z.object({
  /** Implied over expected variance, minus 1, at very short maturities. */
  short: z.number().min(0),
  /** The same at long maturities (the premium grows with maturity: contango in calm markets). */
  long: z.number().min(0),
  /** Maturity scale of the transition, years. */
  maturityYears: z.number().positive(),
})

const smileSchema = z.object({
  /** Put skew: relative IV increase per standard deviation below the money (tanh-shaped). */
  skew: z.number().min(0).max(1),
  /** Wing curvature. */
  curvature: z.number().min(0).max(1),
})

/** Default underlyings: SPY, QQQ, IWM at realistic levels and rates. */
export const DEFAULT_SIM_UNDERLYINGS: readonly SimUnderlyingConfig[] = [
  underlying('SPY', 590, 1, 0.012, 6, 3, 6, 150_000, 30_000, 250),
  underlying('QQQ', 510, 1.25, 0.006, 5, 2, 4, 60_000, 15_000, 120),
  underlying('IWM', 230, 1.4, 0.012, 3, 1, 8, 20_000, 8_000, 80),
]

function underlying(
  symbol: string,
  startPrice: number,
  volatilityRatio: number,
  dividendYield: number,
  quotesPerSecond: number,
  tradesPerSecond: number,
  meanQuoteLots: number,
  peakOptionVolume: number,
  peakOpenInterest: number,
  meanOptionQuoteSize: number,
): SimUnderlyingConfig {
  return {
    symbol,
    startPrice,
    volatilityRatio,
    dividendYield,
    tickCents: 1,
    quotesPerSecond,
    tradesPerSecond,
    meanQuoteLots,
    strikeIncrement: 1,
    wideStrikeIncrement: 5,
    denseStrikeRange: 0.1,
    listedStrikeRange: 0.25,
    optionTickRule: 'penny_all',
    peakOptionVolume,
    peakOpenInterest,
    meanOptionQuoteSize,
  }
}

/** Schema of {@link SimFeedOptions}; `parseConfig` applies the defaults. */
export const simFeedOptionsSchema = z.object({
  clock: clockSchema,
  seed: z.union([z.number(), z.string()]).default(1),
  underlyings: z
    .array(underlyingSchema)
    .min(1)
    .default([...DEFAULT_SIM_UNDERLYINGS]),
  correlation: z.array(z.array(z.number().min(-1).max(1))).optional(),
  volatility: volatilitySchema.partial().default({}),
  varianceRiskPremium: riskPremiumSchema.partial().default({}),
  smile: smileSchema.partial().default({}),
  riskFreeRate: z.number().min(-0.05).max(0.5).default(0.043),
  stepMs: z.number().int().min(10).max(60_000).default(100),
  indexIntervalMs: z.number().int().positive().default(1_000),
  optionQuotesPerSecond: z.number().positive().default(0.3),
  barIntervalMs: z.number().int().positive().default(60_000),
})

/** {@link simFeedOptionsSchema} without the clock: the model settings alone. */
export const simSettingsSchema = simFeedOptionsSchema.omit({ clock: true })

/** Volatility defaults: a calm market (13 % now, 16 % long run) with occasional variance jumps. */
export const DEFAULT_SIM_VOLATILITY: z.output<typeof volatilitySchema> = {
  initial: 0.13,
  longRun: 0.16,
  meanReversionPerYear: 5,
  volOfVol: 0.6,
  leverageCorrelation: -0.7,
  jumpsPerYear: 2,
  meanJumpVariance: 0.03,
  sessionVarianceShare: 0.8,
}

/** Variance risk premium defaults: implied variance 15 % above expected at short maturities, 45 % at long ones. */
export const DEFAULT_SIM_RISK_PREMIUM: z.output<typeof riskPremiumSchema> = {
  short: 0.15,
  long: 0.45,
  maturityYears: 0.25,
}

/** Smile defaults: a put skew typical of US index ETFs with mild wings. */
export const DEFAULT_SIM_SMILE: z.output<typeof smileSchema> = { skew: 0.15, curvature: 0.08 }

/** Correlation of daily returns of SPY, QQQ and IWM (typical recent values). */
export const DEFAULT_SIM_CORRELATION: readonly (readonly number[])[] = [
  [1, 0.93, 0.83],
  [0.93, 1, 0.76],
  [0.83, 0.76, 1],
]

/** Volatility process parameters. */
export type SimVolatilityConfig = z.output<typeof volatilitySchema>
/** Variance risk premium parameters. */
export type SimRiskPremiumConfig = z.output<typeof riskPremiumSchema>
/** Smile parameters. */
export type SimSmileConfig = z.output<typeof smileSchema>

/** Options of `createSimFeed`. Every event it produces is SIMULATED. */
export interface SimFeedOptions {
  /** The clock the simulation runs on: the wall clock for real time, a virtual clock for accelerated runs. */
  clock: Clock
  /** Seed of every random draw: the same seed and the same subscriptions give the same events. @default 1 */
  seed?: number | string
  /** Simulated underlyings. @default SPY 590, QQQ 510, IWM 230 ({@link DEFAULT_SIM_UNDERLYINGS}) */
  underlyings?: readonly SimUnderlyingConfig[]
  /** Return correlation matrix, one row per underlying (positive definite). @default {@link DEFAULT_SIM_CORRELATION} */
  correlation?: readonly (readonly number[])[]
  /** Volatility process; missing fields take {@link DEFAULT_SIM_VOLATILITY}. */
  volatility?: Partial<SimVolatilityConfig>
  /** Variance risk premium; missing fields take {@link DEFAULT_SIM_RISK_PREMIUM}. */
  varianceRiskPremium?: Partial<SimRiskPremiumConfig>
  /** Volatility smile; missing fields take {@link DEFAULT_SIM_SMILE}. */
  smile?: Partial<SimSmileConfig>
  /** Risk-free rate for option pricing. @default 0.043 */
  riskFreeRate?: number
  /** Simulation step (event timestamps fall on this grid), ms. @default 100 */
  stepMs?: number
  /** Interval between VIX-family values, ms. @default 1000 */
  indexIntervalMs?: number
  /** Mean quote updates per second of an at-the-money subscribed option over the session. @default 0.3 */
  optionQuotesPerSecond?: number
  /** Length of the bars built from simulated trades, ms. @default 60000 */
  barIntervalMs?: number
}
