/**
 * One simulated trading day observed at every stage of data reduction, on one market path: the raw feed (the whole
 * 0DTE listing of each underlying subscribed, plus the underlyings and the VIX family), validation, the chain window,
 * session-aware sampling and the adaptive price-change filter. Three market states (full rate, sampled, sampled and
 * filtered) run side by side on the same clock, and the built-in strategies are asked on each at the same decision
 * instants.
 */
import {
  adaptivePriceChangeFilter,
  createCorrelationBreakdownStrategy,
  createMomentumBreakoutStrategy,
  createPinRiskStrategy,
  createQuoteValidator,
  createSimFeed,
  createVirtualClock,
  createVixSpikeReversionStrategy,
  createVolatilityContractionStrategy,
  driveVirtualClock,
  equity,
  index,
  isOptionInstrumentId,
  nyTimeToMs,
  type OptionQuote,
  type Quote,
  quoteMidAccessors,
  type Strategy,
  sampleBySession,
  VIX_FAMILY_IDS,
} from '@smart-0dte/core'
import { filter, interval, merge, type Observable, share, timer } from 'rxjs'
import { createDecisionRecorder, type DecisionRound } from './dataReductionDecisions.js'
import { createFreshnessTally, type FreshnessSummary } from './dataReductionFreshness.js'
import { createStrategyMarketState, type ReachedCounts } from './dataReductionState.js'

/**
 * Heartbeat of the adaptive price-change filter in stage 4: an unchanged price still passes every 30 s (twice within
 * the strategies' 60 s quote-age gate, once per VIX sampling interval).
 */
export const FILTER_HEARTBEAT_MS = 30_000

/** Messages of a stage by class. */
export type StageCounts = ReachedCounts

/** Options of {@link simulateReductionDay}. */
export interface ReductionDayOptions {
  /** Trading day `YYYY-MM-DD`. */
  readonly date: string
  /** Simulator seed. */
  readonly seed: number
  /** Underlyings with 0DTE chains. */
  readonly underlyings: readonly string[]
  /** Strategy evaluation interval, clock ms (the trading system's default is 30 s). */
  readonly decisionIntervalMs: number
  /** Delay of the control: the full-rate state asked this much after each decision instant. */
  readonly controlDelayMs: number
}

/** What one simulated day measured. */
export interface ReductionDay {
  /** Contracts listed for the day, per underlying (all of them subscribed for the raw count). */
  readonly listed: ReadonlyMap<string, number>
  /** Every quote the feed emitted. */
  readonly raw: StageCounts
  /** Quotes that passed validation (every listed contract still included). */
  readonly validated: StageCounts
  /** What the full-rate state consumed: underlyings, VIX family, option quotes of window contracts. */
  readonly windowOnly: StageCounts
  /** The same after session-aware sampling. */
  readonly sampled: StageCounts
  /** The same after sampling and the adaptive price-change filter. */
  readonly filtered: StageCounts
  /** Trades and bars the feed also emitted (not used by the pipeline's state). */
  readonly trades: number
  readonly bars: number
  /**
   * Decision rounds of each state at the same instants; `control` is the full-rate state asked `controlDelayMs`
   * later, recorded under the instant it follows (how much decisions move when prices are that much newer).
   */
  readonly rounds: {
    readonly full: DecisionRound[]
    readonly sampled: DecisionRound[]
    readonly filtered: DecisionRound[]
    readonly control: DecisionRound[]
  }
  /** Freshness of the reduced states at decisions. */
  readonly freshness: {
    readonly full: FreshnessSummary
    readonly sampled: FreshnessSummary
    readonly filtered: FreshnessSummary
  }
  /** Ids of the strategies evaluated. */
  readonly strategyIds: readonly string[]
}

const isIndexId = (id: string) => id.startsWith('^')

function builtInStrategies(): Strategy[] {
  return [
    createMomentumBreakoutStrategy(),
    createVolatilityContractionStrategy(),
    createCorrelationBreakdownStrategy(),
    createVixSpikeReversionStrategy(),
    createPinRiskStrategy(),
  ]
}

function counter(underlyings: readonly string[]) {
  const underlyingIds = new Set(underlyings)
  const vixIds = new Set<string>(VIX_FAMILY_IDS)
  const counts = { underlying: 0, volatility: 0, option: 0 }
  return {
    counts,
    add(quote: Quote | OptionQuote) {
      if (underlyingIds.has(quote.instrumentId)) counts.underlying++
      else if (vixIds.has(quote.instrumentId)) counts.volatility++
      else if (isOptionInstrumentId(quote.instrumentId)) counts.option++
    },
  }
}

/**
 * Simulates 09:30–16:00 of `date` and measures every stage.
 *
 * @param options - Day, seed, underlyings and decision interval.
 * @returns Counts per stage and the decision rounds of the three states.
 */
