import { BehaviorSubject, EMPTY, merge, Observable, type Subscription, share } from 'rxjs'
import type { Clock } from '../clock/clock.js'
import type { CorrelationConfigInput } from '../correlation/correlationConfig.js'
import type { CorrelationEvent } from '../correlation/correlationEvent.js'
import type { CorrelationSnapshot } from '../correlation/correlationSnapshot.js'
import { createCorrelationStreams } from '../correlation/correlationStreams.js'
import { pricePointsFromFeed } from '../correlation/pricePointsFromFeed.js'
import type { MarketDataFeed } from '../feeds/marketDataFeed.js'
import { createSubscriptionPool, type SubscriptionPool } from '../feeds/subscriptionPool.js'
import { equity, index } from '../instruments/instrument.js'
import type { OptionQuote, Quote } from '../marketData/types.js'
import type { RegimeConfigInput } from '../regime/regimeConfig.js'
import { createRegimeStreams } from '../regime/regimeStreams.js'
import { VIX_FAMILY_IDS } from '../regime/vixSeries.js'
import type { RegimeChange, VolatilityRegime } from '../regime/volatilityRegime.js'
import type { ChainSelectionInput } from '../streams/chain/chainSelection.js'
import type { ChainSnapshot } from '../streams/chain/chainTypes.js'
import { createZeroDteChain, type ZeroDteChain } from '../streams/chain/createZeroDteChain.js'
import { HotSubject } from '../streams/internal/hotSubject.js'
import { sampleBySession } from '../streams/sampling/sampleBySession.js'
import type { SampleIntervalsInput } from '../streams/sampling/sampleClass.js'
import { createQuoteValidator } from '../streams/validation/createQuoteValidator.js'
import type { QualityReport } from '../streams/validation/qualityReport.js'
import type { Validator } from '../streams/validation/validator.js'

/** Options of {@link createMarketPipeline}. */
export interface MarketPipelineOptions {
  /** Where market data comes from. */
  readonly feed: MarketDataFeed
  /** Clock of the whole pipeline. */
  readonly clock: Clock
  /** Underlyings whose 0DTE chains are streamed and correlated. @default ['SPY', 'QQQ', 'IWM'] */
  readonly underlyings?: readonly string[]
  /** Which contracts each chain streams. @default { mode: 'strikes', strikesEachSide: 10 } */
  readonly chainSelection?: ChainSelectionInput
  /** Risk-free rate for IV and greeks. @default 0 */
  readonly rate?: number
  /** VIX regime settings. */
  readonly regime?: RegimeConfigInput
  /** Correlation settings (instrument ids default to the underlyings). */
  readonly correlation?: CorrelationConfigInput
  /** Ticks older than this behind the clock are stale and dropped. @default 5000 */
  readonly maxQuoteAgeMs?: number
  /**
   * Session-aware sampling of what the analytics (chains, regime, correlation, hence strategies) read: intervals
   * per data class and session phase (defaults from the seeds: 1 s underlyings, 5 s options, 30 s VIX in regular
   * hours; 500 ms / 2 s in the final hour before an expiration). `quotes$` stays at full rate for execution, marks
   * and exits. `false` feeds the analytics every validated tick. @default the `sampleIntervalsSchema` defaults
   */
  readonly sampling?: false | SampleIntervalsInput
}

/** The latest value of every analytic stream, kept while the pipeline runs. */
export interface MarketState {
  /** Latest chain snapshot per underlying. */
  readonly chains: ReadonlyMap<string, ChainSnapshot>
  /** Latest VIX regime. */
  readonly regime: VolatilityRegime | undefined
  /** Latest correlation snapshot. */
  readonly correlation: CorrelationSnapshot | undefined
  /** Latest underlying mid per underlying. */
  readonly underlyingPrices: ReadonlyMap<string, number>
}

