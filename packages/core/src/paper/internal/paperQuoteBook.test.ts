import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import type { Quote } from '../../marketData/types.js'
import { createPaperQuoteBook } from './paperQuoteBook.js'

const quote = (bid: number, ask: number, bidSize = 10): Quote => ({
  instrumentId: 'SPY',
  bid,
  ask,
  bidSize,
  askSize: 10,
  timestampMs: 0,
  source: 'test',
})

describe('createPaperQuoteBook', () => {
  test('marks at the mid and follows every new bid or ask', () => {
    const book = createPaperQuoteBook()
    expect(book.markOf('SPY')).toBeUndefined()
    book.update(quote(1.1, 1.2))
    expect(book.markOf('SPY')?.toString()).toBe('1.15')
    book.update(quote(1.1, 1.2, 3))
    expect(book.markOf('SPY')?.toString()).toBe('1.15')
    book.update(quote(1.1, 1.3))
    expect(book.markOf('SPY')?.toString()).toBe('1.2')
    book.update(quote(0, 0.1))
    expect(book.markOf('SPY')?.toString()).toBe('0.05')
    book.update(quote(2, 0))
    expect(book.markOf('SPY')?.toString()).toBe('2')
    book.update(quote(0, 0))
    expect(book.markOf('SPY')).toBeUndefined()
  })

  test('says a mark is under a level only when the Decimal mark is', () => {
    const book = createPaperQuoteBook()
    expect(book.markUnder('SPY', 500)).toBe(true)
    book.update(quote(499.98, 500))
    expect(book.markUnder('SPY', 500)).toBe(true)
    book.update(quote(499.99, 500.01))
    expect(book.markUnder('SPY', 500)).toBe(false)
    book.update(quote(0, 0))
    expect(book.markUnder('SPY', 1)).toBe(true)
    const price = fc.oneof(fc.double({ min: -1, max: 1000, noNaN: true }), fc.constantFrom(Number.NaN, 0, 500))
    fc.assert(
      fc.property(price, price, fc.double({ min: 0.01, max: 1000, noNaN: true }), (bid, ask, level) => {
        book.update(quote(bid, ask))
        const mark = book.markOf('SPY')
        if (book.markUnder('SPY', level)) expect(mark === undefined || mark.lt(level)).toBe(true)
      }),
    )
  })
})
