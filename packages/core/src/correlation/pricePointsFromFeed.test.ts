import { Subject } from 'rxjs'
import { describe, expect, test } from 'vitest'
import type { Quote, Trade } from '../marketData/types.js'
import type { PricePoint } from './pricePoint.js'
import { pricePointsFromFeed } from './pricePointsFromFeed.js'

function fakeFeed() {
  return { quotes$: new Subject<Quote>(), trades$: new Subject<Trade>() }
}

const quote = (instrumentId: string, mid: number): Quote => ({
  instrumentId,
  bid: mid,
  ask: mid,
  bidSize: 1,
  askSize: 1,
  timestampMs: 1,
})
const trade = (instrumentId: string, price: number): Trade => ({ instrumentId, price, size: 1, timestampMs: 2 })

describe('pricePointsFromFeed', () => {
  test('keeps only the wanted instruments, from both quotes and trades by default', () => {
    const feed = fakeFeed()
    const seen: PricePoint[] = []
    pricePointsFromFeed(feed, ['SPY']).subscribe((p) => seen.push(p))
    feed.quotes$.next(quote('SPY', 500))
    feed.quotes$.next(quote('QQQ', 400))
    feed.trades$.next(trade('SPY', 501))
    expect(seen.map((p) => p.price)).toEqual([500, 501])
  })

  test('source "mid" ignores trades and "trade" ignores quotes', () => {
    const feed = fakeFeed()
    const mids: number[] = []
    const trades: number[] = []
    pricePointsFromFeed(feed, ['SPY'], { source: 'mid' }).subscribe((p) => mids.push(p.price))
    pricePointsFromFeed(feed, ['SPY'], { source: 'trade' }).subscribe((p) => trades.push(p.price))
    feed.quotes$.next(quote('SPY', 500))
    feed.trades$.next(trade('SPY', 501))
    expect(mids).toEqual([500])
    expect(trades).toEqual([501])
  })
})
