import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { nyTimeToMs } from '../../../calendar/newYorkTime.js'
import { sampleIntervalsSchema } from '../sampleClass.js'
import type { SampleTarget } from '../sampleTarget.js'
import { SessionSchedule, windowCovers } from './sessionSchedule.js'

const intervals = sampleIntervalsSchema.parse({})

describe('SessionSchedule', () => {
  test('answers each date of a target from its own expiration, asked about in any order', () => {
    const schedule = new SessionSchedule(intervals)
    const option: SampleTarget = { sampleClass: 'option', expirationSymbol: 'SPY', expiry: '2025-11-21' }
    const friday = nyTimeToMs('2025-11-21', '15:30')
    const monday = nyTimeToMs('2025-11-24', '15:30')
    const expected = {
      friday: { intervalMs: intervals.finalHour.option, untilMs: nyTimeToMs('2025-11-21', '16:00') },
      monday: { intervalMs: intervals.regular.option, untilMs: nyTimeToMs('2025-11-24', '16:00') },
    }
    for (let round = 0; round < 2; round++) {
      expect(schedule.windowAt(option, friday)).toMatchObject(expected.friday)
      expect(schedule.windowAt(option, monday)).toMatchObject(expected.monday)
    }
    expect(schedule.windowAt(option, nyTimeToMs('2025-11-21', '16:10'))).toMatchObject({
      intervalMs: intervals.finalHour.option,
      untilMs: nyTimeToMs('2025-11-21', '16:15'),
    })
  })

  test('underlyings with daily expirations sample at the final-hour rate before every expiration', () => {
    const schedule = new SessionSchedule(intervals)
    const spy: SampleTarget = { sampleClass: 'underlying', expirationSymbol: 'SPY' }
    const vix: SampleTarget = { sampleClass: 'volatility' }
    for (const date of ['2025-11-21', '2025-11-24']) {
      expect(schedule.windowAt(spy, nyTimeToMs(date, '15:30')).intervalMs).toBe(intervals.finalHour.underlying)
      expect(schedule.windowAt(spy, nyTimeToMs(date, '11:00'))).toMatchObject({
        intervalMs: intervals.regular.underlying,
        untilMs: nyTimeToMs(date, '15:15'),
      })
      expect(schedule.windowAt(vix, nyTimeToMs(date, '11:00'))).toMatchObject({
        intervalMs: intervals.regular.volatility,
        untilMs: nyTimeToMs(date, '16:00'),
      })
    }
  })

  test('a window holds from the instant asked about to the next boundary, within the New York day', () => {
    const schedule = new SessionSchedule(intervals)
    const spy: SampleTarget = { sampleClass: 'underlying', expirationSymbol: 'SPY' }
    const at = nyTimeToMs('2025-11-21', '11:00')
    const window = schedule.windowAt(spy, at)
    expect(window).toEqual({
      intervalMs: intervals.regular.underlying,
      untilMs: nyTimeToMs('2025-11-21', '15:15'),
      fromMs: at,
      validUntilMs: nyTimeToMs('2025-11-21', '15:15'),
    })
    expect(windowCovers(window, at)).toBe(true)
    expect(windowCovers(window, nyTimeToMs('2025-11-21', '15:14'))).toBe(true)
    expect(windowCovers(window, nyTimeToMs('2025-11-21', '15:15'))).toBe(false)
    expect(windowCovers(window, at - 1)).toBe(false)
    // After the last boundary of the day the next session's open is the answer until midnight, not beyond it.
    const evening = schedule.windowAt(spy, nyTimeToMs('2025-11-21', '21:00'))
    expect(evening.untilMs).toBe(nyTimeToMs('2025-11-24', '04:00'))
    expect(evening.validUntilMs).toBe(nyTimeToMs('2025-11-22', '00:00'))
  })

  test('any instant a window covers gets the same interval and boundary when worked out afresh', () => {
    const targets: SampleTarget[] = [
      { sampleClass: 'option', expirationSymbol: 'SPY', expiry: '2025-11-28' },
      { sampleClass: 'option', expirationSymbol: 'SPXW', expiry: '2025-03-10' },
      { sampleClass: 'underlying', expirationSymbol: 'SPY' },
      { sampleClass: 'underlying', expirationSymbol: 'SPX' },
      { sampleClass: 'volatility' },
      { sampleClass: 'correlation' },
    ]
    // Around DST changes (March and November 2025), Thanksgiving and its early close, weekends.
    const spans = [
      [nyTimeToMs('2025-03-07', '00:00'), nyTimeToMs('2025-03-12', '00:00')],
      [nyTimeToMs('2025-10-31', '00:00'), nyTimeToMs('2025-11-04', '00:00')],
      [nyTimeToMs('2025-11-26', '00:00'), nyTimeToMs('2025-12-02', '00:00')],
    ] as const
    const cached = new SessionSchedule(intervals)
    const instants = fc
      .constantFrom(...spans)
      .chain(([from, to]) => fc.tuple(fc.integer({ min: from, max: to }), fc.integer({ min: 0, max: to - from })))
    fc.assert(
      fc.property(fc.constantFrom(...targets), instants, (target, [from, offset]) => {
        const window = cached.windowAt(target, from)
        // Somewhere in [from, validUntilMs): the instants the sampler reuses the window for.
        const later = from + (offset % Math.max(1, window.validUntilMs - from))
        expect(windowCovers(window, later)).toBe(later < window.validUntilMs)
        if (!windowCovers(window, later)) return
        const fresh = new SessionSchedule(intervals).windowAt(target, later)
        expect([fresh.intervalMs, fresh.untilMs]).toEqual([window.intervalMs, window.untilMs])
      }),
      { numRuns: 400 },
    )
  })
})
