import { nyTimeToMs } from '../calendar/newYorkTime.js'
import { expirationInstantMs } from '../calendar/optionsHours.js'
import { timeToExpiryYears } from '../calendar/timeToExpiry.js'
import type { CorrelationSnapshot, PairCorrelation, PairDivergence } from '../correlation/correlationSnapshot.js'
import { type OptionRight, optionContract } from '../instruments/instrument.js'
import { instrumentId } from '../instruments/instrumentId.js'
import { bsGreeks } from '../pricing/bsGreeks.js'
import { vixTermStructure } from '../regime/termStructure.js'
import type { VolatilityRegime } from '../regime/volatilityRegime.js'
import type { ChainQuote, ChainRow, ChainSide, ChainSnapshot } from '../streams/chain/chainTypes.js'
import type { StrategyContext } from './strategy.js'

/** A Friday with a regular session; SPY's expiring series stop at 16:15 New York. */
export const DAY = '2025-06-20'

/**
 * Epoch ms of a New York wall time on {@link DAY}.
 *
 * @param hhmm - Wall time `HH:mm`.
 * @returns Epoch ms.
 */
export function at(hhmm: string): number {
  return nyTimeToMs(DAY, hhmm)
}

/** Inputs of {@link chainFixture}. */
export interface ChainFixtureInput {
  readonly underlying?: string
  readonly spot: number
  readonly nowMs: number
  /** Strikes in the window. */
  readonly strikes: readonly number[]
  /** Flat implied volatility. @default 0.15 */
  readonly vol?: number
  /** Half of the bid-ask spread around the model price. @default 0.01 */
  readonly halfSpread?: number
  /** Open interest of a contract. @default none */
  readonly openInterest?: (strike: number, right: OptionRight) => number | undefined
  /** Rewrites (or removes, by returning `undefined`) a generated quote. */
  readonly edit?: (quote: ChainQuote) => ChainQuote | undefined
  readonly status?: ChainSnapshot['status']
  readonly expiryMs?: number
  readonly asOfMs?: number
}

const round2 = (value: number) => Math.round(value * 100) / 100

function side(input: ChainFixtureInput, strike: number, right: OptionRight, expiryMs: number): ChainSide {
  const underlying = input.underlying ?? 'SPY'
  const contract = optionContract({ root: underlying, expiry: DAY, strike, right })
  const id = instrumentId(contract)
  const vol = input.vol ?? 0.15
  const years = timeToExpiryYears(input.nowMs, expiryMs)
  const { price, ...greeks } = bsGreeks(right, input.spot, strike, years, vol, 0, 0)
  const half = input.halfSpread ?? 0.01
  const bid = Math.max(round2(price - half), 0)
  const ask = Math.max(round2(price + half), 0.01)
  const quote: ChainQuote = {
    instrumentId: id,
    bid,
    ask,
    bidSize: bid > 0 ? 50 : 0,
    askSize: 50,
    timestampMs: input.nowMs,
    underlyingPrice: input.spot,
    iv: vol,
    greeks,
    openInterest: input.openInterest?.(strike, right),
    strike,
    right,
    timeToExpiryYears: years,
    ivFailure: undefined,
  }
  return { contract, instrumentId: id, quote: input.edit ? input.edit(quote) : quote }
}

/**
 * A 0DTE chain snapshot with Black-Scholes quotes at a flat volatility, greeks at that volatility, and optional
 * open interest and per-quote edits.
 *
 * @param input - Spot, time, strikes and overrides.
 * @returns The snapshot.
 */
export function chainFixture(input: ChainFixtureInput): ChainSnapshot {
  const underlying = input.underlying ?? 'SPY'
  const expiryMs = input.expiryMs ?? expirationInstantMs(underlying, DAY)
  const strikes = [...input.strikes].sort((a, b) => a - b)
  const rows: ChainRow[] = strikes.map((strike) => ({
    strike,
    call: side(input, strike, 'call', expiryMs),
    put: side(input, strike, 'put', expiryMs),
  }))
  const center = strikes.reduce((best, k) => (Math.abs(k - input.spot) < Math.abs(best - input.spot) ? k : best))
  return {
    underlying,
    status: input.status ?? 'live',
    expiry: DAY,
    expiryMs,
    underlyingPrice: input.spot,
    centerStrike: center,
    timeToExpiryYears: timeToExpiryYears(input.nowMs, expiryMs),
    asOfMs: input.asOfMs ?? input.nowMs,
    rows,
    listedStrikes: strikes,
    listingError: undefined,
    rejectedQuotes: 0,
  }
}

/**
 * Strikes from `low` to `high` inclusive in steps of `step`.
 *
 * @param low - First strike.
 * @param high - Last strike.
 * @param step - Increment. @default 1
 * @returns The strikes.
 */
