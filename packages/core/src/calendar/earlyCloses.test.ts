import { describe, expect, test } from 'vitest'
import { earlyCloseDates } from './earlyCloses.js'

// 1:00 p.m. closes as published in the NYSE Group holiday releases (footnotes "Each market will close early at
// 1:00 p.m. (1:15 p.m. for eligible options) on …").
const PUBLISHED: Record<number, readonly string[]> = {
  2020: ['11-27', '12-24'], // July 3 is the observed Independence Day
  2021: ['11-26'], // Dec 24 is the observed Christmas holiday, July 3 a Saturday
  2022: ['11-25'], // July 3 and Dec 24 fall on weekends
  2023: ['07-03', '11-24'],
  2024: ['07-03', '11-29', '12-24'], // Wednesday July 3 closes early (since 2013)
  2025: ['07-03', '11-28', '12-24'],
  2026: ['11-27', '12-24'], // July 3 is the observed Independence Day
  2027: ['11-26'], // July 3 a Saturday, Dec 24 the observed Christmas holiday
  2028: ['07-03', '11-24'],
}

// Earlier years from the NYSE's closings history (as compiled in pandas_market_calendars' NYSE calendar).
const HISTORY: Record<number, readonly string[]> = {
  2000: ['07-03', '11-24'],
  2001: ['07-03', '11-23', '12-24'],
  2002: ['07-05', '11-29', '12-24'], // before 2013 a Wednesday July 3 was a full day, Friday July 5 closed early
  2003: ['07-03', '11-28', '12-24', '12-26'], // plus the one-off Friday after Christmas
  2004: ['11-26'],
  2005: ['11-25'],
  2006: ['07-03', '11-24'],
  2007: ['07-03', '11-23', '12-24'],
  2008: ['07-03', '11-28', '12-24'],
  2009: ['11-27', '12-24'],
  2010: ['11-26'],
  2011: ['11-25'],
  2012: ['07-03', '11-23', '12-24'],
  2013: ['07-03', '11-29', '12-24'],
  2014: ['07-03', '11-28', '12-24'],
  2015: ['11-27', '12-24'],
  2016: ['11-25'],
  2017: ['07-03', '11-24'],
  2018: ['07-03', '11-23', '12-24'],
  2019: ['07-03', '11-29', '12-24'],
}

describe('earlyCloseDates', () => {
  test.each(Object.entries(PUBLISHED))('%s matches the published NYSE list', (year, days) => {
    expect(earlyCloseDates(Number(year))).toEqual(days.map((day) => `${year}-${day}`))
  })

  test.each(Object.entries(HISTORY))('%s matches NYSE history', (year, days) => {
    expect(earlyCloseDates(Number(year))).toEqual(days.map((day) => `${year}-${day}`))
  })

  test('always includes the day after Thanksgiving and never a weekend', () => {
    for (let year = 2000; year <= 2099; year++) {
      const dates = earlyCloseDates(year)
      expect(dates.some((date) => date.startsWith(`${year}-11-`))).toBe(true)
      for (const date of dates) {
        const weekday = new Date(`${date}T00:00:00Z`).getUTCDay()
        expect(weekday >= 1 && weekday <= 5, date).toBe(true)
      }
    }
  })
})
