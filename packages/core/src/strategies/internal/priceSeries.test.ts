import { describe, expect, test } from 'vitest'
import { logReturns, rangeOf, sampleStdDev } from './priceSeries.js'

describe('price series helpers', () => {
  test('logReturns gives one return per step and refuses non-positive prices', () => {
    expect(logReturns([100, 110, 99])).toEqual([Math.log(1.1), Math.log(99 / 110)])
    expect(logReturns([100, 0, 99])).toBeUndefined()
    expect(logReturns([100, Number.NaN])).toBeUndefined()
    expect(logReturns([100])).toEqual([])
  })

  test('sampleStdDev divides by n − 1 and needs two values', () => {
    expect(sampleStdDev([1, 2, 3])).toBe(1)
    expect(sampleStdDev([5])).toBeUndefined()
  })

  test('rangeOf gives the high and low', () => {
    expect(rangeOf([3, 1, 2])).toEqual({ high: 3, low: 1 })
    expect(rangeOf([])).toBeUndefined()
  })
})
