import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { bsGreeks } from './bsGreeks.js'
import { bsPrice } from './bsPrice.js'
import { impliedVolatility } from './impliedVolatility.js'

const MINUTE = 1 / 525600

function halfUlp(value: number): number {
  const view = new DataView(new ArrayBuffer(8))
  view.setFloat64(0, value)
  view.setBigUint64(0, view.getBigUint64(0) + 1n)
  return 0.5 * (view.getFloat64(0) - value)
}

function ivOf(...args: Parameters<typeof impliedVolatility>): number {
  const result = impliedVolatility(...args)
  if (!result.ok) throw new Error(`no volatility: ${result.reason}`)
  return result.iv
}

describe('impliedVolatility', () => {
  test('Hull, Example 15.6 prices invert to σ = 20 %', () => {
    expect(ivOf('call', 4.759422392871533, 42, 40, 0.5, 0.1, 0)).toBeCloseTo(0.2, 14)
    expect(ivOf('put', 0.8085993729000936, 42, 40, 0.5, 0.1, 0)).toBeCloseTo(0.2, 14)
  })

  test('round-trips to 1e-12 over a seeded 0DTE grid wherever the price determines σ', () => {
    let scored = 0
    fc.assert(
      fc.property(
        fc.constantFrom('call' as const, 'put' as const),
        fc.double({ min: 100, max: 6000, noNaN: true }),
        fc.double({ min: 0.9, max: 1.1, noNaN: true }),
        fc.double({ min: MINUTE, max: 1 / 365, noNaN: true }),
        fc.double({ min: 0.05, max: 3, noNaN: true }),
        fc.double({ min: 0, max: 0.06, noNaN: true }),
        fc.double({ min: 0, max: 0.03, noNaN: true }),
        (right, spot, moneyness, t, vol, rate, q) => {
          const strike = spot * moneyness
          const { price, vega } = bsGreeks(right, spot, strike, t, vol, rate, q)
          // Identifiable: the price is representable and its last half-ulp moves σ by at most 1e-14.
          fc.pre(price >= 1e-290 && halfUlp(price) / (vega * vol) <= 1e-14)
          scored++
          const iv = ivOf(right, price, spot, strike, t, rate, q)
          expect(Math.abs(iv - vol) / vol).toBeLessThan(1e-12)
        },
      ),
      { seed: 424242, numRuns: 3000 },
    )
    expect(scored).toBeGreaterThan(1000)
  })

  test('one minute to expiry, deep out of the money, at 300 % and 5 % volatility', () => {
    for (const [right, strike, vol] of [
      ['call', 5100, 0.05],
      ['put', 4900, 0.05],
      ['call', 5500, 3],
      ['put', 4500, 3],
      ['call', 5001, 0.3],
    ] as const) {
      const price = bsPrice(right, 5000, strike, MINUTE, vol, 0.05, 0.013)
      if (price === 0) continue
      expect(Math.abs(ivOf(right, price, 5000, strike, MINUTE, 0.05, 0.013) - vol) / vol).toBeLessThan(1e-12)
    }
    // 1 % out of the money with one minute left: a price of about 1e-131 still pins σ.
    const tiny = bsPrice('put', 5000, 4950, MINUTE, 0.3, 0.05, 0.013)
    expect(tiny).toBeLessThan(1e-120)
    expect(Math.abs(ivOf('put', tiny, 5000, 4950, MINUTE, 0.05, 0.013) - 0.3) / 0.3).toBeLessThan(1e-13)
  })

  test('long-dated and extreme normalised cases invert to within their conditioning', () => {
    for (const [right, spot, strike, t, vol] of [
      ['call', 100, 100, 2, 0.25],
      ['put', 100, 300, 5, 0.8],
      ['call', 100, 20, 1, 1.5],
      ['call', 100, 20, 30, 2.5],
      ['call', 100, 1e6, 1, 6],
      ['put', 100, 1e-3, 2, 4],
      ['put', 100, 100, 1e-9, 0.2],
    ] as const) {
      const { price, vega } = bsGreeks(right, spot, strike, t, vol, 0.03, 0.01)
      // Near the upper bound (price → S·e^{−qT}) a last-bit change of the price moves σ a lot: allow for that.
      const conditioning = halfUlp(price) / (vega * vol)
      const error = Math.abs(ivOf(right, price, spot, strike, t, 0.03, 0.01) - vol) / vol
      expect(error).toBeLessThan(1e-13 + 8 * conditioning)
    }
  })

  test('deep in the money with no time value left gives iv 0', () => {
    // Time value ≈ 1e-1000 of the price: the price equals the discounted intrinsic value to the last bit.
    const price = bsPrice('put', 500, 520, MINUTE, 0.3, 0.05, 0.01)
    expect(impliedVolatility('put', price, 500, 520, MINUTE, 0.05, 0.01)).toEqual({ ok: true, iv: 0 })
    expect(impliedVolatility('call', 0, 500, 520, 0.01, 0.05, 0.01)).toEqual({ ok: true, iv: 0 })
  })

  test('prices below the discounted intrinsic value are rejected', () => {
    // A European call is worth at least S·e^{−qT} − K·e^{−rT} = 10.01…, more than S − K = 10 here.
    expect(impliedVolatility('call', 10.0001, 110, 100, 0.02, 0.05, 0)).toEqual({
      ok: false,
      reason: 'below_intrinsic',
    })
    expect(impliedVolatility('put', 4, 95, 100, 0.01, 0, 0)).toEqual({ ok: false, reason: 'below_intrinsic' })
  })

  test('prices at or above the maximum are rejected', () => {
    expect(impliedVolatility('call', 100, 100, 90, 0.1, 0, 0)).toEqual({ ok: false, reason: 'above_maximum' })
    expect(impliedVolatility('call', 99.9, 100, 90, 0.1, 0, 0.02)).toEqual({ ok: false, reason: 'above_maximum' })
    expect(impliedVolatility('put', 90, 100, 90, 0.1, 0, 0)).toEqual({ ok: false, reason: 'above_maximum' })
  })

  test('zero or negative time to expiry is expired', () => {
    expect(impliedVolatility('call', 1, 100, 100, 0, 0.05, 0)).toEqual({ ok: false, reason: 'expired' })
    expect(impliedVolatility('put', 1, 100, 100, -0.01, 0.05, 0)).toEqual({ ok: false, reason: 'expired' })
  })

  test('NaN, infinite, negative or zero inputs are invalid and never produce NaN', () => {
    const invalid = { ok: false, reason: 'invalid_input' }
    expect(impliedVolatility('call', Number.NaN, 100, 100, 0.1, 0.05, 0)).toEqual(invalid)
    expect(impliedVolatility('call', -1, 100, 100, 0.1, 0.05, 0)).toEqual(invalid)
    expect(impliedVolatility('call', 1, 0, 100, 0.1, 0.05, 0)).toEqual(invalid)
    expect(impliedVolatility('call', 1, 100, -100, 0.1, 0.05, 0)).toEqual(invalid)
    expect(impliedVolatility('call', 1, 100, 100, Number.NaN, 0.05, 0)).toEqual(invalid)
    expect(impliedVolatility('call', 1, 100, 100, 0.1, Number.POSITIVE_INFINITY, 0)).toEqual(invalid)
    expect(impliedVolatility('call', 1, 100, 100, 0.1, 0.05, Number.NaN)).toEqual(invalid)
    expect(impliedVolatility('strangle' as 'call', 1, 100, 100, 0.1, 0.05, 0)).toEqual(invalid)
    fc.assert(
      fc.property(
        fc.constantFrom('call' as const, 'put' as const),
        fc.double(),
        fc.double(),
        fc.double(),
        fc.double(),
        fc.double(),
        fc.double(),
        (right, price, spot, strike, t, rate, q) => {
          const result = impliedVolatility(right, price, spot, strike, t, rate, q)
          if (result.ok) expect(Number.isFinite(result.iv) && result.iv >= 0).toBe(true)
          else expect(['below_intrinsic', 'above_maximum', 'expired', 'invalid_input']).toContain(result.reason)
        },
      ),
    )
  })
})
