import { Decimal } from 'decimal.js'
import { filter, firstValueFrom, interval, type Subscription } from 'rxjs'
import { createVirtualClock } from '../../clock/virtualClock.js'
import type { ExitEvent } from '../../exits/exitManager.js'
import type { FeedState } from '../../feeds/marketDataFeed.js'
import { isOptionInstrumentId, type MarketEvent } from '../../feeds/marketEvent.js'
import { instrumentId } from '../../instruments/instrumentId.js'
import { createMemoryJournalStore } from '../../journal/memoryJournalStore.js'
import type { OptionQuote, Quote } from '../../marketData/types.js'
import type { ManagedOrder } from '../../oms/managedOrder.js'
import type { PaperBrokerStore } from '../../paper/paperBrokerStore.js'
import type { MarkPrice } from '../../reports/portfolio/equityCurve.js'
import type { SignalDecision } from '../../system/signalDecision.js'
import { createTradingSystem, type TradingSystemOptions } from '../../system/tradingSystem.js'
import type { Account, Fill, Position } from '../../trading/types.js'
import { BacktestError } from '../backtestError.js'
import { createBacktestFeed } from './backtestFeed.js'
import type { DaySource } from './daySource.js'

/** Account equity at one sample. */
export interface AccountSample {
  readonly timestampMs: number
  readonly equity: Decimal
  readonly cash: Decimal
  readonly unrealizedPnl: Decimal
}

/** What one session adds to the run. */
export interface SessionOutput {
  readonly fills: Fill[]
  readonly orders: ManagedOrder[]
  readonly decisions: SignalDecision[]
  readonly exits: ExitEvent[]
  readonly samples: AccountSample[]
  readonly marks: MarkPrice[]
  /** Mid of each leg when its order was first seen: `${clientOrderId}|${instrumentId}` → mid. */
  readonly midsAtOrder: Map<string, Decimal>
  /** Last mid of every equity and index when the session ended, by instrument id. */
  readonly lastMids: Map<string, number>
}

/** Inputs of {@link runSession}. */
export interface SessionInput {
  readonly date: string
  readonly startMs: number
  readonly endMs: number
  readonly source: DaySource
  /** Trading-system settings shared by every day (clock, feed, journal and paper store are set here). */
  readonly system: Omit<TradingSystemOptions, 'clock' | 'feed' | 'journalStore' | 'broker' | 'decisionIntervalMs'>
  readonly decisionIntervalMs: number
  readonly store: PaperBrokerStore
  readonly startingCash: Decimal
  readonly equityIntervalMs: number
  readonly settleIntervalMs: number
  readonly onEvent: (event: MarketEvent) => void
}

const midOf = (quote: Quote | OptionQuote | undefined): number | undefined =>
  quote !== undefined && quote.bid > 0 && quote.ask > 0 ? (quote.bid + quote.ask) / 2 : undefined

/**
 * Runs one trading session of a backtest: a fresh virtual clock at the session start, the trading system composed
 * exactly as live (`createTradingSystem`) on the session's feed, a fresh journal (the order manager's write-ahead
 * log of the session) and the paper account from the shared store (so cash and positions carry over), then drives
 * the session to its end, samples the account on the clock and stops the system.
 *
 * @param input - Session bounds, data and settings.
 * @returns What the session produced.
 * @throws {BacktestError} When the feed failed (a malformed recording, a timer that threw).
 */
export async function runSession(input: SessionInput): Promise<SessionOutput> {
  const { startMs, endMs } = input
  const clock = createVirtualClock(startMs)
  const feed = createBacktestFeed({
    clock,
    endMs,
    source: input.source,
    onEvent: input.onEvent,
    settleIntervalMs: input.settleIntervalMs,
  })
  const system = createTradingSystem({
    ...input.system,
    clock,
    feed,
    decisionIntervalMs: input.decisionIntervalMs,
    journalStore: createMemoryJournalStore(),
    paper: { ...input.system.paper, store: input.store, startingCash: input.startingCash },
  })
  const out: SessionOutput = {
    fills: [],
    orders: [],
    decisions: [],
    exits: [],
    samples: [],
    marks: [],
    midsAtOrder: new Map(),
    lastMids: new Map(),
  }
  const quotes = new Map<string, Quote | OptionQuote>()
  let account: Account | undefined
  let positions: readonly Position[] = []
  const subscriptions: Subscription[] = [
    system.pipeline.quotes$.subscribe((quote) => quotes.set(quote.instrumentId, quote)),
    system.decisions$.subscribe((decision) => out.decisions.push(decision)),
    system.exitEvents$.subscribe((event) => out.exits.push(event)),
    system.broker.fills$.subscribe((fill) => out.fills.push(fill)),
    system.broker.account$.subscribe((value) => {
      account = value
    }),
    system.broker.positions$.subscribe((value) => {
      positions = value
    }),
    system.oms.orders$.subscribe((order) => {
      for (const leg of order.legs) {
        const key = `${order.clientOrderId}|${instrumentId(leg.instrument)}`
        const mid = midOf(quotes.get(instrumentId(leg.instrument)))
        if (!out.midsAtOrder.has(key) && mid !== undefined) out.midsAtOrder.set(key, new Decimal(mid))
      }
    }),
  ]
  const sample = () => {
    const nowMs = clock.now()
    if (account === undefined || out.samples.at(-1)?.timestampMs === nowMs) return
    out.samples.push({
      timestampMs: nowMs,
      equity: account.equity,
      cash: account.cash,
      unrealizedPnl: account.unrealizedPnl,
    })
    for (const position of positions) {
      const mid = midOf(quotes.get(position.instrumentId))
      if (mid !== undefined) {
        out.marks.push({ instrumentId: position.instrumentId, timestampMs: nowMs, price: new Decimal(mid) })
      }
    }
  }
  const closed = firstValueFrom(feed.state$.pipe(filter((state) => state.status === 'closed')))
  let failure: unknown
  try {
    await system.start()
    sample()
    subscriptions.push(interval(input.equityIntervalMs, clock.scheduler).subscribe(sample))
    const state: FeedState = await closed
    if (state.status === 'closed' && state.error !== undefined) failure = state.error
    else sample()
  } catch (error) {
    failure = error
  }
  try {
    await system.stop()
  } catch (error) {
    failure ??= error
  }
  for (const subscription of subscriptions) subscription.unsubscribe()
  if (failure !== undefined) {
    throw failure instanceof BacktestError
      ? failure
      : new BacktestError(input.date, 'the session failed', { cause: failure })
  }
  out.orders.push(...system.oms.orders())
  for (const [id, quote] of quotes) {
    const mid = midOf(quote)
    if (mid !== undefined && !isOptionInstrumentId(id)) out.lastMids.set(id, mid)
  }
  return out
}
