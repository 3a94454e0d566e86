import { describe, expect, it } from 'vitest'
import { nyTimeToMs } from '../../calendar/newYorkTime.js'
import { expirationInstantMs } from '../../calendar/optionsHours.js'
import { timeToExpiryYears } from '../../calendar/timeToExpiry.js'
import { createVirtualClock } from '../../clock/virtualClock.js'
import { impliedVariance } from '../volatilityTermStructure.js'
import { resolveSimConfig } from './resolveSimConfig.js'
import { SimMarket } from './simMarket.js'
import { SimSeries } from './simSeries.js'

const DATE = '2025-11-21'
const OPEN = nyTimeToMs(DATE, '09:30')

describe('SimSeries', () => {
  const market = new SimMarket(resolveSimConfig({ clock: createVirtualClock(OPEN), seed: 9 }), OPEN)
  const qqq = market.underlyings[1]
  if (!qqq) throw new Error('no QQQ')
  const config = market.config

  it('holds the pricing inputs of a 0DTE series at a step, computed as the per-quote formulas do', () => {
    const atMs = OPEN + 45 * 60_000
    market.advance(atMs, undefined)
    const series = new SimSeries(1, DATE, expirationInstantMs('QQQ', DATE))
    series.update(atMs, market)
    const years = timeToExpiryYears(atMs, series.expiryMs)
    expect(series.years).toBe(years)
    expect(series.spot).toBe(qqq.price)
    expect(series.underlyingMid).toBe(qqq.mid)
    expect(series.sqrtYears).toBe(Math.sqrt(years))
    const variance = market.remainingSessionVariance(qqq.config.volatilityRatio)
    expect(series.atmVolatility).toBe(Math.sqrt(variance / years))
    expect(series.forward).toBe(qqq.price * Math.exp((config.riskFreeRate - qqq.config.dividendYield) * years))
  })

  it('prices a later expiry off the variance term structure', () => {
    const atMs = OPEN + 50 * 60_000
    market.advance(atMs, undefined)
    const later = '2025-11-24'
    const series = new SimSeries(1, later, expirationInstantMs('QQQ', later))
    series.update(atMs, market)
    const years = timeToExpiryYears(atMs, series.expiryMs)
    const ratio = qqq.config.volatilityRatio
    const total =
      impliedVariance(Math.max(market.variance, 0) * ratio ** 2, years, config.process, config.premium) * years
    expect(series.atmVolatility).toBe(Math.sqrt(total / years))
  })

  it('computes once per step and again at the next one', () => {
    const atMs = OPEN + 55 * 60_000
    market.advance(atMs, undefined)
    const series = new SimSeries(1, DATE, expirationInstantMs('QQQ', DATE))
    series.update(atMs, market)
    const spot = series.spot
    market.advance(atMs + 100, undefined)
    series.update(atMs, market)
    expect(series.spot).toBe(spot)
    series.update(atMs + 100, market)
    expect(series.spot).toBe(qqq.price)
    expect(series.spot).not.toBe(spot)
  })

  it('quotes nothing at or after expiry', () => {
    const series = new SimSeries(1, DATE, OPEN + 60 * 60_000)
    series.update(OPEN + 60 * 60_000 - 500, market)
    expect(series.years).toBe(0)
  })
})
