import type { MarketDataFeed } from '../../../feeds/marketDataFeed.js'
import type { Instrument } from '../../../instruments/instrument.js'
import { instrumentId } from '../../../instruments/instrumentId.js'

/**
 * The feed subscriptions a chain made. Instruments someone else had already subscribed (an open position's
 * contract, the underlying watched by a strategy) are left alone: the chain never unsubscribes what it did not
 * subscribe, because feed subscriptions are a set, not reference counted.
 */
export class FeedSubscriptions {
  private readonly owned = new Map<string, Instrument>()

  constructor(private readonly feed: MarketDataFeed) {}

  add(instruments: readonly Instrument[]): void {
    if (instruments.length === 0) return
    const existing = this.feed.subscriptions()
    const fresh: Instrument[] = []
    for (const instrument of instruments) {
      const id = instrumentId(instrument)
      if (this.owned.has(id) || existing.has(id)) continue
      this.owned.set(id, instrument)
      fresh.push(instrument)
    }
    if (fresh.length > 0) this.feed.subscribe(fresh)
  }

  remove(instruments: readonly Instrument[]): void {
    const leaving: Instrument[] = []
    for (const instrument of instruments) {
      const id = instrumentId(instrument)
      if (this.owned.delete(id)) leaving.push(instrument)
    }
    if (leaving.length > 0) this.feed.unsubscribe(leaving)
  }

  removeAll(): void {
    this.remove([...this.owned.values()])
  }
}
