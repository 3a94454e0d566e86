import { Decimal } from 'decimal.js'
import { describe, expect, test } from 'vitest'
import { decimalNumber } from './decimalNumber.js'

describe('decimalNumber', () => {
  test('converts like toNumber, every time, for each Decimal', () => {
    const values = ['1.35', '-0.6', '0', '-0', '123456789.123456789', '1e-9'].map((value) => new Decimal(value))
    for (let round = 0; round < 2; round++) {
      for (const value of values) expect(Object.is(decimalNumber(value), value.toNumber())).toBe(true)
    }
  })
})
