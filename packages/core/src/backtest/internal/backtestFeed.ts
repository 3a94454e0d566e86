import type { VirtualClock } from '../../clock/virtualClock.js'
import type { MarketDataFeed } from '../../feeds/marketDataFeed.js'
import type { MarketEvent } from '../../feeds/marketEvent.js'
import type { Instrument } from '../../instruments/instrument.js'
import { instrumentId } from '../../instruments/instrumentId.js'
import { createReplayFeed } from '../../replay/createReplayFeed.js'
import type { DaySource } from './daySource.js'
import { sessionEvents } from './sessionEvents.js'

/** Options of {@link createBacktestFeed}. */
export interface BacktestFeedOptions {
  /** The system's clock; the replay advances it. */
  readonly clock: VirtualClock
  /** End of the session, epoch ms. */
  readonly endMs: number
  /** The day's data. */
  readonly source: DaySource
  /** Sees every delivered event. */
  readonly onEvent: (event: MarketEvent) => void
  /** Clock interval of settle points, ms. */
  readonly settleIntervalMs: number
}

/**
 * The feed a backtest session gives the trading system: `createReplayFeed` over the session's paced events, with the
 * day's chain listing, and subscriptions forwarded to the source (so the simulator produces what the system
 * subscribed). Only events of instruments subscribed at the moment of delivery pass, so what `onEvent` sees is
 * exactly what the system received.
 *
 * @param options - Clock, end, source, tap.
 * @returns The feed; the replay ends (state `closed`) when the session reaches `endMs`.
 */
export function createBacktestFeed(options: BacktestFeedOptions): MarketDataFeed {
  const { clock, source } = options
  const subscribed = new Set<string>()
  const replay = createReplayFeed({
    clock,
    name: source.simulated ? 'backtest-sim' : 'backtest-replay',
    source: sessionEvents({
      clock,
      endMs: options.endMs,
      pull: source.pull,
      accept: (event) => subscribed.has(event.data.instrumentId),
      onEvent: options.onEvent,
      settleIntervalMs: options.settleIntervalMs,
    }),
  })
  const track = (instruments: readonly Instrument[], add: boolean) => {
    for (const instrument of instruments) {
      const id = instrumentId(instrument)
      if (add) subscribed.add(id)
      else subscribed.delete(id)
    }
  }
  return {
    name: replay.name,
    capabilities: { ...replay.capabilities, chainListing: true },
    state$: replay.state$,
    quotes$: replay.quotes$,
    trades$: replay.trades$,
    bars$: replay.bars$,
    async connect() {
      await source.connect()
      await replay.connect()
    },
    subscribe(instruments) {
      track(instruments, true)
      source.subscribe(instruments)
      replay.subscribe(instruments)
    },
    unsubscribe(instruments) {
      track(instruments, false)
      source.unsubscribe(instruments)
      replay.unsubscribe(instruments)
    },
    subscriptions: () => replay.subscriptions(),
    listOptionChain: (underlying, expiry) => source.listOptionChain(underlying, expiry),
    async close() {
      await replay.close()
      await source.close()
    },
  }
}
