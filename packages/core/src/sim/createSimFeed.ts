import type { SchedulerAction } from 'rxjs'
import { hasZeroDteExpiration } from '../calendar/zeroDte.js'
import { BaseError } from '../errors/baseError.js'
import { createFeed, type ManagedFeed } from '../feeds/createFeed.js'
import type { FeedAdapter, FeedSessionContext } from '../feeds/feedAdapter.js'
import { type Instrument, optionContract } from '../instruments/instrument.js'
import { resolveSimConfig } from './internal/resolveSimConfig.js'
import { SimMarket } from './internal/simMarket.js'
import { SimOptionBook } from './internal/simOptionBook.js'
import type { SimSink } from './internal/simUnderlying.js'
import { listStrikes } from './listStrikes.js'
import type { SimFeedOptions } from './simConfig.js'
import { SimUnsupportedInstrumentError } from './simUnsupportedInstrumentError.js'
import { VIX_FAMILY } from './volatilityTermStructure.js'

/** The state of the simulated market at its last step (SIMULATED). */
export interface SimMarketSnapshot {
  /** Always `true`. */
  readonly simulated: true
  /** Time of the last simulated step, epoch ms. */
  readonly timestampMs: number
  /** Simulated trading day. */
  readonly date: string
  /** Annualised volatility of the market factor right now (√variance). */
  readonly volatility: number
  /** Efficient price of each underlying (quotes straddle it). */
  readonly prices: Readonly<Record<string, number>>
  /** Latest VIX9D, VIX, VIX3M and VIX6M values. */
  readonly indices: Readonly<Record<string, number>>
}

/** The simulator as a feed. Every event it emits is SIMULATED (`source: 'sim'`). */
export interface SimFeed extends ManagedFeed {
  /** Always `true`: nothing this feed emits is real market data. */
  readonly simulated: true
  /** Lists the day's simulated contracts of `underlying` expiring on `expiry`. */
  listOptionChain(underlying: string, expiry: string): Promise<readonly Instrument[]>
  /** Prices, volatility and VIX values at the last simulated step. */
  snapshot(): SimMarketSnapshot
}

/**
 * Creates the market simulator: a deterministic, seeded, SIMULATED market of SPY, QQQ and IWM (by default) with
 * correlated returns, stochastic volatility with jumps, U-shaped intraday activity and volatility, one-tick
 * quotes and trades, 1-minute bars, the VIX family (VIX9D, VIX, VIX3M, VIX6M, in contango when calm and inverted
 * under stress), and 0DTE option chains priced with Black–Scholes–Merton on a skewed smile, quoted in pennies.
 * Option quotes are produced only for subscribed contracts. The same seed, clock path and subscriptions give the
 * same events, byte for byte.
 *
 * Time comes from `options.clock`: the wall clock runs it in real time; a virtual clock (advanced by
 * `driveVirtualClock` or a backtest runner) runs it as fast as it is advanced. Events fall on a `stepMs` grid
 * during the regular session; the path before the clock's time at `connect()` is simulated silently, so a given
 * instant of a given seed always shows the same market.
 *
 * @param options - Clock, seed, underlyings and model parameters.
 * @returns The feed, named `sim`.
 * @throws {ConfigError} When options are invalid.
 * @throws {SimConfigError} When the correlation matrix is inconsistent.
 * @example
 * ```ts
 * const clock = createVirtualClock(nyTimeToMs('2025-11-21', '09:30'))
 * const sim = createSimFeed({ clock, seed: 42 })
 * sim.subscribe([equity('SPY'), index('VIX'), ...(await sim.listOptionChain('SPY', '2025-11-21')).slice(0, 10)])
 * await sim.connect()
 * clock.advanceBy(60_000) // one simulated minute of events
 * ```
 */
