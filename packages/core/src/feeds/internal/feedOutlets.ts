import { Subject } from 'rxjs'
import type { BaseError } from '../../errors/baseError.js'
import type { Instrument } from '../../instruments/instrument.js'
import type { Bar, OptionQuote, Quote, Trade } from '../../marketData/types.js'
import { HotSubject } from '../../streams/internal/hotSubject.js'
import type { MarketEvent } from '../marketEvent.js'

/**
 * Whether emitting on a subject can have any effect: it has observers, or it was closed (then `next` throws, as it
 * must keep doing). A feed streams every tick of every subscription, often to outlets nobody reads (trades, bars).
 */
function live(subject: { readonly observed: boolean; readonly closed: boolean }): boolean {
  return subject.observed || subject.closed
}

/** The hot streams of a feed and the subscription set that gates them. */
export class FeedOutlets {
  readonly quotes$ = new HotSubject<Quote | OptionQuote>()
  readonly trades$ = new HotSubject<Trade>()
  readonly bars$ = new HotSubject<Bar>()
  readonly errors$ = new Subject<BaseError>()
  /** Subscribed instruments by canonical id. */
  readonly subscribed = new Map<string, Instrument>()

  quote(quote: Quote | OptionQuote): void {
    if (this.subscribed.has(quote.instrumentId) && live(this.quotes$)) this.quotes$.next(quote)
  }

  trade(trade: Trade): void {
    if (this.subscribed.has(trade.instrumentId) && live(this.trades$)) this.trades$.next(trade)
  }

  bar(bar: Bar): void {
    if (this.subscribed.has(bar.instrumentId) && live(this.bars$)) this.bars$.next(bar)
  }

  event(event: MarketEvent): void {
    if (event.type === 'trade') this.trade(event.data)
    else if (event.type === 'bar') this.bar(event.data)
    else this.quote(event.data)
  }

  complete(): void {
    this.quotes$.complete()
    this.trades$.complete()
    this.bars$.complete()
    this.errors$.complete()
  }
}
