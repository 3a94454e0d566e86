import { describe, expect, test } from 'vitest'
import { nyTimeToMs } from '../../../calendar/newYorkTime.js'
import { sampleIntervalsSchema } from '../sampleClass.js'
import type { SampleTarget } from '../sampleTarget.js'
import { SessionSchedule } from './sessionSchedule.js'

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
      expect(schedule.windowAt(option, friday)).toEqual(expected.friday)
      expect(schedule.windowAt(option, monday)).toEqual(expected.monday)
    }
    expect(schedule.windowAt(option, nyTimeToMs('2025-11-21', '16:10'))).toEqual({
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
      expect(schedule.windowAt(spy, nyTimeToMs(date, '11:00'))).toEqual({
        intervalMs: intervals.regular.underlying,
        untilMs: nyTimeToMs(date, '15:15'),
      })
      expect(schedule.windowAt(vix, nyTimeToMs(date, '11:00'))).toEqual({
        intervalMs: intervals.regular.volatility,
        untilMs: nyTimeToMs(date, '16:00'),
      })
    }
  })
})