export function createSimFeed(options: SimFeedOptions): SimFeed {
  const config = resolveSimConfig(options)
  const clock = options.clock
  const market = new SimMarket(config, clock.now())
  const book = new SimOptionBook(market)
  const indexIds = new Set<string>(VIX_FAMILY.map((entry) => entry.symbol))
  const symbols = new Set(config.underlyings.map((u) => u.symbol))

  function add(instruments: readonly Instrument[], context: FeedSessionContext): void {
    for (const instrument of instruments) {
      const supported =
        instrument.kind === 'equity'
          ? symbols.has(instrument.symbol)
          : instrument.kind === 'index'
            ? indexIds.has(instrument.symbol)
            : addOption(instrument, context)
      if (!supported) {
        const name = instrument.kind === 'option' ? instrument.underlying : instrument.symbol
        context.reportError(new SimUnsupportedInstrumentError(`The simulator does not simulate ${name}`))
      }
    }
  }

  function addOption(contract: Extract<Instrument, { kind: 'option' }>, context: FeedSessionContext): boolean {
    try {
      const status = book.add(contract)
      if (status === 'expired') {
        context.reportError(
          new SimUnsupportedInstrumentError(`Option expired before the simulated day: ${contract.expiry}`),
        )
      }
      return status !== 'unknown_underlying'
    } catch (error) {
      if (error instanceof BaseError) context.reportError(error)
      else throw error
      return true
    }
  }

  const adapter: FeedAdapter = {
    name: 'sim',
    capabilities: {
      quotes: true,
      trades: true,
      bars: true,
      options: true,
      indices: true,
      vendorGreeks: false,
      chainListing: true,
      historical: clock.kind === 'virtual',
    },
    async open(context) {
      const sink: SimSink = {
        quote: context.emitQuote,
        trade: context.emitTrade,
        bar: context.emitBar,
        wants: context.isSubscribed,
      }
      // Whatever happened before now (or while disconnected) is simulated without being delivered.
      market.advance(clock.now() - 1, undefined)
      // One timer, rescheduled in place at each grid instant (and straight to the next open overnight).
      const timer = clock.scheduler.schedule(
        function run(this: SchedulerAction<void>) {
          if (!context.active) return
          market.advance(clock.now(), sink)
          this.schedule(undefined, Math.max(0, market.nextDueMs - clock.now()))
        },
        Math.max(0, market.nextDueMs - clock.now()),
      )
      return {
        subscribe: (instruments) => add(instruments, context),
        unsubscribe: (instruments) => {
          for (const instrument of instruments) if (instrument.kind === 'option') book.remove(instrument)
        },
        close: () => timer.unsubscribe(),
      }
    },
    async listOptionChain(underlying, expiry) {
      const index = config.underlyings.findIndex((u) => u.symbol === underlying.toUpperCase())
      const u = config.underlyings[index]
      if (!u || expiry < market.day.date || !hasZeroDteExpiration(u.symbol, expiry)) return []
      const reference =
        expiry === market.day.date
          ? (market.day.openPrices[index] ?? u.startPrice)
          : (market.underlyings[index]?.price ?? u.startPrice)
      return listStrikes(reference, u).flatMap((strike) => [
        optionContract({ root: u.symbol, expiry, strike, right: 'call' }),
        optionContract({ root: u.symbol, expiry, strike, right: 'put' }),
      ])
    },
  }

  const feed = createFeed(adapter, { clock, staleAfterMs: 0 })
  return {
    ...feed,
    simulated: true,
    listOptionChain: (underlying, expiry) => adapter.listOptionChain?.(underlying, expiry) ?? Promise.resolve([]),
    snapshot: () => ({
      simulated: true,
      timestampMs: market.lastStepAtMs,
      date: market.day.date,
      volatility: Math.sqrt(Math.max(market.variance, 0)),
      prices: Object.fromEntries(market.underlyings.map((u) => [u.symbol, u.price])),
      indices: Object.fromEntries(VIX_FAMILY.map((entry, i) => [entry.symbol, market.indexValues[i] ?? 0])),
    }),
  }
}
