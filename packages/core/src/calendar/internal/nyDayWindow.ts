import { formatInTimeZone, fromZonedTime } from 'date-fns-tz'
import { addDays } from './civilDate.js'

/** IANA zone of the US equity and options markets. */
export const NEW_YORK_ZONE = 'America/New_York'

const HOUR_MS = 3_600_000

/**
 * Epoch ms of a New York wall time, `date` 'YYYY-MM-DD' and `hhmm` 'HH:mm', both already validated. Ambiguous
 * times (the repeated hour when DST ends) resolve to the earlier instant; times skipped when DST starts
 * (02:00–02:59 on that Sunday) resolve one hour later on the clock, as Temporal's "compatible" disambiguation does.
 */
export function wallTimeToMs(date: string, hhmm: string): number {
  const key = `${date} ${hhmm}`
  const known = wallTimes.get(key)
  if (known !== undefined) return known
  // Pure, and asked for the same few instants all day (opens, closes, cutoffs, exit times): remember them, in a
  // bounded cache so a years-long backtest cannot grow it without limit.
  if (wallTimes.size >= WALL_TIME_CACHE_SIZE) wallTimes.clear()
  const ms = convertWallTime(date, hhmm)
  wallTimes.set(key, ms)
  return ms
}

const WALL_TIME_CACHE_SIZE = 4096
const wallTimes = new Map<string, number>()

function convertWallTime(date: string, hhmm: string): number {
  const candidate = fromZonedTime(`${date}T${hhmm}:00`, NEW_YORK_ZONE).getTime()
  // In the spring-forward gap date-fns-tz lands one hour early (01:30 EST for 02:30); the round trip exposes it.
  if (formatInTimeZone(candidate, NEW_YORK_ZONE, 'yyyy-MM-dd HH:mm') !== `${date} ${hhmm}`) {
    return candidate + HOUR_MS
  }
  return candidate
}

/** One New York calendar day as the half-open instant range [startMs, endMs). */
export interface NyDayWindow {
  readonly date: string
  readonly startMs: number
  readonly endMs: number
}

// Consecutive look-ups almost always fall on the same New York day (streams, sampling, replay), so one cached
// window turns the time-zone conversion into two comparisons.
let cached: NyDayWindow = { date: '', startMs: 0, endMs: 0 }

/** The New York day containing `ms` (finite, already validated). */
export function nyDayWindow(ms: number): NyDayWindow {
  if (ms >= cached.startMs && ms < cached.endMs) return cached
  const date = formatInTimeZone(ms, NEW_YORK_ZONE, 'yyyy-MM-dd')
  cached = { date, startMs: wallTimeToMs(date, '00:00'), endMs: wallTimeToMs(addDays(date, 1), '00:00') }
  return cached
}
