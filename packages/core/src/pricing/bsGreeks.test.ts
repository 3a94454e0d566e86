import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { bsGreeks } from './bsGreeks.js'
import { bsPrice } from './bsPrice.js'
import { PricingInputError } from './pricingInputError.js'

const MINUTE = 1 / 525600

function close(actual: number, expected: number, tolerance: number): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(tolerance * Math.max(1, Math.abs(expected)))
}

describe('bsGreeks', () => {
  test('Hull, Example 19 (S 49, K 50, r 5 %, σ 20 %, 20 weeks): greeks to 14 digits', () => {
    const call = bsGreeks('call', 49, 50, 0.3846, 0.2, 0.05, 0)
    close(call.price, 2.4004610869656617, 1e-14)
    close(call.delta, 0.5216016339715761, 1e-14)
    close(call.gamma, 0.06554537725247866, 1e-14)
    close(call.theta, -4.305389964546104, 1e-14)
    close(call.vega, 12.105242754243843, 1e-14)
    close(call.rho, 8.906574098800947, 1e-14)
    const put = bsGreeks('put', 49, 50, 0.3846, 0.2, 0.05, 0)
    close(put.price, 2.4481469339503983, 1e-14)
    close(put.delta, -0.4783983660284239, 1e-14)
    close(put.theta, -1.8530056721968675, 1e-14)
    close(put.rho, -9.957165877949382, 1e-14)
  })

  test('0DTE greeks match the 40-digit reference, near the money and far out of it', () => {
    const nearMoney = bsGreeks('put', 450.25, 450.5, 5 * MINUTE, 0.12, 0.045, 0.013)
    close(nearMoney.delta, -0.9330333772690501, 1e-13)
    close(nearMoney.gamma, 0.7786398613462276, 1e-13)
    close(nearMoney.theta, -1123.064055722116, 1e-13)
    close(nearMoney.vega, 0.1801938522333394, 1e-13)
    close(nearMoney.rho, -0.0039987922161978185, 1e-13)
    const far = bsGreeks('put', 5000, 4950, MINUTE, 0.3, 0.05, 0.013)
    expect(Math.abs(far.delta / -1.3090206057302714e-130 - 1)).toBeLessThan(1e-12)
    expect(Math.abs(far.gamma / 1.539252082077297e-129 - 1)).toBeLessThan(1e-12)
    expect(Math.abs(far.vega / 2.1964213499961431e-128 - 1)).toBeLessThan(1e-12)
  })

  test('greeks agree with central finite differences of bsPrice', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('call' as const, 'put' as const),
        fc.double({ min: 50, max: 6000, noNaN: true }),
        fc.double({ min: 0.9, max: 1.1, noNaN: true }),
        fc.double({ min: 30 * MINUTE, max: 2, noNaN: true }),
        fc.double({ min: 0.05, max: 3, noNaN: true }),
        fc.double({ min: 0, max: 0.08, noNaN: true }),
        fc.double({ min: 0, max: 0.04, noNaN: true }),
        (right, spot, moneyness, t, vol, rate, q) => {
          const strike = spot * moneyness
          const g = bsGreeks(right, spot, strike, t, vol, rate, q)
          // Only where the price varies smoothly on the scale of the bumps and is not lost in rounding.
          fc.pre(vol * Math.sqrt(t) > 0.002 && g.price > 1e-6 * spot)
          const price = (s: number, tt: number, v: number, r: number) => bsPrice(right, s, strike, tt, v, r, q)
          const dS = spot * vol * Math.sqrt(t) * 1e-3
          const dT = t * 1e-4
          const dV = vol * 1e-4
          const dR = 1e-5
          const scale = spot
          close(g.delta, (price(spot + dS, t, vol, rate) - price(spot - dS, t, vol, rate)) / (2 * dS), 1e-6)
          const gammaFd =
            (price(spot + dS, t, vol, rate) - 2 * price(spot, t, vol, rate) + price(spot - dS, t, vol, rate)) /
            (dS * dS)
          // The second difference carries a rounding floor of a few ulps of the price over dS².
          const roundingFloor = (64 * Number.EPSILON * g.price) / (dS * dS)
          expect(Math.abs(g.gamma - gammaFd)).toBeLessThan(1e-3 * Math.abs(g.gamma) + roundingFloor)
          close(
            g.vega / scale,
            (price(spot, t, vol + dV, rate) - price(spot, t, vol - dV, rate)) / (2 * dV) / scale,
            1e-6,
          )
          close(
            g.rho / scale,
            (price(spot, t, vol, rate + dR) - price(spot, t, vol, rate - dR)) / (2 * dR) / scale,
            1e-6,
          )
          const thetaFd = -(price(spot, t + dT, vol, rate) - price(spot, t - dT, vol, rate)) / (2 * dT)
          close(g.theta / scale, thetaFd / scale, 1e-5)
        },
      ),
      { numRuns: 200 },
    )
  })

  test('call and put greeks satisfy put–call parity', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.9, max: 1.1, noNaN: true }),
        fc.double({ min: MINUTE, max: 1, noNaN: true }),
        fc.double({ min: 0.05, max: 3, noNaN: true }),
        (moneyness, t, vol) => {
          const [spot, rate, q] = [500, 0.05, 0.013]
          const strike = spot * moneyness
          const call = bsGreeks('call', spot, strike, t, vol, rate, q)
          const put = bsGreeks('put', spot, strike, t, vol, rate, q)
          close(call.delta - put.delta, Math.exp(-q * t), 1e-14)
          close(call.gamma, put.gamma, 1e-14)
          close(call.vega, put.vega, 1e-14)
          close(call.rho - put.rho, strike * t * Math.exp(-rate * t), 1e-13)
          close(call.theta - put.theta, q * spot * Math.exp(-q * t) - rate * strike * Math.exp(-rate * t), 1e-12)
        },
      ),
    )
  })

  test('zero total volatility gives the intrinsic limits', () => {
    const positiveZero = (greeks: object) =>
      Object.fromEntries((Object.entries(greeks) as [string, number][]).map(([key, value]) => [key, value + 0]))
    // At expiry an in-the-money call is S − K·e^{−rT}: theta −r·K, delta 1.
    const itm = bsGreeks('call', 105, 100, 0, 0.2, 0.05, 0)
    expect(positiveZero(itm)).toEqual({ price: 5, delta: 1, gamma: 0, theta: -5, vega: 0, rho: 0 })
    const otm = bsGreeks('put', 105, 100, 0.5, 0, 0.05, 0)
    expect(positiveZero(otm)).toEqual({ price: 0, delta: 0, gamma: 0, theta: 0, vega: 0, rho: 0 })
    // Exactly at the forward: half the one-sided limits, and the finite vega limit S·e^{−qT}·√T/√(2π).
    const atm = bsGreeks('call', 100, 100, 0.25, 0, 0, 0)
    expect(atm.delta).toBe(0.5)
    expect(atm.gamma).toBe(0)
    expect(atm.vega).toBeCloseTo((100 * 0.5) / Math.sqrt(2 * Math.PI), 12)
  })

  test('every field is a finite number across extreme but valid inputs', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('call' as const, 'put' as const),
        fc.double({ min: 1e-3, max: 1e6, noNaN: true }),
        fc.double({ min: 1e-3, max: 1e6, noNaN: true }),
        fc.double({ min: 0, max: 30, noNaN: true }),
        fc.double({ min: 0, max: 10, noNaN: true }),
        fc.double({ min: -0.5, max: 0.5, noNaN: true }),
        fc.double({ min: -0.5, max: 0.5, noNaN: true }),
        (right, spot, strike, t, vol, rate, q) => {
          const g = bsGreeks(right, spot, strike, t, vol, rate, q)
          for (const value of Object.values(g)) expect(Number.isFinite(value)).toBe(true)
        },
      ),
    )
  })

  test('any double input either throws PricingInputError or yields no NaN', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('call' as const, 'put' as const),
        fc.double(),
        fc.double(),
        fc.double(),
        fc.double(),
        fc.double(),
        fc.double(),
        (right, spot, strike, t, vol, rate, q) => {
          let greeks: ReturnType<typeof bsGreeks> | undefined
          try {
            greeks = bsGreeks(right, spot, strike, t, vol, rate, q)
          } catch (error) {
            expect(error).toBeInstanceOf(PricingInputError)
            return
          }
          for (const value of Object.values(greeks)) expect(Number.isNaN(value)).toBe(false)
        },
      ),
      { numRuns: 2000 },
    )
  })
})
