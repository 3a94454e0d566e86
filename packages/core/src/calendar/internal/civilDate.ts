// Civil (calendar) dates as 'YYYY-MM-DD' strings and whole days since 1970-01-01. No time zone is involved:
// a civil date names a day on the New York wall calendar, and arithmetic on it is exact.

const DAY_MS = 86_400_000
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/

/** Day of week numbering used throughout the calendar: 0 = Sunday … 6 = Saturday (as `Date#getUTCDay`). */
export const Weekday = { Sunday: 0, Monday: 1, Tuesday: 2, Wednesday: 3, Thursday: 4, Friday: 5, Saturday: 6 } as const
export type Weekday = (typeof Weekday)[keyof typeof Weekday]

/** Parsed fields of a valid ISO date, or `undefined` when `text` is not a real `YYYY-MM-DD` date. */
export function parseIsoDate(text: string): { year: number; month: number; day: number } | undefined {
  const match = ISO_DATE.exec(text)
  if (!match) return undefined
  const year = Number(match[1])
  const month = Number(match[2])
  const day = Number(match[3])
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined
  return { year, month, day }
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate()
}

/** 'YYYY-MM-DD' of the given fields (month 1–12). */
export function isoDate(year: number, month: number, day: number): string {
  return fromEpochDay(Date.UTC(year, month - 1, day) / DAY_MS)
}

/** Whole days since 1970-01-01 of a date already known to be valid. */
export function toEpochDay(date: string): number {
  const year = Number(date.slice(0, 4))
  const month = Number(date.slice(5, 7))
  const day = Number(date.slice(8, 10))
  return Date.UTC(year, month - 1, day) / DAY_MS
}

/** 'YYYY-MM-DD' of a day count since 1970-01-01. */
export function fromEpochDay(epochDay: number): string {
  return new Date(epochDay * DAY_MS).toISOString().slice(0, 10)
}

/** The date `days` days after (negative: before) `date`. */
export function addDays(date: string, days: number): string {
  return fromEpochDay(toEpochDay(date) + days)
}

/** Day of week of a valid date, 0 = Sunday. */
export function dayOfWeek(date: string): Weekday {
  // 1970-01-01 was a Thursday (4).
  return ((((toEpochDay(date) + 4) % 7) + 7) % 7) as Weekday
}

/** The `n`-th (1-based) given weekday of a month, for rules such as "third Monday of January". */
export function nthWeekdayOfMonth(year: number, month: number, weekday: Weekday, n: number): string {
  const first = isoDate(year, month, 1)
  const offset = (weekday - dayOfWeek(first) + 7) % 7
  return addDays(first, offset + 7 * (n - 1))
}

/** The last given weekday of a month, for rules such as "last Monday of May". */
export function lastWeekdayOfMonth(year: number, month: number, weekday: Weekday): string {
  const last = isoDate(year, month, daysInMonth(year, month))
  const offset = (dayOfWeek(last) - weekday + 7) % 7
  return addDays(last, -offset)
}
