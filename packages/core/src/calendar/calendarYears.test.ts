import { describe, expect, test } from 'vitest'
import { CalendarInputError } from './calendarInputError.js'
import { CALENDAR_YEARS, checkCalendarYear } from './calendarYears.js'

describe('checkCalendarYear', () => {
  test('accepts 2000 through 2099', () => {
    expect(checkCalendarYear(CALENDAR_YEARS.first)).toBe(2000)
    expect(checkCalendarYear(CALENDAR_YEARS.last)).toBe(2099)
  })

  test('rejects other years with a typed, permanent error', () => {
    for (const year of [1999, 2100, 2024.5, Number.NaN]) {
      try {
        checkCalendarYear(year)
        expect.unreachable()
      } catch (error) {
        expect(error).toBeInstanceOf(CalendarInputError)
        expect((error as CalendarInputError).kind).toBe('year')
        expect((error as CalendarInputError).input).toBe(String(year))
        expect((error as CalendarInputError).retryable).toBe(false)
      }
    }
  })
})
