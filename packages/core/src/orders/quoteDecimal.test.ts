import { describe, expect, test } from 'vitest'
import { quoteDecimal } from './quoteDecimal.js'

describe('quoteDecimal', () => {
  test('drops binary noise beyond 8 decimals, the same on every call', () => {
    expect(quoteDecimal(0.1 + 0.2).toString()).toBe('0.3')
    expect(quoteDecimal(0.1 + 0.2).toString()).toBe('0.3')
    expect(quoteDecimal(1.234567895).toString()).toBe('1.2345679')
    expect(quoteDecimal(2).toString()).toBe('2')
  })

  test('keeps the sign of zero and passes non-finite values through', () => {
    expect(quoteDecimal(0).isNegative()).toBe(false)
    expect(quoteDecimal(-0).isNegative()).toBe(true)
    expect(quoteDecimal(0).isNegative()).toBe(false)
    expect(quoteDecimal(Number.NaN).isNaN()).toBe(true)
    expect(quoteDecimal(Number.POSITIVE_INFINITY).isFinite()).toBe(false)
  })

  test('converts every price correctly past the bound of its memo', () => {
    for (let cents = 1; cents <= 40_000; cents++) {
      expect(quoteDecimal(cents / 100).toString()).toBe((cents / 100).toString())
    }
    expect(quoteDecimal(0.07).toString()).toBe('0.07')
  })
})
