import { describe, expect, test } from 'vitest'
import { CalendarInputError } from '../calendarInputError.js'
import { checkDate } from './checkDate.js'

describe('checkDate', () => {
  test('returns the year of a valid date, the same when asked again', () => {
    expect(checkDate('2025-11-21')).toBe(2025)
    expect(checkDate('2025-11-21')).toBe(2025)
  })

  test('rejects malformed dates and years outside the calendar, even after valid dates were remembered', () => {
    checkDate('2024-02-29')
    expect(() => checkDate('2025-02-29')).toThrow(CalendarInputError)
    expect(() => checkDate('2024-02-29 ')).toThrow(CalendarInputError)
    expect(() => checkDate('1999-12-31')).toThrow(CalendarInputError)
    expect(() => checkDate('1999-12-31')).toThrow(CalendarInputError)
    expect(() => checkDate(undefined as unknown as string)).toThrow(CalendarInputError)
  })

  test('stays correct past the bound of its memo', () => {
    for (let day = 0; day < 5000; day++) {
      const date = new Date(Date.UTC(2001, 0, 1 + day)).toISOString().slice(0, 10)
      expect(checkDate(date)).toBe(Number(date.slice(0, 4)))
    }
    expect(() => checkDate('2025-13-01')).toThrow(CalendarInputError)
  })
})