/** The market half of the system: validated quotes, 0DTE chains, VIX regime, correlation and data quality. */
export interface MarketPipeline {
  /** Quotes that passed validation (equities, options and index values), at full rate. */
  readonly quotes$: Observable<Quote | OptionQuote>
  /** What the analytics read: `quotes$` after session-aware sampling (or `quotes$` itself without sampling). */
  readonly analyticQuotes$: Observable<Quote | OptionQuote>
  /** One 0DTE chain per underlying. */
  readonly chains: ReadonlyMap<string, ZeroDteChain>
  /** VIX regime snapshots. */
  readonly regime$: Observable<VolatilityRegime>
  /** Confirmed regime band changes. */
  readonly regimeChanges$: Observable<RegimeChange>
  /** Correlation snapshots, one per sample interval. */
  readonly correlation$: Observable<CorrelationSnapshot>
  /** Correlation breakdown and divergence events. */
  readonly correlationEvents$: Observable<CorrelationEvent>
  /** Data quality of tradable quotes (equities and options) and of index values, after every incident. */
  readonly quality$: Observable<{ readonly tradable: QualityReport; readonly indices: QualityReport }>
  /** The latest value of everything, updated while running. */
  readonly state$: Observable<MarketState>
  /** Reference-counted feed subscriptions: lease instruments that must stay streamed (open positions). */
  readonly subscriptions: SubscriptionPool
  /** The latest value of everything now. */
  state(): MarketState
  /**
   * Data quality now: counts up to this instant (`quality$` only emits when something is dropped or flagged).
   *
   * @returns The reports of the tradable and the index-value validators.
   */
  quality(): { readonly tradable: QualityReport; readonly indices: QualityReport }
  /** Subscribes the underlyings and the VIX family on the feed and starts every stream. Idempotent. */
  start(): void
  /** Stops every stream (the feed stays open: close it separately). */
  stop(): void
}

/** Index values (`^VIX`) are validated without size requirements; anything malformed goes to the tradable validator. */
const isIndexValue = (quote: Quote | OptionQuote): boolean =>
  typeof quote?.instrumentId === 'string' && quote.instrumentId.startsWith('^')

/** `share()` through a {@link HotSubject}: the same multicasting, cheaper per tick. */
const shareHot = <T>() => share<T>({ connector: () => new HotSubject<T>() })

/**
 * Validates a feed's quotes: each quote goes to exactly one of the two validators (index values or tradables) and
 * the survivors come out in arrival order, one subscription to the feed for everyone.
 */
function validatedQuotes(
  source: Observable<Quote | OptionQuote>,
  tradable: Validator<Quote | OptionQuote>,
  indices: Validator<Quote | OptionQuote>,
): Observable<Quote | OptionQuote> {
  return new Observable<Quote | OptionQuote>((subscriber) => {
    const tradableIn = new HotSubject<Quote | OptionQuote>()
    const indicesIn = new HotSubject<Quote | OptionQuote>()
    const output = merge(tradableIn.observable.pipe(tradable.operator), indicesIn.observable.pipe(indices.operator))
    const outputSubscription = output.subscribe(subscriber)
    const inputSubscription = source.subscribe({
      next: (quote) => (isIndexValue(quote) ? indicesIn : tradableIn).next(quote),
      error: (error: unknown) => subscriber.error(error),
      complete: () => {
        tradableIn.complete()
        indicesIn.complete()
      },
    })
    return () => {
      inputSubscription.unsubscribe()
      outputSubscription.unsubscribe()
    }
  }).pipe(shareHot())
}

/**
 * Composes the market half of the system on one feed: validation (index values validated without size
 * requirements and locked quotes accepted), session-aware sampling of what the analytics read, a 0DTE chain per underlying, the VIX regime
 * and the rolling correlation of the underlyings. Execution keeps the full-rate validated quotes.
 * Live, paper, replay and backtest all use this same code.
 *
 * @param options - Feed, clock and settings.
 * @returns The pipeline; call `start()` before (or after) `feed.connect()`.
 * @example
 * ```ts
 * const pipeline = createMarketPipeline({ feed, clock })
 * pipeline.regime$.subscribe((regime) => console.log(regime.band))
 * pipeline.start()
 * await feed.connect()
 * ```
 */
