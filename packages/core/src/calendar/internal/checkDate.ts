import { CalendarInputError } from '../calendarInputError.js'
import { checkCalendarYear } from '../calendarYears.js'
import { parseIsoDate } from './civilDate.js'

/** Validates a 'YYYY-MM-DD' date within the supported years and returns its year. */
export function checkDate(date: string): number {
  const fields = typeof date === 'string' ? parseIsoDate(date) : undefined
  if (!fields) throw new CalendarInputError('date', String(date), 'expected a real date as YYYY-MM-DD')
  return checkCalendarYear(fields.year)
}
