import type { Instrument } from '../instruments/instrument.js'
import { instrumentId } from '../instruments/instrumentId.js'
import type { MarketDataFeed } from './marketDataFeed.js'

/**
 * Reference-counted subscriptions on one feed. Each consumer (a chain, the pipeline, the keeper of open positions)
 * gets its own view of the feed with {@link SubscriptionPool.lease}; the feed subscribes an instrument when the
 * first consumer asks for it and unsubscribes it only when the last one lets go. Without this, a chain whose
 * window moves away would unsubscribe the contract of an open position and leave its exit without quotes.
 */
export interface SubscriptionPool {
  /**
   * A view of the feed for one consumer: every stream and method is the feed's, except that `subscribe` and
   * `unsubscribe` count this consumer's interest and `subscriptions()` lists only what this consumer holds.
   *
   * @param owner - Name of the consumer, unique within the pool (`chain:SPY`, `positions`).
   * @returns The consumer's view.
   */
  lease(owner: string): MarketDataFeed
  /** Owners holding each subscribed instrument id. */
  holders(): ReadonlyMap<string, ReadonlySet<string>>
}

/**
 * Creates a subscription pool over a feed.
 *
 * @param feed - The shared feed.
 * @returns The pool.
 * @example
 * ```ts
 * const pool = createSubscriptionPool(feed)
 * createZeroDteChain({ underlying: 'SPY', feed: pool.lease('chain:SPY'), clock })
 * pool.lease('positions').subscribe([openContract]) // stays streamed whatever the chain does
 * ```
 */
export function createSubscriptionPool(feed: MarketDataFeed): SubscriptionPool {
  const holders = new Map<string, Set<string>>()
  const owned = new Map<string, Map<string, Instrument>>()

  function subscribe(owner: string, instruments: readonly Instrument[]): void {
    const mine = owned.get(owner) ?? new Map<string, Instrument>()
    owned.set(owner, mine)
    const fresh: Instrument[] = []
    for (const instrument of instruments) {
      const id = instrumentId(instrument)
      if (mine.has(id)) continue
      mine.set(id, instrument)
      const set = holders.get(id) ?? new Set<string>()
      if (set.size === 0) fresh.push(instrument)
      set.add(owner)
      holders.set(id, set)
    }
    if (fresh.length > 0) feed.subscribe(fresh)
  }

  function unsubscribe(owner: string, instruments: readonly Instrument[]): void {
    const mine = owned.get(owner)
    if (!mine) return
    const leaving: Instrument[] = []
    for (const instrument of instruments) {
      const id = instrumentId(instrument)
      if (!mine.delete(id)) continue
      const set = holders.get(id)
      set?.delete(owner)
      if (set && set.size === 0) {
        holders.delete(id)
        leaving.push(instrument)
      }
    }
    if (leaving.length > 0) feed.unsubscribe(leaving)
  }

  return {
    lease(owner) {
      const view: MarketDataFeed = Object.create(feed, {
        subscribe: { value: (instruments: readonly Instrument[]) => subscribe(owner, instruments) },
        unsubscribe: { value: (instruments: readonly Instrument[]) => unsubscribe(owner, instruments) },
        subscriptions: { value: () => new Set(owned.get(owner)?.keys() ?? []) },
      })
      return view
    },
    holders: () => holders,
  }
}
