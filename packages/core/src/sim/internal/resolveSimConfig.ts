import type { z } from 'zod'
import { parseConfig } from '../../config/parseConfig.js'
import { choleskyFactor } from '../cholesky.js'
import {
  DEFAULT_SIM_RISK_PREMIUM,
  DEFAULT_SIM_SMILE,
  DEFAULT_SIM_VOLATILITY,
  type SimFeedOptions,
  type SimRiskPremiumConfig,
  type SimSmileConfig,
  type SimUnderlyingConfig,
  type SimVolatilityConfig,
  simFeedOptionsSchema,
  simSettingsSchema,
} from '../simConfig.js'
import { SimConfigError } from '../simConfigError.js'
import type { VarianceProcess } from '../volatilityTermStructure.js'

/** Return correlations of well-known pairs; other pairs default to 0.7. */
const KNOWN_CORRELATIONS: Readonly<Record<string, number>> = { 'SPY|QQQ': 0.93, 'SPY|IWM': 0.83, 'QQQ|IWM': 0.76 }
const DEFAULT_PAIR_CORRELATION = 0.7

/** Simulator options after validation, defaults and derivation. */
export interface ResolvedSimConfig {
  readonly seed: number | string
  readonly underlyings: readonly SimUnderlyingConfig[]
  /** Cholesky factor of the return correlation, row-major n×n. */
  readonly cholesky: Float64Array
  readonly volatility: SimVolatilityConfig
  readonly process: VarianceProcess
  readonly premium: SimRiskPremiumConfig
  readonly smile: SimSmileConfig
  readonly riskFreeRate: number
  readonly stepMs: number
  readonly indexIntervalMs: number
  readonly optionQuotesPerSecond: number
  readonly barIntervalMs: number
}

function defaultCorrelation(symbols: readonly string[]): number[][] {
  return symbols.map((a, i) =>
    symbols.map((b, j) => {
      if (i === j) return 1
      return KNOWN_CORRELATIONS[`${a}|${b}`] ?? KNOWN_CORRELATIONS[`${b}|${a}`] ?? DEFAULT_PAIR_CORRELATION
    }),
  )
}

/**
 * Validates simulator options and fills every default.
 *
 * @param options - User options.
 * @returns The resolved config.
 * @throws {ConfigError} When a field is invalid.
 * @throws {SimConfigError} When the correlation matrix does not fit the underlyings or is not positive definite.
 */
export function resolveSimConfig(options: SimFeedOptions): ResolvedSimConfig {
  return resolveParsed(parseConfig(simFeedOptionsSchema, options, 'sim feed options'))
}

/**
 * Validates the model settings of a simulator that runs without a clock (see `createSimEventSource`) and fills
 * every default.
 *
 * @param settings - Every {@link SimFeedOptions} field but `clock`.
 * @param configName - Name used in validation errors.
 * @returns The resolved config.
 * @throws {ConfigError} When a field is invalid.
 * @throws {SimConfigError} When the correlation matrix does not fit the underlyings or is not positive definite.
 */
export function resolveSimSettings(settings: Omit<SimFeedOptions, 'clock'>, configName: string): ResolvedSimConfig {
  return resolveParsed(parseConfig(simSettingsSchema, settings, configName))
}

function resolveParsed(parsed: z.output<typeof simSettingsSchema>): ResolvedSimConfig {
  const symbols = parsed.underlyings.map((u) => u.symbol)
  if (new Set(symbols).size !== symbols.length) throw new SimConfigError('Simulated underlyings must be distinct')
  const correlation = parsed.correlation ?? defaultCorrelation(symbols)
  if (correlation.length !== symbols.length) {
    throw new SimConfigError(`Correlation matrix has ${correlation.length} rows for ${symbols.length} underlyings`)
  }
  const volatility = { ...DEFAULT_SIM_VOLATILITY, ...parsed.volatility }
  const step = parsed.stepMs
  if (parsed.indexIntervalMs % step !== 0 || parsed.barIntervalMs % step !== 0) {
    throw new SimConfigError('indexIntervalMs and barIntervalMs must be multiples of stepMs')
  }
  return {
    seed: parsed.seed,
    underlyings: parsed.underlyings,
    cholesky: choleskyFactor(correlation),
    volatility,
    process: {
      meanReversionPerYear: volatility.meanReversionPerYear,
      longRunVariance: volatility.longRun ** 2,
      jumpsPerYear: volatility.jumpsPerYear,
      meanJumpVariance: volatility.meanJumpVariance,
    },
    premium: { ...DEFAULT_SIM_RISK_PREMIUM, ...parsed.varianceRiskPremium },
    smile: { ...DEFAULT_SIM_SMILE, ...parsed.smile },
    riskFreeRate: parsed.riskFreeRate,
    stepMs: step,
    indexIntervalMs: parsed.indexIntervalMs,
    optionQuotesPerSecond: parsed.optionQuotesPerSecond,
    barIntervalMs: parsed.barIntervalMs,
  }
}
