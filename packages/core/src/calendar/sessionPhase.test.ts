import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { CalendarInputError } from './calendarInputError.js'
import { nyDate } from './newYorkTime.js'
import { SessionPhase, sessionPhaseAt } from './sessionPhase.js'
import { tradingSession } from './tradingSession.js'

const utc = (iso: string) => Date.parse(iso)

describe('sessionPhaseAt', () => {
  test('uses half-open phases around each boundary of a summer day', () => {
    expect(sessionPhaseAt(utc('2025-06-17T07:59:59.999Z'))).toBe('closed')
    expect(sessionPhaseAt(utc('2025-06-17T08:00:00Z'))).toBe('pre_market')
    expect(sessionPhaseAt(utc('2025-06-17T13:29:59.999Z'))).toBe('pre_market')
    expect(sessionPhaseAt(utc('2025-06-17T13:30:00Z'))).toBe('regular')
    expect(sessionPhaseAt(utc('2025-06-17T19:59:59.999Z'))).toBe('regular')
    expect(sessionPhaseAt(utc('2025-06-17T20:00:00Z'))).toBe('after_hours')
    expect(sessionPhaseAt(utc('2025-06-17T23:59:59.999Z'))).toBe('after_hours')
    expect(sessionPhaseAt(utc('2025-06-18T00:00:00Z'))).toBe('closed')
  })

  test('13:30Z is pre-market on Friday before the DST change and regular on the Monday after', () => {
    expect(sessionPhaseAt(utc('2024-03-08T13:30:00Z'))).toBe(SessionPhase.PreMarket)
    expect(sessionPhaseAt(utc('2024-03-10T13:30:00Z'))).toBe(SessionPhase.Closed)
    expect(sessionPhaseAt(utc('2024-03-11T13:30:00Z'))).toBe(SessionPhase.Regular)
    expect(sessionPhaseAt(utc('2024-11-01T20:30:00Z'))).toBe(SessionPhase.AfterHours)
    expect(sessionPhaseAt(utc('2024-11-04T20:30:00Z'))).toBe(SessionPhase.Regular)
  })

  test('early-close days switch to after-hours at 13:00 and close at 17:00', () => {
    expect(sessionPhaseAt(utc('2025-12-24T17:59:00Z'))).toBe('regular')
    expect(sessionPhaseAt(utc('2025-12-24T18:00:00Z'))).toBe('after_hours')
    expect(sessionPhaseAt(utc('2025-12-24T22:00:00Z'))).toBe('closed')
  })

  test('holidays, closures and weekends are closed all day', () => {
    expect(sessionPhaseAt(utc('2025-12-25T15:00:00Z'))).toBe('closed')
    expect(sessionPhaseAt(utc('2025-01-09T15:00:00Z'))).toBe('closed')
    expect(sessionPhaseAt(utc('2025-06-21T15:00:00Z'))).toBe('closed')
  })

  test('agrees with tradingSession for any instant 2000–2040, in any order of calls', () => {
    const from = utc('2000-01-01T05:00:00Z')
    const to = utc('2040-12-31T00:00:00Z')
    fc.assert(
      fc.property(fc.integer({ min: from, max: to }), (ms) => {
        const session = tradingSession(nyDate(ms))
        let expected: SessionPhase = 'closed'
        if (session && ms >= session.preMarketOpenMs && ms < session.afterHoursCloseMs) {
          if (ms < session.regularOpenMs) expected = 'pre_market'
          else if (ms < session.regularCloseMs) expected = 'regular'
          else expected = 'after_hours'
        }
        expect(sessionPhaseAt(ms)).toBe(expected)
      }),
      { numRuns: 1000 },
    )
  })

  test('agrees with tradingSession right at every boundary of random trading days', () => {
    const from = utc('2000-01-03T15:00:00Z')
    const to = utc('2040-12-28T15:00:00Z')
    fc.assert(
      fc.property(fc.integer({ min: from, max: to }), fc.integer({ min: -1, max: 0 }), (ms, nudge) => {
        const session = tradingSession(nyDate(ms))
        fc.pre(session !== undefined)
        if (!session) return
        const phases = [
          [session.preMarketOpenMs, 'closed', 'pre_market'],
          [session.regularOpenMs, 'pre_market', 'regular'],
          [session.regularCloseMs, 'regular', 'after_hours'],
          [session.afterHoursCloseMs, 'after_hours', 'closed'],
        ] as const
        for (const [boundary, before, after] of phases) {
          expect(sessionPhaseAt(boundary + nudge)).toBe(nudge < 0 ? before : after)
        }
      }),
    )
  })

  test('rejects non-finite and out-of-range instants', () => {
    expect(() => sessionPhaseAt(Number.NaN)).toThrow(CalendarInputError)
    expect(() => sessionPhaseAt(utc('1999-06-01T15:00:00Z'))).toThrow(CalendarInputError)
  })
})
