import type { Decimal } from 'decimal.js'
import { interval, type Observable, Subject, type Subscription } from 'rxjs'
import type { Clock } from '../clock/clock.js'
import { BaseError } from '../errors/baseError.js'
import type { BrokerInterface } from '../execution/brokerInterface.js'
import { createExitManager, type ExitEvent, type ExitManager } from '../exits/exitManager.js'
import type { ExitRulesInput } from '../exits/exitRules.js'
import type { MarketDataFeed } from '../feeds/marketDataFeed.js'
import { createJournal } from '../journal/journal.js'
import type { JournalStore } from '../journal/journalStore.js'
import { createMemoryJournalStore } from '../journal/memoryJournalStore.js'
import { type Logger, silentLogger } from '../logging/logger.js'
import type { OptionQuote, Quote } from '../marketData/types.js'
import { createOrderManager, type OrderManager } from '../oms/orderManager.js'
import type { RecoveryReport } from '../oms/recoveryReport.js'
import type { LimitPricePolicy } from '../orders/limitPricePolicy.js'
import { createPaperBroker } from '../paper/createPaperBroker.js'
import type { PaperBrokerOptions } from '../paper/paperBrokerOptions.js'
import { createMutableMarketView } from '../risk/mutableMarketView.js'
import { createRiskEngine, type RiskEngine } from '../risk/riskEngine.js'
import type { RiskLimitsInput } from '../risk/riskLimits.js'
import type { RiskState } from '../risk/riskState.js'
import { parseSizingConfig, type SizingConfig } from '../sizing/sizingConfig.js'
import type { Strategy } from '../strategies/strategy.js'
import type { Account, Position } from '../trading/types.js'
import type { TradingModeConfigInput } from '../tradingMode/tradingModeConfig.js'
import { createDecisionLoop } from './internal/decisionLoop.js'
import { keepPositionsStreamed } from './internal/keepPositionsStreamed.js'
import {
  createMarketPipeline,
  type MarketPipeline,
  type MarketPipelineOptions,
  type MarketState,
} from './marketPipeline.js'
import type { SignalDecision } from './signalDecision.js'

/** Options of {@link createTradingSystem}. */
export interface TradingSystemOptions {
  /** Clock of everything: the wall clock live, a virtual clock in replay and backtest. */
  readonly clock: Clock
  /** Market data (the simulator, a replay, a vendor feed). */
  readonly feed: MarketDataFeed
  /** Strategies to run. */
  readonly strategies: readonly Strategy[]
  /** The broker. @default a paper broker filling against the pipeline's validated quotes */
  readonly broker?: BrokerInterface
  /** Options of the default paper broker (ignored when `broker` is given). */
  readonly paper?: Omit<PaperBrokerOptions, 'clock' | 'quotes$'>
  /** Durable storage of the write-ahead journal. @default in memory (nothing survives a restart) */
  readonly journalStore?: JournalStore
  /** Market pipeline settings (underlyings, chain selection, regime, correlation). */
  readonly market?: Omit<MarketPipelineOptions, 'feed' | 'clock'>
  /** Risk limits. @default the risk engine's defaults */
  readonly risk?: RiskLimitsInput
  /** Position sizing. @default the sizing defaults */
  readonly sizing?: Parameters<typeof parseSizingConfig>[0]
  /** Exit rules. @default the exit manager's defaults */
  readonly exits?: ExitRulesInput
  /** How often strategies are evaluated, clock milliseconds. @default 30000 */
  readonly decisionIntervalMs?: number
  /** Underlying price samples kept per underlying for strategies (one per decision). @default 240 */
  readonly priceHistoryLength?: number
  /** Limit price policy of entries. @default { kind: 'mid' } */
  readonly entryPricePolicy?: LimitPricePolicy
  /** Paper (default) or live with the account confirmation. @default { mode: 'paper' } */
  readonly tradingMode?: TradingModeConfigInput
  /** Logger. @default a silent logger */
  readonly logger?: Logger
}

