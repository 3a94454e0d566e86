import { describe, expect, test } from 'vitest'
import { CalendarInputError } from './calendarInputError.js'
import { easterSunday } from './easter.js'

describe('easterSunday', () => {
  // Western Easter dates as published in ecclesiastical tables.
  test.each([
    [2000, '2000-04-23'],
    [2008, '2008-03-23'],
    [2011, '2011-04-24'],
    [2016, '2016-03-27'],
    [2019, '2019-04-21'],
    [2024, '2024-03-31'],
    [2025, '2025-04-20'],
    [2026, '2026-04-05'],
    [2027, '2027-03-28'],
    [2038, '2038-04-25'],
    [2040, '2040-04-01'],
  ])('%i → %s', (year, date) => {
    expect(easterSunday(year)).toBe(date)
  })

  test('is always a Sunday between March 22 and April 25', () => {
    for (let year = 2000; year <= 2099; year++) {
      const date = easterSunday(year)
      expect(new Date(`${date}T00:00:00Z`).getUTCDay()).toBe(0)
      expect(date.slice(5) >= '03-22' && date.slice(5) <= '04-25').toBe(true)
    }
  })

  test('rejects years outside the calendar range', () => {
    expect(() => easterSunday(1999)).toThrow(CalendarInputError)
    expect(() => easterSunday(2024.5)).toThrow(CalendarInputError)
  })
})
