import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import {
  expirationInstantMs,
  isTradingDay,
  nextTradingDay,
  nyDate,
  nyTimeToMs,
  previousTradingDay,
  tradingSession,
} from '@smart-0dte/core'

/** Which simulated session to run and from which instant. */
export interface SessionPlan {
  /** Trading day `YYYY-MM-DD`. */
  readonly date: string
  /** Virtual time to start from, epoch ms. */
  readonly startMs: number
  /** When the session is over: 5 minutes after the last 0DTE expiration, so expiration settlement has run. */
  readonly endMs: number
  /** Whether this resumes a session that was interrupted. */
  readonly resumed: boolean
}

interface SavedSession {
  readonly date: string
  readonly virtualMs: number
}

const FILE = 'session.json'

function latestTradingDay(date: string): string {
  return isTradingDay(date) ? date : previousTradingDay(date)
}

function planFor(date: string, startMs: number | undefined, resumed: boolean): SessionPlan {
  if (!tradingSession(date)) throw new Error(`${date} is not a trading day`)
  return {
    date,
    startMs: startMs ?? nyTimeToMs(date, '09:30'),
    endMs: Math.max(...['SPY', 'QQQ', 'IWM'].map((symbol) => expirationInstantMs(symbol, date))) + 5 * 60_000,
    resumed,
  }
}

/**
 * Picks the simulated session: resumes the saved one where it stopped (so a restart continues the same virtual
 * day with its orders and positions), starts the next trading day after a finished one, and otherwise starts the
 * latest trading day at 09:30.
 *
 * @param dataDir - Directory holding `session.json`.
 * @param wallNowMs - Wall-clock time, to pick today's date.
 * @param fresh - Ignore any saved session.
 * @returns The plan.
 */
export function planSession(dataDir: string, wallNowMs: number, fresh: boolean): SessionPlan {
  const path = join(dataDir, FILE)
  if (!fresh && existsSync(path)) {
    const saved = JSON.parse(readFileSync(path, 'utf8')) as SavedSession
    const plan = planFor(saved.date, saved.virtualMs, true)
    if (saved.virtualMs < plan.endMs) return plan
    return planFor(nextTradingDay(saved.date), undefined, false)
  }
  return planFor(latestTradingDay(nyDate(wallNowMs)), undefined, false)
}

/**
 * Saves where the virtual clock is, so a restart resumes there.
 *
 * @param dataDir - Directory holding `session.json`.
 * @param date - Session date.
 * @param virtualMs - Virtual time reached.
 */
export function saveSession(dataDir: string, date: string, virtualMs: number): void {
  const saved: SavedSession = { date, virtualMs }
  const temporary = join(dataDir, `${FILE}.tmp`)
  writeFileSync(temporary, JSON.stringify(saved))
  renameSync(temporary, join(dataDir, FILE))
}