/** A read-only picture of the whole system, for dashboards, reports and the assistant. */
export interface SystemSnapshot {
  /** Clock time, epoch ms. */
  readonly nowMs: number
  /** Paper or live. */
  readonly mode: 'paper' | 'live'
  /** Market state: chains, regime, correlation, underlying prices. */
  readonly market: MarketState
  /** Risk state. */
  readonly risk: RiskState
  /** Open positions. */
  readonly positions: readonly Position[]
  /** Latest account figures from the broker. */
  readonly account: Account | undefined
  /** Realised, unrealised and daily P&L, cash and commissions. */
  readonly pnl: {
    readonly realized: Decimal
    readonly unrealized: Decimal
    readonly dailyPnl: Decimal
    readonly cash: Decimal
    readonly commissions: Decimal
  }
  /** Orders not yet final. */
  readonly workingOrders: number
  /** Every order so far. */
  readonly totalOrders: number
  /** The latest signal decisions, newest last. */
  readonly recentDecisions: readonly SignalDecision[]
}

/** The composed system. */
export interface TradingSystem {
  /** Market data half: validated quotes, chains, regime, correlation, quality. */
  readonly pipeline: MarketPipeline
  /** The order manager (risk-checked submit, kill switch, orders, positions, P&L). */
  readonly oms: OrderManager
  /** The risk engine (state, events, limits). */
  readonly risk: RiskEngine
  /** The exit manager. */
  readonly exits: ExitManager
  /** The broker behind the order manager (read its streams; send orders only through `oms`). */
  readonly broker: BrokerInterface
  /** Every signal and what became of it. */
  readonly decisions$: Observable<SignalDecision>
  /** Every exit acted on. */
  readonly exitEvents$: Observable<ExitEvent>
  /**
   * Connects the broker, recovers orders, positions and P&L from the journal and the broker, starts the market
   * pipeline, connects the feed, then starts the decision loop and the exit manager.
   *
   * @returns What recovery found.
   */
  start(): Promise<RecoveryReport>
  /** Stops the loops, waits for sends in flight, closes the broker and the feed. */
  stop(): Promise<void>
  /**
   * Kill switch: halts trading, cancels every working order and flattens every position. Idempotent.
   *
   * @param reason - Why, for the log.
   */
  killSwitch(reason: string): ReturnType<OrderManager['killSwitch']>
  /** The whole system now. */
  snapshot(): SystemSnapshot
}

/** The trading system could not be composed or started. */
export class TradingSystemError extends BaseError {
  override name = 'TradingSystemError'
}

/**
 * Composes the full system on one clock: feed → validation → 0DTE chains, regime, correlation → strategies →
 * sizing → risk engine → write-ahead journal → broker, with the exit manager watching open trades. The same code
 * runs live, on paper, in replay and in backtests; only the clock, the feed and the broker change. Paper trading
 * is the default: without a `broker`, a paper broker fills against the pipeline's own validated quotes.
 *
 * @param options - Clock, feed, strategies and settings.
 * @returns The system; call `start()`.
 * @example
 * ```ts
 * const clock = createVirtualClock(nyTimeToMs('2025-11-21', '09:30'))
 * const system = createTradingSystem({
 *   clock,
 *   feed: createSimFeed({ clock, seed: 42 }),
 *   strategies: [createMomentumBreakoutStrategy()],
 * })
 * await system.start()
 * await driveVirtualClock(clock, { untilMs: nyTimeToMs('2025-11-21', '16:00') })
 * await system.stop()
 * ```
 */
