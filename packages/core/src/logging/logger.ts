import type { Clock } from '../clock/clock.js'
import { redactSecrets } from '../errors/secretRegistry.js'
import type { TradingMode } from '../trading/types.js'

/** Severity of a log line, lowest first. */
export const LogLevel = { Debug: 'debug', Info: 'info', Warn: 'warn', Error: 'error' } as const
/** One of {@link LogLevel}. */
export type LogLevel = (typeof LogLevel)[keyof typeof LogLevel]

const RANK: Readonly<Record<LogLevel, number>> = { debug: 10, info: 20, warn: 30, error: 40 }

/** Structured fields attached to a log line. Values are serialised with `JSON.stringify`. */
export type LogFields = Readonly<Record<string, unknown>>

/**
 * A structured logger that writes one JSON object per line. Every line carries `ts`, `level`, `mode` (paper or
 * live), `msg` and the bound and per-call fields; registered secrets are redacted from the whole line.
 */
export interface Logger {
  /** Paper or live; stamped on every line. */
  readonly mode: TradingMode
  /** Logs at `debug`. */
  debug(msg: string, fields?: LogFields): void
  /** Logs at `info`. */
  info(msg: string, fields?: LogFields): void
  /** Logs at `warn`. */
  warn(msg: string, fields?: LogFields): void
  /** Logs at `error`. */
  error(msg: string, fields?: LogFields): void
  /** A logger that adds `fields` to every line (for example `{ component: 'oms' }`). */
  child(fields: LogFields): Logger
}

/** Options of {@link createLogger}. */
export interface LoggerOptions {
  /** Paper or live, stamped on every line. */
  readonly mode: TradingMode
  /** Lines below this level are dropped. @default 'info' */
  readonly level?: LogLevel
  /** Receives each finished line (without newline). @default writes the line and `\n` to `process.stderr` */
  readonly sink?: (line: string) => void
  /** Source of the `ts` field (ISO 8601). @default none: lines carry no `ts` */
  readonly clock?: Pick<Clock, 'now'>
  /** Fields added to every line. @default {} */
  readonly fields?: LogFields
}

function jsonReplacer(_key: string, value: unknown): unknown {
  if (value instanceof Error) {
    return { name: value.name, message: value.message }
  }
  if (typeof value === 'bigint') return value.toString()
  return value
}

function defaultSink(line: string): void {
  process.stderr.write(`${line}\n`)
}

/**
 * Creates a JSON-lines logger. Library code logs through it, never `console.log`, so every line is machine
 * readable, carries the trading mode and never contains a registered secret.
 *
 * @param options - Mode, minimum level, sink, clock and bound fields.
 * @returns The logger.
 * @example
 * ```ts
 * const log = createLogger({ mode: 'paper', clock: wallClock(), fields: { component: 'oms' } })
 * log.info('order sent', { clientOrderId: 'abc-1' })
 * // {"ts":"2025-01-02T15:00:00.000Z","level":"info","mode":"paper","msg":"order sent","component":"oms","clientOrderId":"abc-1"}
 * ```
 */
export function createLogger(options: LoggerOptions): Logger {
  const minimum = RANK[options.level ?? 'info']
  const sink = options.sink ?? defaultSink
  const bound = options.fields ?? {}
  const write = (level: LogLevel, msg: string, fields: LogFields | undefined): void => {
    if (RANK[level] < minimum) return
    const ts = options.clock ? new Date(options.clock.now()).toISOString() : undefined
    const line = {
      ...(ts === undefined ? {} : { ts }),
      level,
      mode: options.mode,
      msg,
      ...bound,
      ...fields,
    }
    // Stamped fields cannot be overridden by callers: the mode on a line must be the logger's mode.
    const stamped = { ...line, level, mode: options.mode }
    sink(redactSecrets(JSON.stringify(stamped, jsonReplacer)))
  }
  return {
    mode: options.mode,
    debug: (msg, fields) => write('debug', msg, fields),
    info: (msg, fields) => write('info', msg, fields),
    warn: (msg, fields) => write('warn', msg, fields),
    error: (msg, fields) => write('error', msg, fields),
    child: (fields) => createLogger({ ...options, fields: { ...bound, ...fields } }),
  }
}

/**
 * A logger that drops every line; the default where a component is given none.
 *
 * @param mode - Mode reported by the logger.
 * @returns A silent logger.
 * @example
 * ```ts
 * const oms = createOrderManager({ broker, risk, journal, clock, marketView, logger: silentLogger('paper') })
 * ```
 */
export function silentLogger(mode: TradingMode): Logger {
  const logger: Logger = {
    mode,
    debug: () => undefined,
    info: () => undefined,
    warn: () => undefined,
    error: () => undefined,
    child: () => logger,
  }
  return logger
}
