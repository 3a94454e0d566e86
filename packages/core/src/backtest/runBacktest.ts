import { Subject } from 'rxjs'
import { nyTimeToMs } from '../calendar/newYorkTime.js'
import { NonTradingDayError } from '../calendar/nonTradingDayError.js'
import { isTradingDay, nextTradingDay } from '../calendar/tradingDays.js'
import { parseConfig } from '../config/parseConfig.js'
import { parseExitRules } from '../exits/exitRules.js'
import type { MarketEvent } from '../feeds/marketEvent.js'
import type { Bar, OptionQuote, Quote, Trade } from '../marketData/types.js'
import { memoryPaperBrokerStore } from '../paper/memoryPaperBrokerStore.js'
import { createNdjsonRecorder, type NdjsonRecorder } from '../replay/createNdjsonRecorder.js'
import { parseRiskLimits } from '../risk/riskLimits.js'
import { parseSizingConfig } from '../sizing/sizingConfig.js'
import type { BacktestOptions } from './backtestOptions.js'
import { backtestOptionsSchema } from './backtestOptions.js'
import type { BacktestDay, BacktestResult } from './backtestResult.js'
import { builtInStrategies } from './builtInStrategies.js'
import { buildResult } from './internal/buildResult.js'
import type { DaySource } from './internal/daySource.js'
import { describeRun } from './internal/describeRun.js'
import { openRecordedSource, type RecordedSource } from './internal/recordedSource.js'
import { runSession, type SessionOutput } from './internal/runSession.js'
import { simDaySource } from './internal/simDaySource.js'

/** Consecutive trading days from `date`. */
function tradingDates(date: string, days: number): string[] {
  if (!isTradingDay(date)) throw new NonTradingDayError(date, 'runBacktest')
  const dates = [date]
  while (dates.length < days) dates.push(nextTradingDay(dates[dates.length - 1] as string))
  return dates
}

/**
 * Settlement prices for a session: the caller's when given; otherwise, for series that expired on an earlier
 * session's date (left open because that session ended before expiration), the underlying's last mid in that
 * session, instead of the next session's first quote. The current day's series settle on the paper broker's own
 * last quote at their expiration instant.
 */
function settlementPrices(
  date: string,
  closingMids: ReadonlyMap<string, number>,
  paper: BacktestOptions['paper'],
): (underlying: string, expiry: string) => number | undefined {
  return (underlying, expiry) =>
    paper?.settlementPrice?.(underlying, expiry) ??
    (expiry < date
      ? (closingMids.get(`${expiry}|${underlying}`) ?? closingMids.get(`${expiry}|^${underlying}`))
      : undefined)
}

/** Records delivered events as NDJSON through `createNdjsonRecorder`. */
function eventRecorder(output: NonNullable<BacktestOptions['record']>) {
  const quotes$ = new Subject<Quote | OptionQuote>()
  const trades$ = new Subject<Trade>()
  const bars$ = new Subject<Bar>()
  const recorder: NdjsonRecorder = createNdjsonRecorder({ quotes$, trades$, bars$ }, output)
  return {
    write(event: MarketEvent) {
      if (event.type === 'trade') trades$.next(event.data)
      else if (event.type === 'bar') bars$.next(event.data)
      else quotes$.next(event.data)
    },
    async end() {
      for (const subject of [quotes$, trades$, bars$]) subject.complete()
      await recorder.done
    },
  }
}

/**
 * Runs a backtest: the exact live composition (`createTradingSystem`: validation, 0DTE chains, regime,
 * correlation, strategies, sizing, risk engine, journal, order manager, exit manager, paper broker) on a virtual
 * clock, over the market simulator or a recording, for one trading day or a range of them.
 *
 * Each trading day is one session from `sessionStart` to `sessionEnd` New York time (by default 09:30 → 16:20, so
 * the 16:15 expiration settlement of SPY/QQQ/IWM options is included) on a fresh clock, feed, journal and trading
 * system, while the paper account lives in one store across days: cash, positions (say, shares from an
 * assignment) and the commission history carry over, as they would for a bot restarted every morning against the
 * same account. Each simulated day's seed is derived from the run seed and the date. The events of a session
 * reach the system through `createReplayFeed`, paced so that every clock timer runs at its own instant and the
 * work it starts completes there; a recording of a run (`record`) therefore replays to the same trades.
 *
 * The result holds no wall-clock reading: the same options and data give byte-identical `JSON.stringify` output.
 *
 * @param options - Data, dates, strategies, limits and presentation; see {@link BacktestOptions}.
 * @returns Fills, orders, decisions, exits, the equity curve, trades, per-strategy figures and the report.
 * @throws {ConfigError} When an option is invalid.
 * @throws {NonTradingDayError} When `date` is not a trading day.
 * @throws {BacktestError} When a session fails (a malformed recording, a component that threw).
 * @example
 * ```ts
 * const result = await runBacktest({ data: { kind: 'sim', seed: 42 }, date: '2025-11-21' })
 * console.log(result.report.metrics.totalReturn, result.trades.length)
 * writeFileSync('report.html', renderHtmlReport(result.report))
 * ```
 */