export async function simulateReductionDay(options: ReductionDayOptions): Promise<ReductionDay> {
  const { date, underlyings } = options
  const clock = createVirtualClock(nyTimeToMs(date, '09:30'))
  const feed = createSimFeed({ clock, seed: options.seed })
  const listings = new Map(
    await Promise.all(underlyings.map(async (u) => [u, await feed.listOptionChain(u, date)] as const)),
  )
  // What a naive system streams: every listed 0DTE contract, the underlyings and the VIX family.
  feed.subscribe([
    ...underlyings.map((symbol) => equity(symbol)),
    ...VIX_FAMILY_IDS.map((id) => index(id.slice(1))),
    ...[...listings.values()].flat(),
  ])

  // Validation as createMarketPipeline does it: tradable quotes fully, index values without sizes or spike checks.
  const raw$ = feed.quotes$.pipe(share())
  const tradable = createQuoteValidator({ clock, maxAgeMs: 5000 })
  const indices = createQuoteValidator({ clock, maxAgeMs: 5000, requireSizes: false, spike: false })
  const validated$: Observable<Quote | OptionQuote> = merge(
    raw$.pipe(
      filter((q) => !isIndexId(q.instrumentId)),
      tradable.operator,
    ),
    raw$.pipe(
      filter((q) => isIndexId(q.instrumentId)),
      indices.operator,
    ),
  ).pipe(share())
  // The seeds' intervals are the sampler's defaults: regular hours 1 s underlyings, 5 s options, 30 s VIX; the
  // final hour before the 16:15 expiration 500 ms underlyings and 2 s options.
  const sampled$ = validated$.pipe(sampleBySession({ clock }), share())
  const filtered$ = sampled$.pipe(
    adaptivePriceChangeFilter(quoteMidAccessors, { heartbeatMs: FILTER_HEARTBEAT_MS }),
    share(),
  )

  const stateOptions = { clock, listings, underlyings }
  const states = {
    full: createStrategyMarketState({ ...stateOptions, quotes$: validated$ }),
    sampled: createStrategyMarketState({ ...stateOptions, quotes$: sampled$ }),
    filtered: createStrategyMarketState({ ...stateOptions, quotes$: filtered$ }),
  }
  const recorders = {
    full: createDecisionRecorder(builtInStrategies()),
    sampled: createDecisionRecorder(builtInStrategies()),
    filtered: createDecisionRecorder(builtInStrategies()),
    control: createDecisionRecorder(builtInStrategies()),
  }
  const rounds = {
    full: [] as DecisionRound[],
    sampled: [] as DecisionRound[],
    filtered: [] as DecisionRound[],
    control: [] as DecisionRound[],
  }
  const freshness = { full: createFreshnessTally(), sampled: createFreshnessTally(), filtered: createFreshnessTally() }

  const rawCount = counter(underlyings)
  const validatedCount = counter(underlyings)
  let trades = 0
  let bars = 0
  const subscriptions = [
    raw$.subscribe((quote) => rawCount.add(quote)),
    validated$.subscribe((quote) => validatedCount.add(quote)),
    feed.trades$.subscribe(() => trades++),
    feed.bars$.subscribe(() => bars++),
  ]
  for (const state of Object.values(states)) state.start()
  subscriptions.push(
    interval(options.decisionIntervalMs, clock.scheduler).subscribe(() => {
      const nowMs = clock.now()
      const full = states.full.market()
      const sampled = states.sampled.market()
      const filtered = states.filtered.market()
      rounds.full.push(recorders.full.decide(nowMs, full))
      rounds.sampled.push(recorders.sampled.decide(nowMs, sampled))
      rounds.filtered.push(recorders.filtered.decide(nowMs, filtered))
      freshness.full.add(nowMs, full, full)
      freshness.sampled.add(nowMs, sampled, full)
      freshness.filtered.add(nowMs, filtered, full)
    }),
    timer(options.decisionIntervalMs + options.controlDelayMs, options.decisionIntervalMs, clock.scheduler).subscribe(
      () => {
        const round = recorders.control.decide(clock.now(), states.full.market())
        rounds.control.push({ ...round, nowMs: round.nowMs - options.controlDelayMs })
      },
    ),
  )
  await feed.connect()
  await driveVirtualClock(clock, { untilMs: nyTimeToMs(date, '16:00') })
  for (const subscription of subscriptions) subscription.unsubscribe()
  for (const state of Object.values(states)) state.stop()
  await feed.close()

  return {
    listed: new Map([...listings].map(([u, contracts]) => [u, contracts.length])),
    raw: rawCount.counts,
    validated: validatedCount.counts,
    windowOnly: states.full.reached(),
    sampled: states.sampled.reached(),
    filtered: states.filtered.reached(),
    trades,
    bars,
    rounds: { ...rounds, control: rounds.control.slice(0, rounds.full.length) },
    freshness: {
      full: freshness.full.summary(),
      sampled: freshness.sampled.summary(),
      filtered: freshness.filtered.summary(),
    },
    strategyIds: builtInStrategies().map((s) => s.id),
  }
}
