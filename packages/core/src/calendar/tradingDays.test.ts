import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { CalendarInputError } from './calendarInputError.js'
import { addDays, dayOfWeek, fromEpochDay, toEpochDay } from './internal/civilDate.js'
import { isTradingDay, nextTradingDay, previousTradingDay } from './tradingDays.js'

/** Any date from 2000-01-04 to 2040-12-28: 2000-01-03 is the first trading day the calendar knows. */
const dateArb = fc.integer({ min: toEpochDay('2000-01-04'), max: toEpochDay('2040-12-28') }).map(fromEpochDay)

function countTradingDays(year: number): number {
  let count = 0
  for (let date = `${year}-01-01`; date.startsWith(String(year)); date = addDays(date, 1)) {
    if (isTradingDay(date)) count++
  }
  return count
}

describe('isTradingDay', () => {
  test.each([
    ['2021-12-31', true], // New Year 2022 falls on Saturday: not observed on Friday
    ['2022-06-20', false], // Juneteenth observed
    ['2021-06-18', true], // Juneteenth not yet an NYSE holiday
    ['2023-01-02', false], // New Year's Day observed
    ['2024-07-03', true], // early close is still a trading day
    ['2025-01-09', false], // National Day of Mourning, President Carter
    ['2012-10-30', false], // Hurricane Sandy
    ['2001-09-17', true], // reopening after 9/11
    ['2027-12-24', false], // Christmas observed
    ['2024-03-09', false], // Saturday
  ])('%s → %s', (date, expected) => {
    expect(isTradingDay(date)).toBe(expected)
  })

  // Totals published or widely reported for these years (2020: 253, 2024: 252, …).
  test.each([
    [2020, 253],
    [2021, 252],
    [2022, 251],
    [2023, 250],
    [2024, 252],
    [2025, 250],
  ])('%i has %i trading days', (year, days) => {
    expect(countTradingDays(year)).toBe(days)
  })

  test('no weekend is a trading day, 2000–2040', () => {
    fc.assert(
      fc.property(dateArb, (date) => {
        const weekday = dayOfWeek(date)
        if (weekday === 0 || weekday === 6) expect(isTradingDay(date)).toBe(false)
      }),
    )
  })

  test('rejects malformed and out-of-range dates', () => {
    expect(() => isTradingDay('2024-02-30')).toThrow(CalendarInputError)
    expect(() => isTradingDay('1999-12-31')).toThrow(CalendarInputError)
    expect(() => isTradingDay('2100-01-04')).toThrow(CalendarInputError)
  })
})

describe('nextTradingDay / previousTradingDay', () => {
  test('skip weekends, holidays and closures', () => {
    expect(nextTradingDay('2024-11-27')).toBe('2024-11-29')
    expect(nextTradingDay('2001-09-10')).toBe('2001-09-17')
    expect(previousTradingDay('2001-09-17')).toBe('2001-09-10')
    expect(previousTradingDay('2023-01-03')).toBe('2022-12-30')
    expect(nextTradingDay('2025-01-08')).toBe('2025-01-10')
    expect(nextTradingDay('2024-03-09')).toBe('2024-03-11')
  })

  test('return trading days strictly after / before, with no trading day in between', () => {
    fc.assert(
      fc.property(dateArb, (date) => {
        const next = nextTradingDay(date)
        const previous = previousTradingDay(date)
        expect(next > date && previous < date).toBe(true)
        expect(isTradingDay(next) && isTradingDay(previous)).toBe(true)
        for (let day = addDays(date, 1); day < next; day = addDays(day, 1)) expect(isTradingDay(day)).toBe(false)
        for (let day = addDays(date, -1); day > previous; day = addDays(day, -1)) expect(isTradingDay(day)).toBe(false)
      }),
    )
  })

  test('round-trip on trading days: next(previous(d)) = d = previous(next(d))', () => {
    fc.assert(
      fc.property(dateArb, (date) => {
        fc.pre(isTradingDay(date))
        expect(nextTradingDay(previousTradingDay(date))).toBe(date)
        expect(previousTradingDay(nextTradingDay(date))).toBe(date)
      }),
    )
  })

  test('throw past the supported years instead of guessing', () => {
    expect(() => previousTradingDay('2000-01-03')).toThrow(CalendarInputError)
    expect(() => nextTradingDay('2099-12-31')).toThrow(CalendarInputError)
  })
})
