import { createWriteStream } from 'node:fs'
import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Decimal } from 'decimal.js'
import { describe, expect, test } from 'vitest'
import { encodeTickArchive } from '../archive/tickArchiveEncoder.js'
import { NonTradingDayError } from '../calendar/nonTradingDayError.js'
import { ConfigError } from '../errors/configError.js'
import type { MarketEvent } from '../feeds/marketEvent.js'
import { parseBacktestReport } from '../reports/html/backtestReport.js'
import { BacktestError } from './backtestError.js'
import type { BacktestResult } from './backtestResult.js'
import { runBacktest } from './runBacktest.js'

const DATE = '2025-11-21'
const sim = { kind: 'sim', seed: 42 } as const

/** Everything trading-related in a result (not the run id, title or data label). */
function tradingRecord(result: BacktestResult): string {
  const { fills, orders, decisions, exits, equityCurve, trades, strategies } = result
  return JSON.stringify({ fills, orders, decisions, exits, equityCurve, trades, strategies, m: result.report.metrics })
}

describe('runBacktest on the simulator', () => {
  test('a simulated day trades, samples equity every minute and reports finite metrics', async () => {
    const result = await runBacktest({ data: sim, date: DATE })

    expect(result.simulated).toBe(true)
    expect(result.report.run.simulated).toBe(true)
    expect(result.report.run.notes[0]).toMatch(/^SIMULATED/)
    expect(result.trades.length).toBeGreaterThan(0)
    expect(result.fills.length).toBeGreaterThan(0)
    // 09:30 → 16:20 sampled every minute, both ends included.
    expect(result.equityCurve).toHaveLength(411)
    expect(result.equityCurve[0]?.equity.toNumber()).toBe(100_000)
    for (const [name, value] of Object.entries(result.report.metrics)) {
      expect(value === null || Number.isFinite(value), name).toBe(true)
    }
    for (const summary of result.strategies) {
      for (const value of Object.values(summary.metrics)) expect(value === null || Number.isFinite(value)).toBe(true)
    }
    // Time exits flatten before the close: the account's P&L is exactly the sum of the closed trades'.
    const tradesNet = result.trades.reduce((sum, trade) => sum.plus(trade.netPnl), new Decimal(0))
    expect(result.endingEquity.minus(result.startingCash).toFixed(6)).toBe(tradesNet.toFixed(6))
    const byStrategy = result.strategies.reduce((sum, s) => sum.plus(s.netPnl), new Decimal(0))
    expect(byStrategy.toFixed(6)).toBe(tradesNet.toFixed(6))
    // The report survives a round trip through its own schema.
    expect(parseBacktestReport(JSON.parse(JSON.stringify(result.report)))).toEqual(result.report)
  }, 300_000)

  test('the same options give byte-identical JSON', async () => {
    const options = { data: sim, date: DATE, sessionEnd: '10:30' }
    const first = JSON.stringify(await runBacktest(options))
    const second = JSON.stringify(await runBacktest(options))
    expect(first.length).toBeGreaterThan(1000)
    expect(second).toBe(first)
  }, 120_000)

  test('a replay of the recorded session gives the same trades as the simulated run', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'backtest-'))
    const path = join(dir, 'session.ndjson')
    const events: MarketEvent[] = []
    const options = { date: DATE, sessionEnd: '10:45' }
    const original = await runBacktest({
      ...options,
      data: sim,
      record: createWriteStream(path),
      onEvent: (event) => events.push(event),
    })
    expect(original.fills.length).toBeGreaterThan(0)
    expect(original.eventCount).toBe(events.length)

    const fromMemory = await runBacktest({ ...options, data: { kind: 'events', events } })
    const fromFile = await runBacktest({ ...options, data: { kind: 'ndjson', path } })
    for (const replay of [fromMemory, fromFile]) {
      expect(replay.eventCount).toBe(original.eventCount)
      expect(tradingRecord(replay)).toBe(tradingRecord(original))
      // Replayed simulator output is still simulated data.
      expect(replay.report.run.dataSource).toBe('simulated')
    }
  }, 300_000)

  test('replays a tick archive', async () => {
    const events: MarketEvent[] = []
    const options = { date: DATE, sessionEnd: '09:45' }
    const original = await runBacktest({ ...options, data: sim, onEvent: (event) => events.push(event) })
    const bytes = encodeTickArchive(events.map((event) => event.data))
    const replay = await runBacktest({ ...options, data: { kind: 'tick_archive', bytes } })
    expect(replay.eventCount).toBe(original.eventCount)
    expect(replay.decisions.length).toBe(original.decisions.length)
    expect(replay.equityCurve.map((p) => p.equity.toString())).toEqual(
      original.equityCurve.map((p) => p.equity.toString()),
    )
  }, 120_000)

  test('the paper account carries over from one trading day to the next', async () => {
    const result = await runBacktest({ data: sim, date: DATE, days: 2, sessionEnd: '10:45' })
    expect(result.days.map((day) => day.date)).toEqual(['2025-11-21', '2025-11-24'])
    const [first, second] = result.days
    expect(first?.endCash.eq(first.startCash)).toBe(false)
    expect(second?.startCash.toString()).toBe(first?.endCash.toString())
    expect(result.endingEquity.toString()).toBe(second?.endEquity.toString())
    // What the first session left open (it ended before expiration) settles at the start of the second, at the
    // underlying's last price of the first session.
    const settled = result.fills.filter((fill) => fill.clientOrderId.startsWith('expiration:'))
    expect(settled.length).toBeGreaterThan(0)
    expect(settled.every((fill) => fill.timestampMs === second?.startMs)).toBe(true)
    expect(result.report.run.parameters.tradingDays).toBe(2)
  }, 120_000)
})

describe('runBacktest input checks', () => {
  test('refuses a day without a session', async () => {
    await expect(runBacktest({ data: sim, date: '2025-11-22' })).rejects.toBeInstanceOf(NonTradingDayError)
  })

  test('names invalid options', async () => {
    const error = await runBacktest({ data: sim, date: DATE, sessionStart: '12:00', sessionEnd: '11:00' }).catch(
      (e: unknown) => e,
    )
    expect(error).toBeInstanceOf(ConfigError)
    expect((error as ConfigError).issues.map((issue) => issue.path)).toEqual(['sessionEnd'])
  })

  test('needs a contract listing for a one-shot event stream', async () => {
    async function* stream(): AsyncGenerator<MarketEvent> {}
    await expect(runBacktest({ data: { kind: 'events', events: stream() }, date: DATE })).rejects.toBeInstanceOf(
      ConfigError,
    )
  })

  test('fails with the day when the recording is malformed', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'backtest-'))
    const path = join(dir, 'bad.ndjson')
    await writeFile(path, '{"type":"quote","data":{}}\n')
    const error = await runBacktest({
      data: { kind: 'ndjson', path, listContracts: () => [] },
      date: DATE,
      sessionEnd: '09:31',
    }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(BacktestError)
    expect((error as BacktestError).date).toBe(DATE)
  })
})
