import { BehaviorSubject, EMPTY } from 'rxjs'
import { describe, expect, test } from 'vitest'
import { equity, type Instrument, optionContract } from '../instruments/instrument.js'
import { instrumentId } from '../instruments/instrumentId.js'
import type { FeedState, MarketDataFeed } from './marketDataFeed.js'
import { createSubscriptionPool } from './subscriptionPool.js'

function recordingFeed() {
  const subscribed = new Set<string>()
  const calls: string[] = []
  const feed = {
    name: 'recording',
    quotes$: EMPTY,
    trades$: EMPTY,
    bars$: EMPTY,
    state$: new BehaviorSubject<FeedState>({ status: 'idle' }),
    subscribe(instruments: readonly Instrument[]) {
      for (const i of instruments) subscribed.add(instrumentId(i))
      calls.push(`+${instruments.map(instrumentId).join(',')}`)
    },
    unsubscribe(instruments: readonly Instrument[]) {
      for (const i of instruments) subscribed.delete(instrumentId(i))
      calls.push(`-${instruments.map(instrumentId).join(',')}`)
    },
    subscriptions: () => subscribed,
  } as unknown as MarketDataFeed
  return { feed, subscribed, calls }
}

const call = optionContract({ root: 'SPY', expiry: '2025-11-21', strike: 590, right: 'call' })
const callId = instrumentId(call)

describe('subscription pool', () => {
  test('an instrument stays subscribed until its last holder lets go', () => {
    const { feed, subscribed, calls } = recordingFeed()
    const pool = createSubscriptionPool(feed)
    const chain = pool.lease('chain:SPY')
    const positions = pool.lease('positions')
    chain.subscribe([call, equity('SPY')])
    positions.subscribe([call])
    chain.unsubscribe([call])
    expect(subscribed.has(callId)).toBe(true)
    expect([...(pool.holders().get(callId) ?? [])]).toEqual(['positions'])
    positions.unsubscribe([call])
    expect(subscribed.has(callId)).toBe(false)
    expect(calls).toEqual([`+${callId},SPY`, `-${callId}`])
  })

  test('each lease sees only its own subscriptions and repeats are idempotent', () => {
    const { feed, calls } = recordingFeed()
    const pool = createSubscriptionPool(feed)
    const a = pool.lease('a')
    const b = pool.lease('b')
    a.subscribe([equity('QQQ')])
    a.subscribe([equity('QQQ')])
    b.unsubscribe([equity('QQQ')])
    expect([...a.subscriptions()]).toEqual(['QQQ'])
    expect([...b.subscriptions()]).toEqual([])
    expect(calls).toEqual(['+QQQ'])
    expect(a.name).toBe('recording')
  })
})