export async function runBacktest(options: BacktestOptions): Promise<BacktestResult> {
  const config = parseConfig(backtestOptionsSchema, options, 'backtest options')
  if (options.risk) parseRiskLimits(options.risk)
  if (options.sizing) parseSizingConfig(options.sizing)
  if (options.exits) parseExitRules(options.exits)
  const dates = tradingDates(config.date, config.days)
  const strategies = options.strategies ?? builtInStrategies()
  const data = options.data
  const recorded: RecordedSource | undefined = data.kind === 'sim' ? undefined : await openRecordedSource(data)
  const recorder = options.record ? eventRecorder(options.record) : undefined
  const store = memoryPaperBrokerStore()
  let eventCount = 0
  let simulated = data.kind === 'sim'
  const onEvent = (event: MarketEvent) => {
    eventCount++
    if (!simulated && event.data.source === 'sim') simulated = true
    recorder?.write(event)
    options.onEvent?.(event)
  }
  const closingMids = new Map<string, number>()
  const sessions: SessionOutput[] = []
  const days: BacktestDay[] = []
  try {
    for (const date of dates) {
      const startMs = nyTimeToMs(date, config.sessionStart)
      const endMs = nyTimeToMs(date, config.sessionEnd)
      const source: DaySource =
        data.kind === 'sim'
          ? simDaySource({ date, seed: data.seed ?? 1, sim: data.sim ?? {}, startMs, endMs })
          : (recorded as RecordedSource).day(startMs, endMs)
      const before = eventCount
      const session = await runSession({
        date,
        startMs,
        endMs,
        source,
        system: {
          strategies,
          ...(options.risk ? { risk: options.risk } : {}),
          ...(options.sizing ? { sizing: options.sizing } : {}),
          ...(options.exits ? { exits: options.exits } : {}),
          ...(options.market ? { market: options.market } : {}),
          paper: { ...options.paper, settlementPrice: settlementPrices(date, closingMids, options.paper) },
          ...(options.entryPricePolicy ? { entryPricePolicy: options.entryPricePolicy } : {}),
          ...(options.logger ? { logger: options.logger } : {}),
        },
        decisionIntervalMs: config.decisionIntervalMs,
        store,
        startingCash: config.startingCash,
        equityIntervalMs: config.equityIntervalMs,
        settleIntervalMs: config.settleIntervalMs,
        onEvent,
      })
      sessions.push(session)
      for (const [id, mid] of session.lastMids) closingMids.set(`${date}|${id}`, mid)
      days.push({
        date,
        startMs,
        endMs,
        eventCount: eventCount - before,
        startEquity: session.samples[0]?.equity ?? config.startingCash,
        endEquity: session.samples.at(-1)?.equity ?? config.startingCash,
        startCash: session.samples[0]?.cash ?? config.startingCash,
        endCash: session.samples.at(-1)?.cash ?? config.startingCash,
        orderCount: session.orders.length,
        fillCount: session.fills.length,
      })
    }
  } finally {
    await recorder?.end()
  }
  const sampling =
    config.returnSampling === 'auto' ? (dates.length >= 20 ? 'daily' : 'intraday') : config.returnSampling
  const run = describeRun({ config, data, dates, strategies, simulated, sampling, eventCount })
  return buildResult({
    runId: config.runId ?? run.runId,
    title: config.title ?? run.title,
    simulated,
    startingCash: config.startingCash,
    days,
    eventCount,
    skippedEventCount: recorded?.skippedEvents() ?? 0,
    fills: sessions.flatMap((s) => s.fills),
    orders: sessions.flatMap((s) => s.orders),
    decisions: sessions.flatMap((s) => s.decisions),
    exits: sessions.flatMap((s) => s.exits),
    samples: sessions.flatMap((s) => s.samples),
    marks: sessions.flatMap((s) => s.marks),
    midsAtOrder: new Map(sessions.flatMap((s) => [...s.midsAtOrder])),
    strategyIds: strategies.map((strategy) => strategy.id),
    sampling,
    riskFreeRateAnnual: config.riskFreeRateAnnual,
    notes: [...run.notes, ...config.notes],
    parameters: run.parameters,
  })
}
