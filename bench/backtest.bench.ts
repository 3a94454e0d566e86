/**
 * How long a backtest of one simulated trading day takes and how much memory it needs (issue "Strategies,
 * backtesting, recording and reports": a day in at most 5 s).
 *
 * The day: `runBacktest` over the simulator (seed 42, 2025-11-21, 09:30 → 16:20 New York so expiration settlement is
 * included), SPY/QQQ/IWM with their 0DTE chains ATM ± 10 and the VIX family, the five built-in strategies, the
 * full trading system (validation, chains with IV and greeks, regime, correlation, sizing, risk, journal, order
 * manager, exits, paper broker). Each run is a fresh child process (JavaScript runs on one core), so module loading
 * is excluded from the time and the harness's memory from the peak.
 *
 * - `backtest.day_s`: wall seconds of `runBacktest`, best of the runs (other processes on the machine only slow it).
 * - `backtest.peak_rss_mb`: peak resident memory of the child process, highest of the runs.
 */
import { execFile } from 'node:child_process'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import type { BacktestDayFigures } from './lib/backtestDay.js'
import type { BenchResult } from './lib/benchResult.js'

const RUNS = Number(process.env.BENCH_BACKTEST_RUNS ?? 2)
const benchDir = dirname(fileURLToPath(import.meta.url))

async function runDay(): Promise<BacktestDayFigures> {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['--conditions=source', '--import', 'tsx', join(benchDir, 'lib', 'backtestDay.ts')],
    { cwd: benchDir, maxBuffer: 1 << 20 },
  )
  const line = stdout.trim().split('\n').at(-1) ?? ''
  return JSON.parse(line) as BacktestDayFigures
}

/**
 * Runs the day `RUNS` times (env `BENCH_BACKTEST_RUNS`, default 2), one child process each, in sequence.
 *
 * @returns The two figures.
 */
export async function run(): Promise<BenchResult[]> {
  const runs: BacktestDayFigures[] = []
  for (let i = 0; i < RUNS; i++) runs.push(await runDay())
  const best = runs.reduce((a, b) => (b.wallSeconds < a.wallSeconds ? b : a))
  const peakMb = Math.max(...runs.map((r) => r.maxRssMb))
  const round = (value: number, digits: number) => Number(value.toFixed(digits))
  const day =
    `one simulated day (2025-11-21, seed 42, 09:30-16:20 New York): ${best.events.toLocaleString('en-US')} market ` +
    `events delivered to the system, ${best.orders} orders, ${best.trades} closed trades`
  return [
    {
      id: 'backtest.day_s',
      value: round(best.wallSeconds, 2),
      unit: 's',
      higherIsBetter: false,
      peers: {},
      target: 5,
      notes: [
        day,
        `best of ${runs.length} runs, each a fresh process; wall ${runs.map((r) => r.wallSeconds.toFixed(2)).join(' / ')} s, ` +
          `CPU ${runs.map((r) => r.cpuSeconds.toFixed(2)).join(' / ')} s (CPU above wall: GC threads; below it: other processes had the core)`,
        'module loading excluded; the full trading system runs, as live (createTradingSystem on a virtual clock)',
      ],
    },
    {
      id: 'backtest.peak_rss_mb',
      value: round(peakMb, 1),
      unit: 'MB',
      higherIsBetter: false,
      peers: {},
      notes: [
        `process.resourceUsage().maxRSS of the child process at the end of the day (${runs.length} runs, highest)`,
      ],
    },
  ]
}
