import { timeToExpiryYears } from '../../../calendar/timeToExpiry.js'
import type { OptionContract, OptionRight } from '../../../instruments/instrument.js'
import type { Greeks, OptionQuote } from '../../../marketData/types.js'
import { bsGreeks } from '../../../pricing/bsGreeks.js'
import { impliedVolatility } from '../../../pricing/impliedVolatility.js'
import type { ChainQuote, IvFailure } from '../chainTypes.js'
import type { LadderContract } from './strikeLadder.js'

/** Pricing inputs shared by every contract of a chain. */
export interface PricingInputs {
  /** Latest underlying mid, or NaN before the first one. */
  spot: number
  /** Expiration instant, epoch ms. */
  expiryMs: number
  readonly rate: number
  readonly dividendYield: number
}

/**
 * One contract in the chain's window: its latest enriched quote and a cache of the last IV/greeks solve, keyed by
 * the inputs that change them (mid, spot, whole seconds to expiry). A size-only update, or several updates within
 * one second at the same mid and spot, reuse the solve.
 */
export class ContractState implements LadderContract {
  readonly strike: number
  readonly right: OptionRight
  quote: ChainQuote | undefined = undefined
  private cachedMid = Number.NaN
  private cachedSpot = Number.NaN
  private cachedYears = Number.NaN
  private cachedIv: number | undefined = undefined
  private cachedGreeks: Greeks | undefined = undefined
  private cachedFailure: IvFailure | undefined = 'no_mid'

  constructor(
    readonly contract: OptionContract,
    readonly instrumentId: string,
  ) {
    this.strike = contract.strike
    this.right = contract.right
  }

  /** Last solved IV, for the delta band. */
  get iv(): number | undefined {
    return this.cachedIv
  }

  /**
   * Enriches `quote` and keeps it as the contract's latest.
   *
   * @returns The enriched quote.
   */
  update(quote: OptionQuote, inputs: PricingInputs): ChainQuote {
    const { bid, ask } = quote
    const mid = bid > 0 && ask > 0 ? (bid + ask) / 2 : Number.NaN
    const years = timeToExpiryYears(quote.timestampMs, inputs.expiryMs)
    const spot = inputs.spot
    if (mid !== this.cachedMid || spot !== this.cachedSpot || years !== this.cachedYears) {
      this.solve(mid, spot, years, inputs)
    }
    const enriched: ChainQuote = {
      instrumentId: this.instrumentId,
      bid,
      ask,
      bidSize: quote.bidSize,
      askSize: quote.askSize,
      timestampMs: quote.timestampMs,
      timestampNs: quote.timestampNs,
      exchange: quote.exchange,
      source: quote.source,
      underlyingPrice: Number.isNaN(spot) ? undefined : spot,
      iv: this.cachedIv,
      greeks: this.cachedGreeks,
      openInterest: quote.openInterest,
      volume: quote.volume,
      strike: this.strike,
      right: this.right,
      timeToExpiryYears: years,
      ivFailure: this.cachedFailure,
    }
    this.quote = enriched
    return enriched
  }

  private solve(mid: number, spot: number, years: number, inputs: PricingInputs): void {
    this.cachedMid = mid
    this.cachedSpot = spot
    this.cachedYears = years
    this.cachedIv = undefined
    this.cachedGreeks = undefined
    if (Number.isNaN(mid)) {
      this.cachedFailure = 'no_mid'
      return
    }
    if (Number.isNaN(spot)) {
      this.cachedFailure = 'no_spot'
      return
    }
    const { rate, dividendYield } = inputs
    const solved = impliedVolatility(this.right, mid, spot, this.strike, years, rate, dividendYield)
    if (!solved.ok) {
      this.cachedFailure = solved.reason
      return
    }
    this.cachedFailure = undefined
    this.cachedIv = solved.iv
    this.cachedGreeks = bsGreeks(this.right, spot, this.strike, years, solved.iv, rate, dividendYield)
  }
}
