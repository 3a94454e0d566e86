import type { BaseError } from '../errors/baseError.js'
import { isOptionInstrumentId, type MarketEvent } from '../feeds/marketEvent.js'
import type { Instrument } from '../instruments/instrument.js'
import { instrumentId } from '../instruments/instrumentId.js'
import type { Bar, OptionQuote, Quote, Trade } from '../marketData/types.js'
import { resolveSimSettings } from './internal/resolveSimConfig.js'
import { SimEngine } from './internal/simEngine.js'
import type { SimSink } from './internal/simUnderlying.js'
import type { SimFeedOptions } from './simConfig.js'
import type { SimMarketSnapshot } from './simMarketSnapshot.js'

/** Options of {@link createSimEventSource}: the simulator's settings and the instant it starts at. */
export interface SimEventSourceOptions extends Omit<SimFeedOptions, 'clock'> {
  /** Start instant, epoch ms: what `clock.now()` is to {@link createSimFeed} when it is created and connected. */
  readonly startMs: number
  /** Receives the problems the feed would report on `errors$` (unsupported instruments, expired contracts). */
  readonly onError?: (error: BaseError) => void
}

/**
 * The simulator without a feed or a clock around it, for a driver that pulls a simulated day step by step (the
 * backtest runner). Its events are exactly those of a {@link createSimFeed} feed on a virtual clock started at
 * `startMs`, connected, and advanced from one timer to the next, in the same order and with the same contents,
 * already tagged as {@link MarketEvent}s; without the feed's streams and timer per step, they cost far less.
 */
export interface SimEventSource {
  /** Always `true`: nothing this source produces is real market data. */
  readonly simulated: true
  /**
   * Starts simulating `instruments` (only their events are produced); before {@link SimEventSource.connect} they
   * are remembered, as a feed does.
   */
  subscribe(instruments: readonly Instrument[]): void
  /** Stops producing events of `instruments`. */
  unsubscribe(instruments: readonly Instrument[]): void
  /** Lists the day's simulated contracts of `underlying` expiring on `expiry`. */
  listOptionChain(underlying: string, expiry: string): Promise<readonly Instrument[]>
  /**
   * Simulates silently up to `startMs` and starts simulating what was subscribed, as a feed's `connect()` does.
   * Calling it again does nothing.
   */
  connect(): void
  /** When the simulator has work next (the feed's timer), epoch ms; `undefined` before connect and after close. */
  nextDueMs(): number | undefined
  /**
   * Runs every simulation step due at or before `untilMs` and appends the events of subscribed instruments to
   * `out`, in emission order. Does nothing before connect or after close.
   *
   * @param untilMs - Last instant to simulate, epoch ms.
   * @param out - Receives the events.
   */
  advanceTo(untilMs: number, out: MarketEvent[]): void
  /** Prices, volatility and VIX values at the last simulated step. */
  snapshot(): SimMarketSnapshot
  /** Stops the source: nothing more is simulated or produced. */
  close(): void
}

/** Event type of a quote on each subscribed instrument, by instrument id (as `quoteEvent` would tag it). */
type QuoteType = 'quote' | 'option_quote'

/** Where events would go outside `advanceTo` (nothing is emitted there). */
const IDLE: MarketEvent[] = []

/**
 * Creates a {@link SimEventSource}: the market simulator of {@link createSimFeed}, pulled instead of clocked.
 *
 * @param options - Settings, seed and start instant.
 * @returns The source.
 * @throws {ConfigError} When options are invalid.
 * @throws {SimConfigError} When the correlation matrix is inconsistent.
 * @example
 * ```ts
 * const startMs = nyTimeToMs('2025-11-21', '09:30')
 * const sim = createSimEventSource({ seed: 42, startMs })
 * sim.subscribe([equity('SPY')])
 * sim.connect()
 * const events: MarketEvent[] = []
 * sim.advanceTo(startMs + 60_000, events) // one simulated minute
 * ```
 */
export function createSimEventSource(options: SimEventSourceOptions): SimEventSource {
  const { startMs, onError, ...settings } = options
  const engine = new SimEngine(resolveSimSettings(settings, 'sim event source options'), startMs)
  const market = engine.market
  const reportError = onError ?? (() => undefined)
  /** Subscribed instruments by id, in subscription order, with the tag their quotes get. */
  const subscribed = new Map<string, { readonly instrument: Instrument; readonly quoteType: QuoteType }>()
  let connected = false
  let closed = false
  let out = IDLE

  // Events of instruments not subscribed at the moment of emission are dropped, as the feed drops them.
  const sink: SimSink = {
    quote(quote: Quote | OptionQuote) {
      const entry = subscribed.get(quote.instrumentId)
      if (entry === undefined) return
      if (entry.quoteType === 'option_quote') out.push({ type: 'option_quote', data: quote as OptionQuote })
      else out.push({ type: 'quote', data: quote })
    },
    trade(trade: Trade) {
      if (subscribed.has(trade.instrumentId)) out.push({ type: 'trade', data: trade })
    },
    bar(bar: Bar) {
      if (subscribed.has(bar.instrumentId)) out.push({ type: 'bar', data: bar })
    },
    wants: (id) => subscribed.has(id),
  }

  function change(instruments: readonly Instrument[], add: boolean): void {
    if (closed) return
    const batch: Instrument[] = []
    for (const instrument of instruments) {
      const id = instrumentId(instrument)
      if (subscribed.has(id) === add) continue
      if (add) subscribed.set(id, { instrument, quoteType: isOptionInstrumentId(id) ? 'option_quote' : 'quote' })
      else subscribed.delete(id)
      batch.push(instrument)
    }
    if (batch.length === 0 || !connected) return
    if (add) engine.add(batch, reportError)
    else engine.remove(batch)
  }

  return {
    simulated: true,
    subscribe: (instruments) => change(instruments, true),
    unsubscribe: (instruments) => change(instruments, false),
    async listOptionChain(underlying, expiry) {
      return engine.listOptionChain(underlying, expiry)
    },
    connect() {
      if (connected || closed) return
      connected = true
      // Whatever happened before the start is simulated without being delivered.
      market.advance(startMs - 1, undefined)
      if (subscribed.size > 0)
        engine.add(
          [...subscribed.values()].map((entry) => entry.instrument),
          reportError,
        )
    },
    nextDueMs: () => (connected && !closed ? market.nextDueMs : undefined),
    advanceTo(untilMs, events) {
      if (!connected || closed) return
      out = events
      market.advance(untilMs, sink)
      out = IDLE
    },
    snapshot: () => engine.snapshot(),
    close() {
      closed = true
    },
  }
}