export function createMarketPipeline(options: MarketPipelineOptions): MarketPipeline {
  const { feed, clock } = options
  const underlyings = (options.underlyings ?? ['SPY', 'QQQ', 'IWM']).map((s) => s.toUpperCase())
  const maxAgeMs = options.maxQuoteAgeMs ?? 5000
  const tradableValidator = createQuoteValidator({ clock, maxAgeMs })
  // Index values publish one value as bid and ask: locked by nature, so not flagged.
  const indexValidator = createQuoteValidator({
    clock,
    maxAgeMs,
    requireSizes: false,
    spike: false,
    lockedQuotes: 'accept',
  })
  const quotes$ = validatedQuotes(feed.quotes$, tradableValidator, indexValidator)
  const analyticQuotes$ =
    options.sampling === false
      ? quotes$
      : quotes$.pipe(
          sampleBySession<Quote | OptionQuote>({
            clock,
            ...(options.sampling === undefined ? {} : { intervals: options.sampling }),
          }),
          shareHot(),
        )
  const cleanFeed = { quotes$: analyticQuotes$, trades$: EMPTY }

  const pool = createSubscriptionPool(feed)
  const chains = new Map<string, ZeroDteChain>()
  for (const underlying of underlyings) {
    chains.set(
      underlying,
      createZeroDteChain({
        underlying,
        feed: pool.lease(`chain:${underlying}`),
        clock,
        quotes$: analyticQuotes$,
        rate: options.rate ?? 0,
        ...(options.chainSelection ? { selection: options.chainSelection } : {}),
      }),
    )
  }
  const regime = createRegimeStreams(pricePointsFromFeed(cleanFeed, VIX_FAMILY_IDS, { source: 'mid' }), options.regime)
  const correlation = createCorrelationStreams(pricePointsFromFeed(cleanFeed, underlyings, { source: 'mid' }), clock, {
    instrumentIds: underlyings,
    ...options.correlation,
  })
  const quality$ = new BehaviorSubject({ tradable: tradableValidator.report(), indices: indexValidator.report() })

  const chainSnapshots = new Map<string, ChainSnapshot>()
  const prices = new Map<string, number>()
  let latestRegime: VolatilityRegime | undefined
  let latestCorrelation: CorrelationSnapshot | undefined
  const snapshotState = (): MarketState => ({
    chains: new Map(
      [...chains]
        .map(([u, chain]) => [u, chain.snapshot() ?? chainSnapshots.get(u)] as const)
        .filter((entry): entry is readonly [string, ChainSnapshot] => entry[1] !== undefined),
    ),
    regime: latestRegime,
    correlation: latestCorrelation,
    underlyingPrices: new Map(prices),
  })
  const state$ = new BehaviorSubject<MarketState>(snapshotState())
  const publish = () => state$.next(snapshotState())
  let running: Subscription[] = []

  return {
    quotes$,
    analyticQuotes$,
    chains,
    regime$: regime.regime$,
    regimeChanges$: regime.regimeChanges$,
    correlation$: correlation.correlation$,
    correlationEvents$: correlation.correlationEvents$,
    quality$,
    state$,
    subscriptions: pool,
    state: snapshotState,
    quality: () => ({ tradable: tradableValidator.report(), indices: indexValidator.report() }),
    start() {
      if (running.length > 0) return
      pool
        .lease('pipeline')
        .subscribe([...underlyings.map((s) => equity(s)), ...VIX_FAMILY_IDS.map((id) => index(id.slice(1)))])
      running = [
        tradableValidator.quality$.subscribe((tradable) =>
          quality$.next({ tradable, indices: quality$.value.indices }),
        ),
        indexValidator.quality$.subscribe((indices) => quality$.next({ tradable: quality$.value.tradable, indices })),
        quotes$.subscribe((quote) => {
          if (underlyings.includes(quote.instrumentId) && quote.bid > 0 && quote.ask > 0) {
            prices.set(quote.instrumentId, (quote.bid + quote.ask) / 2)
          }
        }),
        ...[...chains].map(([underlying, chain]) =>
          chain.snapshots$.subscribe((snapshot) => {
            chainSnapshots.set(underlying, snapshot)
            publish()
          }),
        ),
        ...[...chains.values()].map((chain) => chain.updates$.subscribe()),
        regime.regime$.subscribe((value) => {
          latestRegime = value
          publish()
        }),
        correlation.correlation$.subscribe((value) => {
          latestCorrelation = value
          publish()
        }),
      ]
    },
    stop() {
      for (const subscription of running) subscription.unsubscribe()
      running = []
    },
  }
}
