/**
 * Backtests the five built-in strategies on a SIMULATED trading day (or several) of SPY, QQQ and IWM 0DTE chains
 * with the VIX family, prints a summary per strategy and writes the JSON and HTML reports.
 * `npm run backtest -- --help` lists the options.
 */
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { wallClock } from '@smart-0dte/core'
import { latestTradingDay, parseArgs } from './args.js'
import { runExampleBacktest } from './runExampleBacktest.js'
import { summaryTable } from './summaryTable.js'

async function main(): Promise<void> {
  const exampleDir = resolve(dirname(fileURLToPath(import.meta.url)), '..')
  const clock = wallClock()
  const args = parseArgs(process.argv.slice(2), {
    date: latestTradingDay(clock.now()),
    outDir: resolve(exampleDir, 'out'),
    cwd: process.env.INIT_CWD ?? process.cwd(),
  })
  console.log(
    `Backtest of ${args.days} trading day(s) from ${args.date} — SIMULATED market (seed ${args.seed}), paper fills, ` +
      'five built-in strategies on SPY/QQQ/IWM 0DTE (ATM ± 10) and the VIX family',
  )
  const startedMs = clock.now()
  const { result, jsonPath, htmlPath } = await runExampleBacktest(args)
  const elapsedS = (clock.now() - startedMs) / 1000
  console.log(
    `${result.days.map((day) => day.date).join(', ')}: ${result.eventCount.toLocaleString('en-US')} market events, ` +
      `${result.orders.length} orders, ${result.fills.length} fills, ${result.trades.length} closed trades ` +
      `(${elapsedS.toFixed(1)} s)\n`,
  )
  console.log(summaryTable(result))
  console.log(`\nSIMULATED data: not market prices. Results are not evidence of future returns.`)
  console.log(`JSON report: ${jsonPath}`)
  console.log(`HTML report: ${htmlPath}`)
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error)
  process.exitCode = 1
})
