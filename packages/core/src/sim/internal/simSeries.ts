import { timeToExpiryYears } from '../../calendar/timeToExpiry.js'
import { impliedVariance } from '../volatilityTermStructure.js'
import type { SimMarket } from './simMarket.js'

/**
 * The pricing inputs every strike of one underlying and one expiry shares at a step: time to expiry, spot, forward
 * and at-the-money volatility. The option book refreshes several strikes of a series at the same step; computing
 * these once per series and step (instead of once per quote) gives the same numbers, since each comes from the
 * same expression on the same inputs.
 */
export class SimSeries {
  /** Contracts of the book in this series (the book drops the series at zero). */
  members = 0
  /** Step the fields below were computed for; NaN before the first. */
  private stampMs = Number.NaN
  /** Years to expiry (ACT/365, whole seconds); nothing is quoted at 0. */
  years = 0
  /** Efficient price of the underlying. */
  spot = 0
  /** Mid of the underlying's last quote (what option quotes report as `underlyingPrice`). */
  underlyingMid = 0
  /** √years. */
  sqrtYears = 0
  /** At-the-money implied volatility to expiry. */
  atmVolatility = 0
  /** Forward price to expiry. */
  forward = 0
  /** Years and carry factor e^{(r−q)·T} of the last update: T only changes once a second, the spot every step. */
  private carryYears = Number.NaN
  private carry = 0

  /**
   * @param underlyingIndex - Index of the underlying in the market.
   * @param expiry - Expiry date `YYYY-MM-DD`.
   * @param expiryMs - Instant the series stops trading.
   */
  constructor(
    readonly underlyingIndex: number,
    readonly expiry: string,
    readonly expiryMs: number,
  ) {}

  /**
   * Brings the shared inputs up to the market's state at step `atMs` (once per step; the market does not move
   * within a step).
   *
   * @param atMs - Current step.
   * @param market - The market.
   */
  update(atMs: number, market: SimMarket): void {
    if (this.stampMs === atMs) return
    this.stampMs = atMs
    const underlying = market.underlyings[this.underlyingIndex]
    const years = timeToExpiryYears(atMs, this.expiryMs)
    this.years = underlying ? years : 0
    if (!underlying || years <= 0) return
    const config = market.config
    const spot = underlying.price
    const dividendYield = underlying.config.dividendYield
    const totalVariance =
      this.expiry === market.day.date
        ? market.remainingSessionVariance(underlying.config.volatilityRatio)
        : impliedVariance(
            Math.max(market.variance, 0) * underlying.config.volatilityRatio ** 2,
            years,
            config.process,
            config.premium,
          ) * years
    if (years !== this.carryYears) {
      this.carryYears = years
      this.sqrtYears = Math.sqrt(years)
      this.carry = Math.exp((config.riskFreeRate - dividendYield) * years)
    }
    this.spot = spot
    this.underlyingMid = underlying.mid
    this.atmVolatility = Math.sqrt(totalVariance / years)
    this.forward = spot * this.carry
  }
}
