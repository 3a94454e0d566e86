import { describe, expect, test } from 'vitest'
import { CalendarInputError } from './calendarInputError.js'
import { nyseHolidays } from './nyseHolidays.js'

// Full-day holidays exactly as NYSE Group published them in its annual "Holiday and Early Closings Calendar"
// releases (Dec 2019: 2020–2022; Dec 2020: 2021–2023; Dec 2021: 2022–2024; Dec 2022: 2023–2025;
// Nov 2024: 2025–2027; Dec 2025: 2026–2028).
const PUBLISHED: Record<number, readonly string[]> = {
  2020: ['01-01', '01-20', '02-17', '04-10', '05-25', '07-03', '09-07', '11-26', '12-25'],
  // New Year's Day 2022 is a Saturday, so Friday 2021-12-31 stays open; Christmas (Sat) is observed Fri Dec 24.
  2021: ['01-01', '01-18', '02-15', '04-02', '05-31', '07-05', '09-06', '11-25', '12-24'],
  // First Juneteenth, observed Monday Jun 20; Christmas (Sun) observed Monday Dec 26; no New Year's holiday.
  2022: ['01-17', '02-21', '04-15', '05-30', '06-20', '07-04', '09-05', '11-24', '12-26'],
  // New Year's Day (Sun) observed Monday Jan 2.
  2023: ['01-02', '01-16', '02-20', '04-07', '05-29', '06-19', '07-04', '09-04', '11-23', '12-25'],
  2024: ['01-01', '01-15', '02-19', '03-29', '05-27', '06-19', '07-04', '09-02', '11-28', '12-25'],
  2025: ['01-01', '01-20', '02-17', '04-18', '05-26', '06-19', '07-04', '09-01', '11-27', '12-25'],
  // Independence Day (Sat) observed Friday Jul 3.
  2026: ['01-01', '01-19', '02-16', '04-03', '05-25', '06-19', '07-03', '09-07', '11-26', '12-25'],
  // Juneteenth (Sat) observed Fri Jun 18; Independence Day (Sun) Mon Jul 5; Christmas (Sat) Fri Dec 24.
  2027: ['01-01', '01-18', '02-15', '03-26', '05-31', '06-18', '07-05', '09-06', '11-25', '12-24'],
  // "Because the holiday falls on Saturday, January 1, 2028, no New Year's Day holiday is observed."
  2028: ['01-17', '02-21', '04-14', '05-29', '06-19', '07-04', '09-04', '11-23', '12-25'],
}

describe('nyseHolidays', () => {
  test.each(Object.entries(PUBLISHED))('%s matches the published NYSE list', (year, days) => {
    expect(nyseHolidays(Number(year)).map((holiday) => holiday.date)).toEqual(days.map((day) => `${year}-${day}`))
  })

  test('Juneteenth is not a holiday before 2022', () => {
    expect(nyseHolidays(2021).some((holiday) => holiday.name.startsWith('Juneteenth'))).toBe(false)
  })

  test('names observed holidays as observed', () => {
    expect(nyseHolidays(2027).find((holiday) => holiday.date === '2027-07-05')?.name).toBe(
      'Independence Day (observed)',
    )
    expect(nyseHolidays(2025).find((holiday) => holiday.date === '2025-04-18')?.name).toBe('Good Friday')
  })

  test('New Year on a Saturday is never moved to December 31 of the year before', () => {
    for (const year of [2005, 2011, 2022, 2028, 2033, 2039]) {
      expect(new Date(`${year}-01-01T00:00:00Z`).getUTCDay()).toBe(6)
      expect(nyseHolidays(year - 1).some((holiday) => holiday.date === `${year - 1}-12-31`)).toBe(false)
      expect(nyseHolidays(year).some((holiday) => holiday.name.startsWith("New Year's Day"))).toBe(false)
    }
  })

  test('every holiday from 2000 to 2099 falls on a weekday', () => {
    for (let year = 2000; year <= 2099; year++) {
      for (const holiday of nyseHolidays(year)) {
        const weekday = new Date(`${holiday.date}T00:00:00Z`).getUTCDay()
        expect(weekday >= 1 && weekday <= 5, holiday.date).toBe(true)
      }
    }
  })

  test('returns a copy the caller may change without touching the cache', () => {
    const first = nyseHolidays(2024)
    first.length = 0
    expect(nyseHolidays(2024)).toHaveLength(10)
  })

  test('rejects years outside 2000–2099', () => {
    expect(() => nyseHolidays(1999)).toThrow(CalendarInputError)
    expect(() => nyseHolidays(2100)).toThrow(CalendarInputError)
  })
})
