import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { normalisedImpliedVolatility } from './letsBeRational.js'
import { normalisedBlack, normalisedVega } from './normalisedBlack.js'

describe('normalisedImpliedVolatility', () => {
  test('inverts b(x, s) to within a few times its conditioning over |x| ≤ 300, s ∈ [1e-4, 15]', () => {
    fc.assert(
      fc.property(
        fc.double({ min: Math.log(1e-10), max: Math.log(300), noNaN: true }),
        fc.double({ min: Math.log(1e-4), max: Math.log(15), noNaN: true }),
        fc.boolean(),
        (lnAbsX, lnS, atTheMoney) => {
          const x = atTheMoney ? 0 : -Math.exp(lnAbsX)
          const s = Math.exp(lnS)
          const bMax = Math.exp(0.5 * x)
          const beta = normalisedBlack(x, s)
          fc.pre(beta > 1e-300 && beta < bMax)
          // One ulp of β moves s by ε·β/(s·b') relative.
          const conditioning = Math.max((Number.EPSILON * beta) / (s * normalisedVega(x, s)), Number.EPSILON)
          const error = Math.abs(normalisedImpliedVolatility(beta, x, bMax) - s) / s
          expect(error).toBeLessThan(16 * conditioning)
        },
      ),
      { numRuns: 5000, seed: 2016 },
    )
  })
})
