import { describe, expect, test } from 'vitest'
import { pricePointFromBar, pricePointFromQuote, pricePointFromTrade } from './pricePoint.js'

describe('price point mappers', () => {
  test('a trade maps to its price and time', () => {
    expect(pricePointFromTrade({ instrumentId: 'SPY', price: 512.3, size: 100, timestampMs: 7 })).toEqual({
      instrumentId: 'SPY',
      price: 512.3,
      timestampMs: 7,
    })
  })

  test('a quote maps to its mid, a one-sided quote to nothing', () => {
    const quote = { instrumentId: '^VIX', bid: 14, ask: 14.2, bidSize: 0, askSize: 0, timestampMs: 3 }
    expect(pricePointFromQuote(quote)?.price).toBeCloseTo(14.1, 12)
    expect(pricePointFromQuote({ ...quote, bid: 0 })).toBeUndefined()
  })

  test('a bar maps to its close, stamped at the end of the bar', () => {
    const bar = {
      instrumentId: 'QQQ',
      intervalMs: 60_000,
      startMs: 120_000,
      open: 1,
      high: 3,
      low: 1,
      close: 2,
      volume: 9,
    }
    expect(pricePointFromBar(bar)).toEqual({ instrumentId: 'QQQ', price: 2, timestampMs: 180_000 })
  })

  test('non-positive or non-finite prices are dropped', () => {
    expect(pricePointFromTrade({ instrumentId: 'SPY', price: 0, size: 1, timestampMs: 0 })).toBeUndefined()
    expect(pricePointFromTrade({ instrumentId: 'SPY', price: Number.NaN, size: 1, timestampMs: 0 })).toBeUndefined()
  })
})
