import { describe, expect, test } from 'vitest'
import {
  addDays,
  dayOfWeek,
  fromEpochDay,
  isoDate,
  lastWeekdayOfMonth,
  nthWeekdayOfMonth,
  parseIsoDate,
  toEpochDay,
  Weekday,
} from './civilDate.js'

describe('parseIsoDate', () => {
  test('accepts real dates including leap days', () => {
    expect(parseIsoDate('2024-02-29')).toEqual({ year: 2024, month: 2, day: 29 })
  })

  test.each(['2023-02-29', '2024-13-01', '2024-00-10', '2024-04-31', '2024-4-1', '20240401', ' 2024-04-01'])(
    'rejects %j',
    (text) => {
      expect(parseIsoDate(text)).toBeUndefined()
    },
  )
})

describe('day arithmetic', () => {
  test('epoch days round-trip and start at 1970-01-01', () => {
    expect(toEpochDay('1970-01-01')).toBe(0)
    expect(fromEpochDay(toEpochDay('2040-12-31'))).toBe('2040-12-31')
  })

  test('addDays crosses month, year and leap-day boundaries', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29')
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01')
    expect(addDays('2025-03-01', -1)).toBe('2025-02-28')
  })

  test('dayOfWeek knows known weekdays', () => {
    expect(dayOfWeek('2024-03-10')).toBe(Weekday.Sunday)
    expect(dayOfWeek('2025-07-04')).toBe(Weekday.Friday)
    expect(dayOfWeek('2000-01-01')).toBe(Weekday.Saturday)
  })

  test('isoDate pads fields', () => {
    expect(isoDate(2025, 1, 9)).toBe('2025-01-09')
  })
})

describe('weekday rules', () => {
  test('third Monday of January and fourth Thursday of November', () => {
    expect(nthWeekdayOfMonth(2024, 1, Weekday.Monday, 3)).toBe('2024-01-15')
    expect(nthWeekdayOfMonth(2024, 11, Weekday.Thursday, 4)).toBe('2024-11-28')
    expect(nthWeekdayOfMonth(2026, 9, Weekday.Monday, 1)).toBe('2026-09-07')
  })

  test('last Monday of May, also when May 31 is a Monday', () => {
    expect(lastWeekdayOfMonth(2024, 5, Weekday.Monday)).toBe('2024-05-27')
    expect(lastWeekdayOfMonth(2027, 5, Weekday.Monday)).toBe('2027-05-31')
  })
})