export function createTradingSystem(options: TradingSystemOptions): TradingSystem {
  const { clock, feed } = options
  const mode = options.tradingMode?.mode ?? 'paper'
  const logger = options.logger ?? silentLogger(mode)
  const pipeline = createMarketPipeline({ feed, clock, ...options.market })
  const broker =
    options.broker ?? createPaperBroker({ ...options.paper, clock, quotes$: pipeline.quotes$ as Observable<Quote> })
  if (broker.mode !== mode) {
    throw new TradingSystemError(`Broker mode "${broker.mode}" differs from the trading mode "${mode}"`)
  }
  const marks = createMutableMarketView()
  // Marks without a change stream: P&L is revalued on the order manager's interval, not on every tick.
  const marketView = { mark: marks.mark, greeks: marks.greeks }
  const risk = createRiskEngine({ mode, clock, ...(options.risk ? { limits: options.risk } : {}), logger })
  const journal = createJournal({ store: options.journalStore ?? createMemoryJournalStore(), clock, mode })
  const oms = createOrderManager({
    broker,
    risk,
    journal,
    clock,
    marketView,
    logger,
    ...(options.tradingMode ? { tradingMode: options.tradingMode } : {}),
  })
  const lastQuotes = new Map<string, Quote | OptionQuote>()
  const exits = createExitManager({
    oms,
    marketView,
    clock,
    quoteOf: (id) => lastQuotes.get(id),
    ...(options.exits ? { rules: options.exits } : {}),
    logger,
  })
  const sizing: SizingConfig = parseSizingConfig(options.sizing ?? {})
  const decisions$ = new Subject<SignalDecision>()
  const recentDecisions: SignalDecision[] = []
  let account: Account | undefined
  const subscriptions: Subscription[] = []

  const loop = createDecisionLoop({
    clock,
    pipeline,
    oms,
    risk,
    sizing,
    strategies: options.strategies,
    mode,
    quoteOf: (id) => lastQuotes.get(id),
    equity: () => account?.equity,
    historyLength: options.priceHistoryLength ?? 240,
    entryPricePolicy: options.entryPricePolicy ?? { kind: 'mid' },
    onStrategyError(strategyId, error) {
      logger.error('strategy failed', { strategyId, error: error instanceof Error ? error.message : String(error) })
    },
    onDecision(decision) {
      recentDecisions.push(decision)
      if (recentDecisions.length > 50) recentDecisions.shift()
      decisions$.next(decision)
      logger.info('signal', {
        strategyId: decision.signal.strategyId,
        outcome: decision.outcome,
        reason: decision.reason ?? decision.signal.reason,
        quantity: decision.quantity,
        clientOrderId: decision.clientOrderId,
      })
    },
  })
  let started = false

  return {
    pipeline,
    oms,
    risk,
    exits,
    broker,
    decisions$,
    exitEvents$: exits.events$,
    async start() {
      if (started) throw new TradingSystemError('The trading system is already started')
      started = true
      subscriptions.push(
        pipeline.quotes$.subscribe((quote) => {
          lastQuotes.set(quote.instrumentId, quote)
          if (quote.bid > 0 && quote.ask > 0) marks.setMark(quote.instrumentId, (quote.bid + quote.ask) / 2)
        }),
        broker.account$.subscribe((value) => {
          account = value
        }),
      )
      for (const chain of pipeline.chains.values()) {
        subscriptions.push(
          chain.updates$.subscribe((quote) => {
            if (quote.greeks) marks.setGreeks(quote.instrumentId, quote.greeks)
          }),
        )
      }
      await broker.connect()
      const report = await oms.start()
      subscriptions.push(keepPositionsStreamed(oms, pipeline.subscriptions.lease('positions')))
      pipeline.start()
      await feed.connect()
      subscriptions.push(
        interval(options.decisionIntervalMs ?? 30_000, clock.scheduler).subscribe(() => loop.decide()),
        risk.riskState$.subscribe((state) => logger.info('risk state', { status: state.status, cause: state.cause })),
      )
      exits.start()
      logger.info('trading system started', { strategies: options.strategies.map((s) => s.id) })
      return report
    },
    async stop() {
      exits.stop()
      for (const subscription of subscriptions.splice(0)) subscription.unsubscribe()
      await loop.idle()
      await oms.stop()
      pipeline.stop()
      await broker.close()
      await feed.close()
    },
    killSwitch: (reason) => oms.killSwitch(reason),
    snapshot() {
      const pnl = oms.pnl()
      const orders = oms.orders()
      return {
        nowMs: clock.now(),
        mode,
        market: pipeline.state(),
        risk: risk.state,
        positions: oms.positions(),
        account,
        pnl: {
          realized: pnl.realized,
          unrealized: pnl.unrealized,
          dailyPnl: pnl.dailyPnl,
          cash: pnl.cash,
          commissions: pnl.commissions,
        },
        workingOrders: orders.filter((o) => !['filled', 'cancelled', 'rejected', 'expired'].includes(o.status)).length,
        totalOrders: orders.length,
        recentDecisions: [...recentDecisions],
      }
    },
  }
}
