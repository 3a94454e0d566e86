import { describe, expect, it } from 'vitest'
import { choleskyFactor } from './cholesky.js'
import { DEFAULT_SIM_CORRELATION } from './simConfig.js'
import { SimConfigError } from './simConfigError.js'

describe('choleskyFactor', () => {
  it('reproduces the matrix as L·Lᵀ', () => {
    const l = choleskyFactor(DEFAULT_SIM_CORRELATION)
    const n = 3
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        let sum = 0
        for (let k = 0; k < n; k++) sum += (l[i * n + k] ?? 0) * (l[j * n + k] ?? 0)
        expect(sum).toBeCloseTo(DEFAULT_SIM_CORRELATION[i]?.[j] ?? Number.NaN, 12)
      }
    }
    expect(l[1]).toBe(0)
    expect(l[2]).toBe(0)
  })

  it.each([
    [
      'not positive definite',
      [
        [1, 0.9, -0.9],
        [0.9, 1, 0.9],
        [-0.9, 0.9, 1],
      ],
    ],
    [
      'asymmetric',
      [
        [1, 0.5],
        [0.4, 1],
      ],
    ],
    [
      'a diagonal other than 1',
      [
        [2, 0],
        [0, 1],
      ],
    ],
    ['not square', [[1, 0], [0]]],
  ])('rejects a matrix that is %s', (_, matrix) => {
    expect(() => choleskyFactor(matrix)).toThrow(SimConfigError)
  })
})
