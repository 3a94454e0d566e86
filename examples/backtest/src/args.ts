import { resolve } from 'node:path'
import { isTradingDay, nyDate, previousTradingDay } from '@smart-0dte/core'

/** Command-line options of the backtest example. */
export interface BacktestArgs {
  /** First trading day `YYYY-MM-DD`. */
  readonly date: string
  /** Trading days to run. */
  readonly days: number
  /** Seed of the simulated market. */
  readonly seed: number
  /** Directory the reports are written to. */
  readonly outDir: string
}

const HELP = 'Usage: npm run backtest -- [--date=YYYY-MM-DD] [--days=N] [--seed=N] [--out=DIR]'

/**
 * The latest trading day on or before a wall-clock instant, in New York.
 *
 * @param wallNowMs - Wall-clock time, epoch ms.
 * @returns The trading day `YYYY-MM-DD`.
 */
export function latestTradingDay(wallNowMs: number): string {
  const today = nyDate(wallNowMs)
  return isTradingDay(today) ? today : previousTradingDay(today)
}

/**
 * Parses `--key=value` options; unknown options are an error so a typo does not pass silently.
 *
 * @param argv - Arguments after the script name.
 * @param defaults - Today's date for `--date` and the directory `--out` defaults to.
 * @returns The options.
 */
export function parseArgs(
  argv: readonly string[],
  defaults: { readonly date: string; readonly outDir: string; readonly cwd: string },
): BacktestArgs {
  const values = new Map<string, string>()
  for (const arg of argv) {
    if (arg === '--help') throw new Error(HELP)
    const match = /^--([a-z-]+)=(.*)$/.exec(arg)
    if (!match?.[1] || match[2] === undefined) throw new Error(`Unknown argument "${arg}"\n${HELP}`)
    values.set(match[1], match[2])
  }
  for (const key of values.keys()) {
    if (!['date', 'days', 'seed', 'out'].includes(key)) throw new Error(`Unknown option --${key}\n${HELP}`)
  }
  const integer = (key: string, fallback: number, min: number) => {
    const raw = values.get(key)
    if (raw === undefined) return fallback
    const value = Number(raw)
    if (!Number.isInteger(value) || value < min) throw new Error(`--${key} must be an integer ≥ ${min}, got "${raw}"`)
    return value
  }
  const date = values.get('date') ?? defaults.date
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new Error(`--date must be YYYY-MM-DD, got "${date}"`)
  const out = values.get('out')
  return {
    date,
    days: integer('days', 1, 1),
    seed: integer('seed', 42, 0),
    // npm runs workspace scripts inside the workspace; a relative --out is meant from where the user typed.
    outDir: out === undefined ? defaults.outDir : resolve(defaults.cwd, out),
  }
}
