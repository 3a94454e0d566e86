import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { type BacktestResult, builtInStrategies, renderHtmlReport, runBacktest } from '@smart-0dte/core'

/** Options of {@link runExampleBacktest}. */
export interface ExampleBacktestOptions {
  /** First trading day `YYYY-MM-DD`. */
  readonly date: string
  /** Trading days to run. */
  readonly days: number
  /** Seed of the simulated market. */
  readonly seed: number
  /** Directory for the reports (created when missing). */
  readonly outDir: string
  /** New York time each session ends. @default '16:20' (expiration settlement included) */
  readonly sessionEnd?: string
}

/** What the example produced. */
export interface ExampleBacktestOutput {
  readonly result: BacktestResult
  /** Path of the JSON report. */
  readonly jsonPath: string
  /** Path of the self-contained HTML report. */
  readonly htmlPath: string
}

/**
 * Backtests the five built-in strategies on SIMULATED days of SPY, QQQ and IWM with their 0DTE chains (ATM ± 10
 * strikes) and the VIX family, on a $100,000 paper account, then writes the report as JSON and as HTML. The files
 * depend only on the options: the same options write the same bytes.
 *
 * @param options - Dates, seed, output directory.
 * @returns The result and the paths written.
 */
export async function runExampleBacktest(options: ExampleBacktestOptions): Promise<ExampleBacktestOutput> {
  const result = await runBacktest({
    data: { kind: 'sim', seed: options.seed },
    date: options.date,
    days: options.days,
    ...(options.sessionEnd ? { sessionEnd: options.sessionEnd } : {}),
    strategies: builtInStrategies(),
    startingCash: 100_000,
    market: {
      underlyings: ['SPY', 'QQQ', 'IWM'],
      chainSelection: { mode: 'strikes', strikesEachSide: 10 },
    },
  })
  await mkdir(options.outDir, { recursive: true })
  const jsonPath = join(options.outDir, `${result.runId}.json`)
  const htmlPath = join(options.outDir, `${result.runId}.html`)
  await writeFile(jsonPath, `${JSON.stringify(result.report, null, 2)}\n`)
  await writeFile(htmlPath, renderHtmlReport(result.report))
  return { result, jsonPath, htmlPath }
}
