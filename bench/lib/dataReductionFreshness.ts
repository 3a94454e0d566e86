/**
 * How fresh the market state is at decision instants, measured against the gates the built-in strategies apply
 * (leg quotes at most 60 s old, a VIX regime at most 120 s old for VIX spike reversion), and how far its underlying
 * prices are from the full-rate state's: what explains decisions that differ between a reduced and a full stream.
 */
import type { MarketState } from '@smart-0dte/core'

/** Freshness of one state over a day of decisions. */
export interface FreshnessSummary {
  /** Window contracts with a quote, summed over decisions. */
  readonly quotedSides: number
  /** Of those, quotes older than the strategies' `maxQuoteAgeMs` (unusable as legs). */
  readonly staleSides: number
  /** Decisions with a regime. */
  readonly regimes: number
  /** Of those, regimes older than VIX spike reversion's `maxRegimeAgeMs`. */
  readonly staleRegimes: number
  /** Median and largest |underlying mid / full-rate mid − 1| at decisions, basis points. */
  readonly medianSpotGapBp: number
  readonly maxSpotGapBp: number
}

/** Accumulates freshness at each decision. */
export interface FreshnessTally {
  /**
   * @param nowMs - Decision time.
   * @param market - The state.
   * @param reference - The full-rate state at the same instant.
   */
  add(nowMs: number, market: MarketState, reference: MarketState): void
  summary(): FreshnessSummary
}

/**
 * Creates a tally.
 *
 * @param maxQuoteAgeMs - Leg freshness gate. @default 60000 (every built-in strategy's default)
 * @param maxRegimeAgeMs - Regime freshness gate. @default 120000 (VIX spike reversion's default)
 * @returns The tally.
 */
export function createFreshnessTally(maxQuoteAgeMs = 60_000, maxRegimeAgeMs = 120_000): FreshnessTally {
  let quotedSides = 0
  let staleSides = 0
  let regimes = 0
  let staleRegimes = 0
  const gapsBp: number[] = []
  return {
    add(nowMs, market, reference) {
      for (const chain of market.chains.values()) {
        for (const row of chain.rows) {
          for (const side of [row.call, row.put]) {
            if (side?.quote === undefined) continue
            quotedSides++
            if (nowMs - side.quote.timestampMs > maxQuoteAgeMs) staleSides++
          }
        }
      }
      if (market.regime !== undefined) {
        regimes++
        if (nowMs - market.regime.timestampMs > maxRegimeAgeMs) staleRegimes++
      }
      for (const [underlying, price] of market.underlyingPrices) {
        const full = reference.underlyingPrices.get(underlying)
        if (full !== undefined && full > 0) gapsBp.push(Math.abs(price / full - 1) * 10_000)
      }
    },
    summary() {
      const sorted = [...gapsBp].sort((a, b) => a - b)
      return {
        quotedSides,
        staleSides,
        regimes,
        staleRegimes,
        medianSpotGapBp: sorted[Math.floor(sorted.length / 2)] ?? 0,
        maxSpotGapBp: sorted[sorted.length - 1] ?? 0,
      }
    },
  }
}
