import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { inverseNormalCdf } from './inverseNormalCdf.js'
import { normalCdf } from './normalCdf.js'
import { PricingInputError } from './pricingInputError.js'

describe('inverseNormalCdf', () => {
  test('known quantiles', () => {
    expect(inverseNormalCdf(0.5)).toBe(0)
    expect(inverseNormalCdf(0.975)).toBeCloseTo(1.959963984540054, 14)
    expect(inverseNormalCdf(0.025)).toBeCloseTo(-1.959963984540054, 14)
    expect(inverseNormalCdf(0)).toBe(Number.NEGATIVE_INFINITY)
    expect(inverseNormalCdf(1)).toBe(Number.POSITIVE_INFINITY)
  })

  test('inverts normalCdf across the central range and the far tail', () => {
    fc.assert(
      fc.property(fc.double({ min: -37, max: 8, noNaN: true }), (z) => {
        const p = normalCdf(z)
        fc.pre(p > 0 && p < 1 - 1e-12)
        const back = inverseNormalCdf(p)
        // Rounding p to a double moves z by up to ε·p/φ(z); near p = 1 that dominates.
        const pdf = Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI)
        expect(Math.abs(back - z)).toBeLessThan(1e-13 * Math.max(1, Math.abs(z)) + (2 * Number.EPSILON * p) / pdf)
      }),
    )
  })

  test('probabilities outside [0, 1] and NaN are rejected', () => {
    expect(() => inverseNormalCdf(-0.1)).toThrow(PricingInputError)
    expect(() => inverseNormalCdf(1.5)).toThrow(PricingInputError)
    expect(() => inverseNormalCdf(Number.NaN)).toThrow(PricingInputError)
  })
})
