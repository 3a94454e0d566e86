import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { CalendarInputError } from './calendarInputError.js'
import { NEW_YORK, nyDate, nyTimeToMs } from './newYorkTime.js'

const utc = (iso: string) => Date.parse(iso)

describe('nyTimeToMs', () => {
  test('uses EST (UTC−5) in winter and EDT (UTC−4) in summer', () => {
    expect(nyTimeToMs('2024-03-08', '09:30')).toBe(utc('2024-03-08T14:30:00Z'))
    expect(nyTimeToMs('2024-03-11', '09:30')).toBe(utc('2024-03-11T13:30:00Z'))
    expect(nyTimeToMs('2024-11-01', '16:00')).toBe(utc('2024-11-01T20:00:00Z'))
    expect(nyTimeToMs('2024-11-04', '16:00')).toBe(utc('2024-11-04T21:00:00Z'))
  })

  test('on the DST-start Sunday, midnight is EST, 03:00 is EDT and the skipped 02:30 moves to 03:30', () => {
    expect(nyTimeToMs('2024-03-10', '00:00')).toBe(utc('2024-03-10T05:00:00Z'))
    expect(nyTimeToMs('2024-03-10', '03:00')).toBe(utc('2024-03-10T07:00:00Z'))
    expect(nyTimeToMs('2024-03-10', '02:30')).toBe(utc('2024-03-10T07:30:00Z'))
  })

  test('on the DST-end Sunday, the repeated 01:30 is the first (EDT) one', () => {
    expect(nyTimeToMs('2024-11-03', '00:00')).toBe(utc('2024-11-03T04:00:00Z'))
    expect(nyTimeToMs('2024-11-03', '01:30')).toBe(utc('2024-11-03T05:30:00Z'))
    expect(nyTimeToMs('2024-11-03', '03:00')).toBe(utc('2024-11-03T08:00:00Z'))
  })

  test('follows the pre-2007 DST rule (first Sunday of April to last Sunday of October)', () => {
    expect(nyTimeToMs('2006-03-31', '09:30')).toBe(utc('2006-03-31T14:30:00Z'))
    expect(nyTimeToMs('2006-04-03', '09:30')).toBe(utc('2006-04-03T13:30:00Z'))
    expect(nyTimeToMs('2006-10-27', '09:30')).toBe(utc('2006-10-27T13:30:00Z'))
    expect(nyTimeToMs('2006-10-30', '09:30')).toBe(utc('2006-10-30T14:30:00Z'))
  })

  test.each([
    ['2024-02-30', '09:30'],
    ['2024-1-02', '09:30'],
    ['2024-01-02', '9:30'],
    ['2024-01-02', '24:00'],
    ['2024-01-02', '12:60'],
  ])('rejects %s %s', (date, hhmm) => {
    expect(() => nyTimeToMs(date, hhmm)).toThrow(CalendarInputError)
  })

  test('answers repeated wall times the same and still rejects malformed ones asked after valid ones', () => {
    const first = nyTimeToMs('2025-11-21', '09:30')
    expect(nyTimeToMs('2025-11-21', '09:30')).toBe(first)
    expect(first).toBe(utc('2025-11-21T14:30:00Z'))
    expect(() => nyTimeToMs('2025-11-21 09:30', '')).toThrow(CalendarInputError)
    expect(() => nyTimeToMs('2025-11-21', ' 09:30')).toThrow(CalendarInputError)
    expect(() => nyTimeToMs('2025-11-21 09', '30')).toThrow(CalendarInputError)
    expect(() => nyTimeToMs(undefined as unknown as string, '09:30')).toThrow(CalendarInputError)
  })
})

describe('nyDate', () => {
  test('switches date at New York midnight, not UTC midnight', () => {
    expect(nyDate(utc('2024-03-11T03:59:59.999Z'))).toBe('2024-03-10')
    expect(nyDate(utc('2024-03-11T04:00:00Z'))).toBe('2024-03-11')
    expect(nyDate(utc('2024-11-04T04:59:59.999Z'))).toBe('2024-11-03')
    expect(nyDate(utc('2024-11-04T05:00:00Z'))).toBe('2024-11-04')
  })

  test('answers correctly when instants jump between days (cache invalidation)', () => {
    expect(nyDate(utc('2025-06-20T15:00:00Z'))).toBe('2025-06-20')
    expect(nyDate(utc('2001-09-11T12:00:00Z'))).toBe('2001-09-11')
    expect(nyDate(utc('2025-06-20T03:00:00Z'))).toBe('2025-06-19')
    expect(nyDate(utc('2025-06-20T15:00:00Z'))).toBe('2025-06-20')
  })

  test('rejects non-finite instants', () => {
    expect(() => nyDate(Number.NaN)).toThrow(CalendarInputError)
    expect(() => nyDate(Number.POSITIVE_INFINITY)).toThrow(CalendarInputError)
  })

  test('inverts nyTimeToMs for every wall time outside the DST-start gap, 2000–2040', () => {
    const from = utc('2000-01-01T00:00:00Z')
    const to = utc('2040-12-31T00:00:00Z')
    fc.assert(
      fc.property(fc.integer({ min: from, max: to }), fc.integer({ min: 0, max: 1439 }), (ms, minute) => {
        const date = nyDate(ms)
        const hhmm = `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`
        fc.pre(!hhmm.startsWith('02:'))
        const instant = nyTimeToMs(date, hhmm)
        const midnight = nyTimeToMs(date, '00:00')
        expect(nyDate(instant)).toBe(date)
        expect(instant).toBeGreaterThanOrEqual(midnight)
        expect(nyDate(midnight - 1)).not.toBe(date)
      }),
    )
  })

  test('NEW_YORK is the IANA zone name', () => {
    expect(NEW_YORK).toBe('America/New_York')
  })
})
