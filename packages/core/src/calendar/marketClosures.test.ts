import { describe, expect, test } from 'vitest'
import { marketClosures } from './marketClosures.js'
import { UNSCHEDULED_CLOSURES } from './unscheduledClosures.js'

// Every weekday the NYSE was closed from 2000 to mid-2021, as recorded in pandas_market_calendars'
// tests/data/nyse_all_full_day_holidays_since_1928.csv (MM-DD per year): scheduled holidays and unscheduled
// closures together.
const RECORDED: Record<number, string> = {
  2000: '01-17 02-21 04-21 05-29 07-04 09-04 11-23 12-25',
  2001: '01-01 01-15 02-19 04-13 05-28 07-04 09-03 09-11 09-12 09-13 09-14 11-22 12-25',
  2002: '01-01 01-21 02-18 03-29 05-27 07-04 09-02 11-28 12-25',
  2003: '01-01 01-20 02-17 04-18 05-26 07-04 09-01 11-27 12-25',
  2004: '01-01 01-19 02-16 04-09 05-31 06-11 07-05 09-06 11-25 12-24',
  2005: '01-17 02-21 03-25 05-30 07-04 09-05 11-24 12-26',
  2006: '01-02 01-16 02-20 04-14 05-29 07-04 09-04 11-23 12-25',
  2007: '01-01 01-02 01-15 02-19 04-06 05-28 07-04 09-03 11-22 12-25',
  2008: '01-01 01-21 02-18 03-21 05-26 07-04 09-01 11-27 12-25',
  2009: '01-01 01-19 02-16 04-10 05-25 07-03 09-07 11-26 12-25',
  2010: '01-01 01-18 02-15 04-02 05-31 07-05 09-06 11-25 12-24',
  2011: '01-17 02-21 04-22 05-30 07-04 09-05 11-24 12-26',
  2012: '01-02 01-16 02-20 04-06 05-28 07-04 09-03 10-29 10-30 11-22 12-25',
  2013: '01-01 01-21 02-18 03-29 05-27 07-04 09-02 11-28 12-25',
  2014: '01-01 01-20 02-17 04-18 05-26 07-04 09-01 11-27 12-25',
  2015: '01-01 01-19 02-16 04-03 05-25 07-03 09-07 11-26 12-25',
  2016: '01-01 01-18 02-15 03-25 05-30 07-04 09-05 11-24 12-26',
  2017: '01-02 01-16 02-20 04-14 05-29 07-04 09-04 11-23 12-25',
  2018: '01-01 01-15 02-19 03-30 05-28 07-04 09-03 11-22 12-05 12-25',
  2019: '01-01 01-21 02-18 04-19 05-27 07-04 09-02 11-28 12-25',
  2020: '01-01 01-20 02-17 04-10 05-25 07-03 09-07 11-26 12-25',
}

describe('marketClosures', () => {
  test.each(Object.entries(RECORDED))('%s matches the recorded NYSE closures', (year, days) => {
    const expected = days.split(' ').map((day) => `${year}-${day}`)
    expect(marketClosures(Number(year)).map((closure) => closure.date)).toEqual(expected)
  })

  test('2025 adds the day of mourning for President Carter to the published holidays', () => {
    const closures = marketClosures(2025)
    expect(closures).toHaveLength(11)
    expect(closures[1]).toEqual({ date: '2025-01-09', name: 'National Day of Mourning for President Jimmy Carter' })
  })

  test('unscheduled closures are weekdays in date order', () => {
    const dates = UNSCHEDULED_CLOSURES.map((closure) => closure.date)
    expect(dates).toEqual([...dates].sort())
    for (const date of dates) {
      const weekday = new Date(`${date}T00:00:00Z`).getUTCDay()
      expect(weekday >= 1 && weekday <= 5, date).toBe(true)
    }
  })
})
