import { describe, expect, test } from 'vitest'
import { bsGreeks } from './bsGreeks.js'
import { bsGreeksBatch } from './bsGreeksBatch.js'
import { OptionRightCode } from './optionRightCode.js'
import { PricingInputError } from './pricingInputError.js'
import { PricingStatus } from './pricingStatus.js'

const MINUTE = 1 / 525600

function outputs(n: number) {
  return {
    price: new Float64Array(n).fill(-1),
    delta: new Float64Array(n).fill(-1),
    gamma: new Float64Array(n).fill(-1),
    theta: new Float64Array(n).fill(-1),
    vega: new Float64Array(n).fill(-1),
    rho: new Float64Array(n).fill(-1),
    status: new Uint8Array(n).fill(99),
  }
}

describe('bsGreeksBatch', () => {
  test('rows equal the scalar bsGreeks bit for bit, across expiries in one batch', () => {
    const cases: ['call' | 'put', number, number, number, number, number, number][] = [
      ['call', 500, 505, MINUTE, 0.15, 0.05, 0.013],
      ['put', 500, 495, MINUTE, 0.15, 0.05, 0.013],
      ['put', 500, 520, 6 * 60 * MINUTE, 0.4, 0.05, 0.013],
      ['call', 6000, 5400, 1 / 365, 3, 0.045, 0],
      ['call', 100, 100, 0, 0.2, 0.05, 0],
      ['put', 100, 90, 2, 0.3, 0.01, 0.02],
    ]
    const input = {
      right: Int8Array.from(cases, (c) => (c[0] === 'call' ? OptionRightCode.Call : OptionRightCode.Put)),
      spot: Float64Array.from(cases, (c) => c[1]),
      strike: Float64Array.from(cases, (c) => c[2]),
      timeYears: Float64Array.from(cases, (c) => c[3]),
      vol: Float64Array.from(cases, (c) => c[4]),
      rate: Float64Array.from(cases, (c) => c[5]),
      dividendYield: Float64Array.from(cases, (c) => c[6]),
    }
    const out = outputs(cases.length)
    expect(bsGreeksBatch(input, out)).toBe(cases.length)
    cases.forEach((c, i) => {
      const scalar = bsGreeks(...c)
      expect(out.price[i]).toBe(scalar.price)
      expect(out.delta[i]).toBe(scalar.delta)
      expect(out.gamma[i]).toBe(scalar.gamma)
      expect(out.theta[i]).toBe(scalar.theta)
      expect(out.vega[i]).toBe(scalar.vega)
      expect(out.rho[i]).toBe(scalar.rho)
      expect(out.status[i]).toBe(PricingStatus.Ok)
    })
  })

  test('invalid rows get zeros and InvalidInput without throwing', () => {
    const input = {
      right: Int8Array.of(OptionRightCode.Call, 0, OptionRightCode.Put),
      spot: Float64Array.of(500, 500, Number.NaN),
      strike: Float64Array.of(500, 500, 500),
      timeYears: Float64Array.of(0.01, 0.01, 0.01),
      vol: Float64Array.of(0.2, 0.2, 0.2),
      rate: Float64Array.of(0.05, 0.05, 0.05),
      dividendYield: Float64Array.of(0, 0, 0),
    }
    const out = outputs(3)
    expect(bsGreeksBatch(input, out)).toBe(1)
    expect([...out.status]).toEqual([PricingStatus.Ok, PricingStatus.InvalidInput, PricingStatus.InvalidInput])
    for (const column of [out.price, out.delta, out.gamma, out.theta, out.vega, out.rho]) {
      expect(column[1]).toBe(0)
      expect(column[2]).toBe(0)
    }
    expect(out.price[0]).toBeGreaterThan(0)
  })

  test('mismatched lengths and short outputs throw', () => {
    const input = {
      right: Int8Array.of(1),
      spot: Float64Array.of(500),
      strike: Float64Array.of(500),
      timeYears: Float64Array.of(0.01),
      vol: Float64Array.of(0.2),
      rate: Float64Array.of(0.05),
      dividendYield: new Float64Array(2),
    }
    expect(() => bsGreeksBatch(input, outputs(2))).toThrow(PricingInputError)
    expect(() =>
      bsGreeksBatch({ ...input, dividendYield: new Float64Array(1) }, { ...outputs(1), rho: new Float64Array(0) }),
    ).toThrow(PricingInputError)
  })
})
