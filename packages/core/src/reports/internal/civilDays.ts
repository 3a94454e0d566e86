// Civil dates ('YYYY-MM-DD', the New York trade date) and whole-day arithmetic on them. Tax rules count calendar
// days between trade dates, never hours, so no time zone is involved once the trade date is known.

const DAY_MS = 86_400_000

/** Whole days since 1970-01-01 of a valid `YYYY-MM-DD` date. */
export function epochDay(date: string): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / DAY_MS
}

/** The `YYYY-MM-DD` date of a day count since 1970-01-01. */
export function dateOfEpochDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10)
}

/** `date` shifted by `days` calendar days. */
export function shiftDays(date: string, days: number): string {
  return dateOfEpochDay(epochDay(date) + days)
}

/** Calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return epochDay(to) - epochDay(from)
}

/**
 * The same calendar day one year later; 29 February maps to 28 February, the anniversary the IRS uses for a
 * leap-day acquisition.
 */
export function oneYearLater(date: string): string {
  const year = Number(date.slice(0, 4)) + 1
  const monthDay = date.slice(5) === '02-29' ? '02-28' : date.slice(5)
  return `${year}-${monthDay}`
}
