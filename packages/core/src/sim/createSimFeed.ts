import type { SchedulerAction } from 'rxjs'
import { createFeed, type ManagedFeed } from '../feeds/createFeed.js'
import type { FeedAdapter } from '../feeds/feedAdapter.js'
import type { Instrument } from '../instruments/instrument.js'
import { resolveSimConfig } from './internal/resolveSimConfig.js'
import { SimEngine } from './internal/simEngine.js'
import type { SimSink } from './internal/simUnderlying.js'
import type { SimFeedOptions } from './simConfig.js'
import type { SimMarketSnapshot } from './simMarketSnapshot.js'

export type { SimMarketSnapshot } from './simMarketSnapshot.js'

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
  const engine = new SimEngine(config, clock.now())
  const market = engine.market

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
        subscribe: (instruments) => engine.add(instruments, context.reportError),
        unsubscribe: (instruments) => engine.remove(instruments),
        close: () => timer.unsubscribe(),
      }
    },
    async listOptionChain(underlying, expiry) {
      return engine.listOptionChain(underlying, expiry)
    },
  }

  const feed = createFeed(adapter, { clock, staleAfterMs: 0 })
  return {
    ...feed,
    simulated: true,
    listOptionChain: (underlying, expiry) => adapter.listOptionChain?.(underlying, expiry) ?? Promise.resolve([]),
    snapshot: () => engine.snapshot(),
  }
}
