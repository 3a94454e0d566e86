import { describe, expect, it } from 'vitest'
import { DEFAULT_SIM_SMILE } from './simConfig.js'
import { smileVolatility } from './volatilitySmile.js'

const ONE_HOUR = Math.sqrt(1 / (365 * 24))
const ONE_WEEK = Math.sqrt(7 / 365)

describe('smileVolatility', () => {
  it('is the at-the-money level at the money and higher for lower strikes', () => {
    expect(smileVolatility(0.2, 0, ONE_HOUR, DEFAULT_SIM_SMILE)).toBe(0.2)
    const below = smileVolatility(0.2, Math.log(0.998), ONE_HOUR, DEFAULT_SIM_SMILE)
    const above = smileVolatility(0.2, Math.log(1.002), ONE_HOUR, DEFAULT_SIM_SMILE)
    expect(below).toBeGreaterThan(0.2)
    expect(below).toBeGreaterThan(above)
  })

  it('steepens in strike terms as expiry nears', () => {
    const x = Math.log(0.995)
    const nearSkew = smileVolatility(0.2, x, ONE_HOUR, DEFAULT_SIM_SMILE) - 0.2
    const farSkew = smileVolatility(0.2, x, ONE_WEEK, DEFAULT_SIM_SMILE) - 0.2
    expect(nearSkew).toBeGreaterThan(farSkew)
  })

  it('never falls below a quarter of the at-the-money level', () => {
    expect(smileVolatility(0.2, 5, ONE_HOUR, { skew: 1, curvature: 0 })).toBeCloseTo(0.05, 12)
  })
})