export function strikeRange(low: number, high: number, step = 1): number[] {
  const out: number[] = []
  for (let k = low; k <= high + 1e-9; k += step) out.push(Math.round(k * 1000) / 1000)
  return out
}

/** Inputs of {@link regimeFixture}: the fields a test cares about. */
export interface RegimeFixtureInput {
  readonly timestampMs: number
  readonly vix?: number
  readonly band?: VolatilityRegime['band']
  readonly percentile?: number
  readonly percentileObservations?: number
  readonly slopePerHour?: number | null
  readonly vix9d?: number | null
  readonly vix3m?: number | null
  readonly vix6m?: number | null
}

/**
 * A volatility regime with a term structure computed from the given VIX family values.
 *
 * @param input - Level, band, percentile, slope and family values.
 * @returns The regime.
 */
export function regimeFixture(input: RegimeFixtureInput): VolatilityRegime {
  const vix = input.vix ?? 16
  const values = {
    vix9d: input.vix9d === undefined ? vix * 0.95 : input.vix9d,
    vix,
    vix3m: input.vix3m === undefined ? vix * 1.12 : input.vix3m,
    vix6m: input.vix6m === undefined ? vix * 1.2 : input.vix6m,
  }
  const band = input.band ?? 'normal'
  const slope = input.slopePerHour === undefined ? 0 : input.slopePerHour
  return {
    timestampMs: input.timestampMs,
    vix,
    band,
    rawBand: band,
    pendingBand: null,
    positionSizeFactor: 1,
    percentile: input.percentile ?? 50,
    percentileObservations: input.percentileObservations ?? 780,
    slopePerHour: slope,
    slopeReason: slope === null ? 'insufficient_data' : null,
    values,
    termStructure: vixTermStructure(values, 0.02),
  }
}

/**
 * A correlation snapshot with one window: each pair's correlation (and optionally divergence z-score) given by
 * `"A/B"` keys in instrument order.
 *
 * @param input - Time, instruments, window length, correlations and z-scores.
 * @returns The snapshot.
 */
export function correlationFixture(input: {
  timestampMs: number
  instrumentIds?: readonly string[]
  windowObservations?: number
  correlations: Readonly<Record<string, number | null>>
  zScores?: Readonly<Record<string, number | null>>
}): CorrelationSnapshot {
  const ids = input.instrumentIds ?? ['SPY', 'QQQ', 'IWM']
  const pairs: PairCorrelation[] = []
  const divergences: PairDivergence[] = []
  const matrix = ids.map((_, i) => ids.map((__, j) => (i === j ? 1 : null)) as (number | null)[])
  for (let i = 0; i < ids.length; i++) {
    for (let j = i + 1; j < ids.length; j++) {
      const a = ids[i] ?? ''
      const b = ids[j] ?? ''
      const correlation = input.correlations[`${a}/${b}`] ?? null
      pairs.push({
        a,
        b,
        correlation,
        reason: correlation === null ? 'insufficient_data' : null,
        observations: 20,
        inBreakdown: correlation !== null && correlation < 0.3,
      })
      const zScore = input.zScores?.[`${a}/${b}`] ?? null
      divergences.push({ a, b, spread: zScore === null ? null : 0, zScore, reason: null })
      const row = matrix[i]
      const column = matrix[j]
      if (row) row[j] = correlation
      if (column) column[i] = correlation
    }
  }
  return {
    timestampMs: input.timestampMs,
    instrumentIds: ids,
    returns: ids.map(() => 0),
    windows: [{ windowObservations: input.windowObservations ?? 20, pairs, matrix }],
    divergences,
  }
}

/**
 * A strategy context from the parts a test sets; everything else is empty.
 *
 * @param input - Time, chains, regime, correlation, price history and strategies in position.
 * @returns The context.
 */
export function contextFixture(input: {
  nowMs: number
  chains?: readonly ChainSnapshot[]
  regime?: VolatilityRegime
  correlation?: CorrelationSnapshot
  priceHistory?: Readonly<Record<string, readonly number[]>>
  strategiesInPosition?: readonly string[]
}): StrategyContext {
  return {
    nowMs: input.nowMs,
    chains: new Map((input.chains ?? []).map((chain) => [chain.underlying, chain])),
    regime: input.regime,
    correlation: input.correlation,
    priceHistory: new Map(Object.entries(input.priceHistory ?? {})),
    positions: [],
    strategiesInPosition: new Set(input.strategiesInPosition ?? []),
  }
}

/**
 * Strikes of the legs of a signal's structure, with side and right, for compact assertions.
 *
 * @param legs - Order legs.
 * @returns `'buy 1 call 600'`-style strings in leg order.
 */
export function describeLegs(legs: readonly { instrument: unknown; side: string; ratio: number }[]): string[] {
  return legs.map(({ instrument, side, ratio }) => {
    const option = instrument as { right: string; strike: number }
    return `${side} ${ratio} ${option.right} ${option.strike}`
  })
}
