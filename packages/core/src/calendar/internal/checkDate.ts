import { CalendarInputError } from '../calendarInputError.js'
import { checkCalendarYear } from '../calendarYears.js'
import { parseIsoDate } from './civilDate.js'

/** Bound of the memo of valid dates, so a years-long backtest cannot grow it without limit. */
const VALID_DATES_CACHE_SIZE = 4096
// Calendar functions are asked about the same few dates every second (today's expiration, session, 0DTE);
// a date that passed once passes again, so its year is remembered instead of parsed anew.
const validDates = new Map<string, number>()

/** Validates a 'YYYY-MM-DD' date within the supported years and returns its year. */
export function checkDate(date: string): number {
  const known = typeof date === 'string' ? validDates.get(date) : undefined
  if (known !== undefined) return known
  const fields = typeof date === 'string' ? parseIsoDate(date) : undefined
  if (!fields) throw new CalendarInputError('date', String(date), 'expected a real date as YYYY-MM-DD')
  const year = checkCalendarYear(fields.year)
  if (validDates.size >= VALID_DATES_CACHE_SIZE) validDates.clear()
  validDates.set(date, year)
  return year
}
