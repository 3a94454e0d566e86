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
})
