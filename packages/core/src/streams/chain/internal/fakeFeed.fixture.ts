import { NEVER, of, Subject } from 'rxjs'
import type { MarketDataFeed } from '../../../feeds/marketDataFeed.js'
import { type Instrument, type OptionContract, optionContract } from '../../../instruments/instrument.js'
import { instrumentId } from '../../../instruments/instrumentId.js'
import type { OptionQuote, Quote } from '../../../marketData/types.js'

/** A feed call the fake recorded. */
export interface FeedCall {
  readonly op: 'subscribe' | 'unsubscribe'
  readonly ids: readonly string[]
}

/** An in-memory feed for chain tests: records subscription calls, lists the given contracts. */
export interface FakeFeed {
  readonly feed: MarketDataFeed
  readonly quotes: Subject<Quote | OptionQuote>
  readonly calls: FeedCall[]
  readonly subscribed: Set<string>
}

/** Calls and puts of `root` for every strike from `from` to `to` (step 1) on each expiry. */
export function listedContracts(root: string, expiries: readonly string[], from: number, to: number): OptionContract[] {
  const contracts: OptionContract[] = []
  for (const expiry of expiries) {
    for (let strike = from; strike <= to; strike++) {
      contracts.push(optionContract({ root, expiry, strike, right: 'call' }))
      contracts.push(optionContract({ root, expiry, strike, right: 'put' }))
    }
  }
  return contracts
}

/**
 * Creates the fake feed.
 *
 * @param contracts - What `listOptionChain` answers (filtered by expiry), asynchronously like a real feed.
 * @returns The feed and its recordings.
 */
export function createFakeFeed(contracts: readonly Instrument[]): FakeFeed {
  const quotes = new Subject<Quote | OptionQuote>()
  const calls: FeedCall[] = []
  const subscribed = new Set<string>()
  const feed: MarketDataFeed = {
    name: 'fake',
    capabilities: {
      quotes: true,
      trades: false,
      bars: false,
      options: true,
      indices: false,
      vendorGreeks: false,
      chainListing: true,
      historical: true,
    },
    state$: of({ status: 'live', sinceMs: 0, mode: 'streaming' }),
    quotes$: quotes,
    trades$: NEVER,
    bars$: NEVER,
    connect: async () => undefined,
    subscribe: (instruments) => {
      const ids = instruments.map(instrumentId)
      calls.push({ op: 'subscribe', ids })
      for (const id of ids) subscribed.add(id)
    },
    unsubscribe: (instruments) => {
      const ids = instruments.map(instrumentId)
      calls.push({ op: 'unsubscribe', ids })
      for (const id of ids) subscribed.delete(id)
    },
    subscriptions: () => subscribed,
    listOptionChain: async (_underlying, expiry) =>
      contracts.filter((contract) => contract.kind === 'option' && contract.expiry === expiry),
    close: async () => undefined,
  }
  return { feed, quotes, calls, subscribed }
}
