/**
 * How long a backtest of one simulated trading day takes and how much memory it needs (issue "Strategies,
 * backtesting, recording and reports": a day in at most 5 s on one core).
 *
 * The day: `runBacktest` over the simulator (seed 42, 2025-11-21, 09:30 → 16:20 New York so expiration settlement is
 * included), SPY/QQQ/IWM with their 0DTE chains ATM ± 10 and the VIX family, the five built-in strategies, the
 * full trading system (validation, chains with IV and greeks, regime, correlation, sizing, risk, journal, order
 * manager, exits, paper broker). Each run is a fresh child process running the built package (`dist`, what an
 * installed `@smart-0dte/core` runs), so module loading is excluded from the time and the harness's memory from the
 * peak. Where `taskset` exists (Linux) the child is pinned to one CPU, so the garbage collector's helper threads
 * share that core with JavaScript: wall time is then the cost on one core. One unpinned run is reported beside it.
 *
 * - `backtest.day_s`: wall seconds of `runBacktest` on one core, best of the runs (other processes only slow it).
 * - `backtest.peak_rss_mb`: peak resident memory of the child process, highest of the runs.
 */
import { execFile, execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import type { BacktestDayFigures } from './lib/backtestDay.js'
import type { BenchResult } from './lib/benchResult.js'

const RUNS = Number(process.env.BENCH_BACKTEST_RUNS ?? 2)
const benchDir = dirname(fileURLToPath(import.meta.url))

const coreDist = join(benchDir, '..', 'packages', 'core', 'dist', 'index.js')

/** Whether `taskset` can pin a process to one CPU here. */
function canPin(): boolean {
  try {
    execFileSync('taskset', ['-c', '0', 'true'], { stdio: 'ignore' })
    return true
  } catch {
    return false
  }
}

async function runDay(pinned: boolean): Promise<BacktestDayFigures> {
  const node = [process.execPath, '--import', 'tsx', join(benchDir, 'lib', 'backtestDay.ts')]
  const [command, ...args] = pinned ? ['taskset', '-c', '0', ...node] : node
  const { stdout } = await promisify(execFile)(command as string, args, { cwd: benchDir, maxBuffer: 1 << 20 })
  const line = stdout.trim().split('\n').at(-1) ?? ''
  return JSON.parse(line) as BacktestDayFigures
}

/**
 * Runs the day `RUNS` times (env `BENCH_BACKTEST_RUNS`, default 2), one child process each, in sequence.
 *
 * @returns The two figures.
 */
export async function run(): Promise<BenchResult[]> {
  if (!existsSync(coreDist)) throw new Error(`${coreDist} is missing: build first (npm run build)`)
  const pinned = canPin()
  const runs: BacktestDayFigures[] = []
  for (let i = 0; i < RUNS; i++) runs.push(await runDay(pinned))
  const unpinned = pinned ? await runDay(false) : undefined
  const best = runs.reduce((a, b) => (b.wallSeconds < a.wallSeconds ? b : a))
  const peakMb = Math.max(...[...runs, ...(unpinned ? [unpinned] : [])].map((r) => r.maxRssMb))
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
        `best of ${runs.length} runs, each a fresh process ${pinned ? 'pinned to one CPU (taskset -c 0)' : 'NOT pinned (no taskset here)'}; ` +
          `wall ${runs.map((r) => r.wallSeconds.toFixed(2)).join(' / ')} s, CPU ${runs.map((r) => r.cpuSeconds.toFixed(2)).join(' / ')} s`,
        ...(unpinned
          ? [
              `unpinned (GC threads on the other cores): wall ${unpinned.wallSeconds.toFixed(2)} s, CPU ${unpinned.cpuSeconds.toFixed(2)} s`,
            ]
          : []),
        'built package (dist) as installed; module loading excluded; the full trading system runs, as live (createTradingSystem on a virtual clock)',
      ],
    },
    {
      id: 'backtest.peak_rss_mb',
      value: round(peakMb, 1),
      unit: 'MB',
      higherIsBetter: false,
      peers: {},
      notes: [`process.resourceUsage().maxRSS of the child process at the end of the day (highest of all runs)`],
    },
  ]
}
