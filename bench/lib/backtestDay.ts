/**
 * Child process of `bench/backtest.bench.ts`: runs one full simulated backtest day (SPY, QQQ, IWM 0DTE chains ATM ± 10,
 * the VIX family, the five built-in strategies, 09:30 → 16:20 New York) and prints one JSON line with its wall and
 * CPU seconds (measured after every module is loaded), the events delivered and the process's peak resident memory.
 * Run alone so the harness's own memory does not count: `node --import tsx bench/lib/backtestDay.ts` (the built
 * package: run `npm run build` first; add `--conditions=source` to run the TypeScript sources instead).
 */
import { builtInStrategies, runBacktest } from '@smart-0dte/core'

/** What one backtest day measured. */
export interface BacktestDayFigures {
  readonly wallSeconds: number
  readonly cpuSeconds: number
  readonly events: number
  readonly orders: number
  readonly trades: number
  readonly maxRssMb: number
}

const date = process.argv[2] ?? '2025-11-21'
const seed = Number(process.argv[3] ?? 42)
const cpuStart = process.cpuUsage()
const wallStart = performance.now()
const result = await runBacktest({
  data: { kind: 'sim', seed },
  date,
  strategies: builtInStrategies(),
  market: { underlyings: ['SPY', 'QQQ', 'IWM'], chainSelection: { mode: 'strikes', strikesEachSide: 10 } },
})
const wallSeconds = (performance.now() - wallStart) / 1000
const cpu = process.cpuUsage(cpuStart)
const figures: BacktestDayFigures = {
  wallSeconds,
  cpuSeconds: (cpu.user + cpu.system) / 1e6,
  events: result.eventCount,
  orders: result.orders.length,
  trades: result.trades.length,
  // maxRSS is in kilobytes (KiB).
  maxRssMb: process.resourceUsage().maxRSS / 1024,
}
console.log(JSON.stringify(figures))
