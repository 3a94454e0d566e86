import { describe, expect, test } from 'vitest'
import { equity } from '../../instruments/instrument.js'
import type { Quote, Trade } from '../../marketData/types.js'
import { FeedOutlets } from './feedOutlets.js'

const quote: Quote = { instrumentId: 'SPY', bid: 1, ask: 1.01, bidSize: 1, askSize: 1, timestampMs: 0 }
const trade: Trade = { instrumentId: 'SPY', price: 1, size: 1, timestampMs: 0 }

describe('FeedOutlets', () => {
  test('passes subscribed instruments to whoever observes, from the moment they observe', () => {
    const outlets = new FeedOutlets()
    const seen: string[] = []
    outlets.quote(quote)
    outlets.subscribed.set('SPY', equity('SPY'))
    outlets.trade(trade)
    outlets.quotes$.subscribe((q) => seen.push(`q ${q.instrumentId}`))
    outlets.trades$.subscribe((t) => seen.push(`t ${t.price}`))
    outlets.quote(quote)
    outlets.trade(trade)
    outlets.quote({ ...quote, instrumentId: 'QQQ' })
    expect(seen).toEqual(['q SPY', 't 1'])
  })

  test('ignores ticks after completion and throws on a closed outlet, observed or not', () => {
    const outlets = new FeedOutlets()
    outlets.subscribed.set('SPY', equity('SPY'))
    outlets.complete()
    expect(() => outlets.quote(quote)).not.toThrow()
    outlets.trades$.unsubscribe()
    expect(() => outlets.trade(trade)).toThrow()
  })
})
