import { Decimal } from 'decimal.js'
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { exactDecimal } from './exactDecimal.js'

describe('exactDecimal', () => {
  test('equals new Decimal for any number, asked once or again, zero sign included', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.double(), fc.constantFrom(0, -0, 1.235, 1.235)), { maxLength: 50 }),
        (values) => {
          for (const value of [...values, ...values]) {
            const expected = new Decimal(value)
            const actual = exactDecimal(value)
            expect(actual.toString()).toBe(expected.toString())
            expect(actual.isNegative()).toBe(expected.isNegative())
          }
        },
      ),
    )
  })
})
