import { resolve } from 'node:path'

/** Command-line options of the reference app. */
export interface AppArgs {
  /** Simulated seconds per wall second; `max` runs as fast as possible. */
  readonly speed: number | 'max'
  /** Stop after this many wall-clock milliseconds (unset: run to the close). */
  readonly durationMs: number | undefined
  /** Seed of the simulated market. */
  readonly seed: number
  /** Directory for the journal and the paper account. */
  readonly dataDir: string
  /** Wall-clock milliseconds between dashboard prints. */
  readonly printEveryMs: number
  /** Start from an empty account and journal. */
  readonly fresh: boolean
}

const HELP = `Usage: npm start -- [--speed=N|max] [--duration-ms=N] [--seed=N] [--data-dir=DIR] [--print-every-ms=N] [--fresh]`

/**
 * Parses `--key=value` options; unknown options are an error so typos do not pass silently.
 *
 * @param argv - Arguments after the script name.
 * @returns The options.
 */
export function parseArgs(argv: readonly string[]): AppArgs {
  const values = new Map<string, string>()
  for (const arg of argv) {
    if (arg === '--help') throw new Error(HELP)
    const match = /^--([a-z-]+)(?:=(.*))?$/.exec(arg)
    if (!match?.[1]) throw new Error(`Unknown argument "${arg}"\n${HELP}`)
    values.set(match[1], match[2] ?? 'true')
  }
  const known = new Set(['speed', 'duration-ms', 'seed', 'data-dir', 'print-every-ms', 'fresh'])
  for (const key of values.keys()) if (!known.has(key)) throw new Error(`Unknown option --${key}\n${HELP}`)
  const number = (key: string, fallback: number) => {
    const raw = values.get(key)
    if (raw === undefined) return fallback
    const value = Number(raw)
    if (!Number.isFinite(value) || value <= 0) throw new Error(`--${key} must be a positive number, got "${raw}"`)
    return value
  }
  const speedRaw = values.get('speed')
  return {
    speed: speedRaw === 'max' ? 'max' : number('speed', 1),
    durationMs: values.has('duration-ms') ? number('duration-ms', 1) : undefined,
    seed: number('seed', 42),
    // npm runs workspace scripts inside the workspace; relative paths are meant from where the user typed.
    dataDir: resolve(process.env.INIT_CWD ?? process.cwd(), values.get('data-dir') ?? '.data/reference-app'),
    printEveryMs: number('print-every-ms', 2000),
    fresh: values.get('fresh') === 'true',
  }
}
