import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { PriceMemo } from './priceMemo.js'

describe('PriceMemo', () => {
  test('derives a price once while it stays in its slot', () => {
    let calls = 0
    const memo = new PriceMemo((price) => {
      calls++
      return { text: `p ${price}` }
    })
    const first = memo.get(14.61)
    expect(first).toEqual({ text: 'p 14.61' })
    expect(memo.get(14.61)).toBe(first)
    expect(memo.get(14.62)).toEqual({ text: 'p 14.62' })
    expect(memo.get(14.61)).toBe(first)
    expect(calls).toBe(2)
  })

  test('a colliding price replaces the one in its slot and each gets its own value', () => {
    let calls = 0
    const memo = new PriceMemo((price) => {
      calls++
      return `p ${price}`
    }, 4)
    // 1.00 and 1.04 share a slot of four.
    expect(memo.get(1)).toBe('p 1')
    expect(memo.get(1.04)).toBe('p 1.04')
    expect(memo.get(1)).toBe('p 1')
    expect(calls).toBe(3)
  })

  test('always returns what derive returns for that price', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ noNaN: true }), { maxLength: 200 }), (prices) => {
        const memo = new PriceMemo((price) => `${price}`, 8)
        for (const price of prices) expect(memo.get(price)).toBe(`${price}`)
      }),
    )
  })

  test('rejects a slot count that is not a power of two', () => {
    expect(() => new PriceMemo((price) => price, 1000)).toThrow(RangeError)
  })
})
