import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { CalendarInputError } from './calendarInputError.js'
import { fromEpochDay, toEpochDay } from './internal/civilDate.js'
import { tradingSession } from './tradingSession.js'

const utc = (iso: string) => Date.parse(iso)
const HOUR_MS = 3_600_000
const dateArb = fc.integer({ min: toEpochDay('2000-01-01'), max: toEpochDay('2040-12-31') }).map(fromEpochDay)

describe('tradingSession', () => {
  test('regular open is 13:30Z in summer and 14:30Z in winter around the 2024 DST changes', () => {
    expect(tradingSession('2024-03-08')?.regularOpenMs).toBe(utc('2024-03-08T14:30:00Z'))
    expect(tradingSession('2024-03-11')?.regularOpenMs).toBe(utc('2024-03-11T13:30:00Z'))
    expect(tradingSession('2024-11-01')?.regularOpenMs).toBe(utc('2024-11-01T13:30:00Z'))
    expect(tradingSession('2024-11-04')?.regularOpenMs).toBe(utc('2024-11-04T14:30:00Z'))
  })

  test('DST-change Sundays have no session', () => {
    expect(tradingSession('2024-03-10')).toBeUndefined()
    expect(tradingSession('2024-11-03')).toBeUndefined()
  })

  test('a regular day runs 04:00 / 09:30–16:00 / 20:00 New York time', () => {
    expect(tradingSession('2025-06-17')).toEqual({
      date: '2025-06-17',
      preMarketOpenMs: utc('2025-06-17T08:00:00Z'),
      regularOpenMs: utc('2025-06-17T13:30:00Z'),
      regularCloseMs: utc('2025-06-17T20:00:00Z'),
      afterHoursCloseMs: utc('2025-06-18T00:00:00Z'),
      earlyClose: false,
    })
  })

  test('an early-close day ends the regular session at 13:00 and after-hours at 17:00', () => {
    expect(tradingSession('2024-11-29')).toEqual({
      date: '2024-11-29',
      preMarketOpenMs: utc('2024-11-29T09:00:00Z'),
      regularOpenMs: utc('2024-11-29T14:30:00Z'),
      regularCloseMs: utc('2024-11-29T18:00:00Z'),
      afterHoursCloseMs: utc('2024-11-29T22:00:00Z'),
      earlyClose: true,
    })
  })

  test('holidays and unscheduled closures have no session', () => {
    expect(tradingSession('2025-12-25')).toBeUndefined()
    expect(tradingSession('2025-01-09')).toBeUndefined()
  })

  test('sessions are frozen and cached', () => {
    const session = tradingSession('2025-06-17')
    expect(Object.isFrozen(session)).toBe(true)
    expect(tradingSession('2025-06-17')).toBe(session)
  })

  test('every trading day 2000–2040 has ordered boundaries of the right length in New York time', () => {
    fc.assert(
      fc.property(dateArb, (date) => {
        const session = tradingSession(date)
        fc.pre(session !== undefined)
        if (!session) return
        expect(session.preMarketOpenMs).toBeLessThan(session.regularOpenMs)
        expect(session.regularOpenMs).toBeLessThan(session.regularCloseMs)
        expect(session.regularCloseMs).toBeLessThan(session.afterHoursCloseMs)
        // DST changes happen on Sunday mornings, so no trading day is 23 or 25 hours long.
        expect(session.regularOpenMs - session.preMarketOpenMs).toBe(5.5 * HOUR_MS)
        expect(session.regularCloseMs - session.regularOpenMs).toBe((session.earlyClose ? 3.5 : 6.5) * HOUR_MS)
        expect(session.afterHoursCloseMs - session.regularCloseMs).toBe(4 * HOUR_MS)
        const openUtc = new Date(session.regularOpenMs).toISOString().slice(11, 16)
        expect(['13:30', '14:30']).toContain(openUtc)
      }),
      { numRuns: 500 },
    )
  })

  test('rejects malformed dates', () => {
    expect(() => tradingSession('2025-6-17')).toThrow(CalendarInputError)
  })
})
