/**
 * The market state strategies read, built from one quote stream with the SDK's own pieces — a 0DTE chain per
 * underlying (`createZeroDteChain`, ATM ± 10 by default), the VIX regime (`createRegimeStreams`), the rolling
 * correlation (`createCorrelationStreams`) and the latest underlying mids — exactly as `createMarketPipeline`
 * composes them, except that the quote stream is given (validated, then sampled or filtered as the caller wants)
 * and feed subscriptions are left to the caller. Used by the data reduction benchmark to build the same state from
 * the full-rate and the reduced stream side by side on one simulated market.
 */
import {
  type ChainSnapshot,
  type Clock,
  type CorrelationSnapshot,
  createCorrelationStreams,
  createRegimeStreams,
  createZeroDteChain,
  type Instrument,
  type MarketDataFeed,
  type MarketState,
  type OptionQuote,
  pricePointsFromFeed,
  type Quote,
  VIX_FAMILY_IDS,
  type VolatilityRegime,
  type ZeroDteChain,
} from '@smart-0dte/core'
import { EMPTY, NEVER, type Observable, type Subscription } from 'rxjs'

/** Messages of each class that reached the state (options: only quotes of contracts in a chain's window). */
export interface ReachedCounts {
  readonly underlying: number
  readonly volatility: number
  readonly option: number
}

/** A running market state over one quote stream. */
export interface StrategyMarketState {
  /** Subscribes every stream. */
  start(): void
  /** Unsubscribes every stream. */
  stop(): void
  /** The state now, shaped like the pipeline's {@link MarketState}. */
  market(): MarketState
  /** What reached the state so far. */
  reached(): ReachedCounts
}

/** Options of {@link createStrategyMarketState}. */
export interface StrategyMarketStateOptions {
  /** Clock of the simulated day. */
  readonly clock: Clock
  /** The quote stream the state is built from; must be hot and shared (several subscribers). */
  readonly quotes$: Observable<Quote | OptionQuote>
  /** Listed contracts of each underlying for the day (answered synchronously, so every state lists alike). */
  readonly listings: ReadonlyMap<string, readonly Instrument[]>
  /** Underlyings, each with a 0DTE chain. */
  readonly underlyings: readonly string[]
}

/**
 * A feed that only carries the given quotes: subscriptions are no-ops because the caller has subscribed every
 * instrument on the real feed already (the whole listing, for the raw count).
 */
function quotesOnlyFeed(quotes$: Observable<Quote | OptionQuote>): MarketDataFeed {
  return {
    name: 'data-reduction-state',
    capabilities: {
      quotes: true,
      trades: false,
      bars: false,
      options: true,
      indices: true,
      vendorGreeks: false,
      chainListing: true,
      historical: true,
    },
    state$: NEVER,
    quotes$,
    trades$: EMPTY,
    bars$: EMPTY,
    connect: () => Promise.resolve(),
    subscribe: () => undefined,
    unsubscribe: () => undefined,
    subscriptions: () => new Set<string>(),
    close: () => Promise.resolve(),
  }
}

/**
 * Builds the state strategies read from one quote stream.
 *
 * @param options - Clock, stream, listings and underlyings.
 * @returns The state; call `start()` before the clock runs.
 */
export function createStrategyMarketState(options: StrategyMarketStateOptions): StrategyMarketState {
  const { clock, quotes$, underlyings } = options
  const feed = quotesOnlyFeed(quotes$)
  const vixIds = new Set<string>(VIX_FAMILY_IDS)
  const underlyingIds = new Set(underlyings)
  const chains = new Map<string, ZeroDteChain>()
  for (const underlying of underlyings) {
    chains.set(
      underlying,
      createZeroDteChain({
        underlying,
        feed,
        clock,
        quotes$,
        listContracts: (symbol) => options.listings.get(symbol) ?? [],
      }),
    )
  }
  const regime = createRegimeStreams(pricePointsFromFeed(feed, VIX_FAMILY_IDS, { source: 'mid' }))
  const correlation = createCorrelationStreams(pricePointsFromFeed(feed, underlyings, { source: 'mid' }), clock, {
    instrumentIds: [...underlyings],
  })
  const prices = new Map<string, number>()
  let latestRegime: VolatilityRegime | undefined
  let latestCorrelation: CorrelationSnapshot | undefined
  let underlyingCount = 0
  let volatilityCount = 0
  let optionCount = 0
  let running: Subscription[] = []

  return {
    start() {
      running = [
        quotes$.subscribe((quote) => {
          if (vixIds.has(quote.instrumentId)) volatilityCount++
          if (!underlyingIds.has(quote.instrumentId)) return
          underlyingCount++
          if (quote.bid > 0 && quote.ask > 0) prices.set(quote.instrumentId, (quote.bid + quote.ask) / 2)
        }),
        ...[...chains.values()].map((chain) =>
          chain.updates$.subscribe(() => {
            optionCount++
          }),
        ),
        regime.regime$.subscribe((value) => {
          latestRegime = value
        }),
        correlation.correlation$.subscribe((value) => {
          latestCorrelation = value
        }),
      ]
    },
    stop() {
      for (const subscription of running) subscription.unsubscribe()
      running = []
    },
    market() {
      const snapshots = new Map<string, ChainSnapshot>()
      for (const [underlying, chain] of chains) {
        const snapshot = chain.snapshot()
        if (snapshot !== undefined) snapshots.set(underlying, snapshot)
      }
      return {
        chains: snapshots,
        regime: latestRegime,
        correlation: latestCorrelation,
        underlyingPrices: new Map(prices),
      }
    },
    reached: () => ({ underlying: underlyingCount, volatility: volatilityCount, option: optionCount }),
  }
}
