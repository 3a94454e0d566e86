import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { bsPrice } from './bsPrice.js'
import { PricingInputError } from './pricingInputError.js'

const MINUTE = 1 / 525600

function relativeError(actual: number, expected: number): number {
  return Math.abs(actual - expected) / Math.abs(expected)
}

describe('bsPrice', () => {
  // References: mpmath with 40 digits on the same double inputs.
  test('Hull, Example 15.6: call 4.76 and put 0.81 to 15 digits', () => {
    expect(relativeError(bsPrice('call', 42, 40, 0.5, 0.2, 0.1, 0), 4.759422392871533)).toBeLessThan(1e-15)
    expect(relativeError(bsPrice('put', 42, 40, 0.5, 0.2, 0.1, 0), 0.8085993729000936)).toBeLessThan(2e-15)
  })

  test('0DTE prices keep their relative precision far out of the money', () => {
    // One minute left, 1 % out of the money: the price is about 1e-131 of spot.
    expect(relativeError(bsPrice('put', 5000, 4950, MINUTE, 0.3, 0.05, 0.013), 1.1113763436356026e-131)).toBeLessThan(
      1e-13,
    )
    // One hour left, 10 % out of the money at 300 % volatility.
    expect(relativeError(bsPrice('call', 100, 110, 60 * MINUTE, 3, 0.05, 0), 0.0014109858609366124)).toBeLessThan(1e-14)
    // Five minutes, near the money, in the money.
    expect(
      relativeError(bsPrice('put', 450.25, 450.5, 5 * MINUTE, 0.12, 0.045, 0.013), 0.25475965132488754),
    ).toBeLessThan(1e-14)
    // One day, 5 % in the money: intrinsic plus a tiny time value.
    expect(
      relativeError(bsPrice('call', 6000, 5700, 1440 * MINUTE, 0.15, 0.045, 0.013), 300.4890015838463),
    ).toBeLessThan(1e-15)
  })

  test('a price below the double range underflows to 0 rather than going negative', () => {
    expect(bsPrice('call', 500, 510, MINUTE, 0.2, 0.05, 0.013)).toBe(0)
  })

  test('put–call parity holds: C − P = S·e^{−qT} − K·e^{−rT}', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 10, max: 6000, noNaN: true }),
        fc.double({ min: 0.8, max: 1.2, noNaN: true }),
        fc.double({ min: MINUTE, max: 2, noNaN: true }),
        fc.double({ min: 0.01, max: 3, noNaN: true }),
        fc.double({ min: -0.02, max: 0.1, noNaN: true }),
        fc.double({ min: 0, max: 0.05, noNaN: true }),
        (spot, moneyness, t, vol, rate, q) => {
          const strike = spot * moneyness
          const call = bsPrice('call', spot, strike, t, vol, rate, q)
          const put = bsPrice('put', spot, strike, t, vol, rate, q)
          const forwardValue = spot * Math.exp(-q * t) - strike * Math.exp(-rate * t)
          expect(Math.abs(call - put - forwardValue)).toBeLessThan(1e-13 * spot)
        },
      ),
    )
  })

  test('the price grows with volatility and stays within its no-arbitrage bounds', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('call' as const, 'put' as const),
        fc.double({ min: 0.9, max: 1.1, noNaN: true }),
        fc.double({ min: MINUTE, max: 1 / 365, noNaN: true }),
        fc.double({ min: 0.05, max: 2.9, noNaN: true }),
        (right, moneyness, t, vol) => {
          const spot = 500
          const strike = spot * moneyness
          const low = bsPrice(right, spot, strike, t, vol, 0.05, 0.01)
          const high = bsPrice(right, spot, strike, t, vol + 0.1, 0.05, 0.01)
          expect(high).toBeGreaterThanOrEqual(low)
          const intrinsic = right === 'call' ? spot * Math.exp(-0.01 * t) - strike * Math.exp(-0.05 * t) : 0
          expect(low).toBeGreaterThanOrEqual(Math.max(intrinsic, 0) - 1e-12 * spot)
          expect(low).toBeLessThan(right === 'call' ? spot : strike)
        },
      ),
    )
  })

  test('zero time or zero volatility gives the discounted forward intrinsic value', () => {
    expect(bsPrice('call', 105, 100, 0, 0.2, 0.05, 0)).toBe(5)
    expect(bsPrice('put', 105, 100, 0, 0.2, 0.05, 0)).toBe(0)
    expect(bsPrice('put', 95, 100, 0, 0.2, 0.05, 0)).toBe(5)
    expect(bsPrice('call', 105, 100, 1, 0, 0.05, 0)).toBeCloseTo(105 - 100 * Math.exp(-0.05), 12)
  })

  test('invalid inputs throw a PricingInputError naming the field', () => {
    const cases: [Parameters<typeof bsPrice>, string][] = [
      [['call', Number.NaN, 100, 0.1, 0.2, 0.05, 0], 'spot'],
      [['call', -1, 100, 0.1, 0.2, 0.05, 0], 'spot'],
      [['call', 100, 0, 0.1, 0.2, 0.05, 0], 'strike'],
      [['call', 100, 100, -0.1, 0.2, 0.05, 0], 'timeYears'],
      [['call', 100, 100, 0.1, -0.2, 0.05, 0], 'vol'],
      [['call', 100, 100, 0.1, Number.POSITIVE_INFINITY, 0.05, 0], 'vol'],
      [['call', 100, 100, 0.1, 0.2, Number.NaN, 0], 'rate'],
      [['call', 100, 100, 0.1, 0.2, 0.05, Number.NaN], 'dividendYield'],
      [['straddle' as 'call', 100, 100, 0.1, 0.2, 0.05, 0], 'right'],
    ]
    for (const [args, field] of cases) {
      let caught: unknown
      try {
        bsPrice(...args)
      } catch (error) {
        caught = error
      }
      expect(caught).toBeInstanceOf(PricingInputError)
      expect((caught as PricingInputError).field).toBe(field)
    }
  })
})
