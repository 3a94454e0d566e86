import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { CalendarInputError } from './calendarInputError.js'
import { expirationInstantMs } from './optionsHours.js'
import { timeToExpiryYears } from './timeToExpiry.js'

const YEAR_S = 365 * 86_400

describe('timeToExpiryYears', () => {
  test('is ACT/365: one calendar day is 1/365 year', () => {
    expect(timeToExpiryYears(0, 86_400_000)).toBe(1 / 365)
  })

  test('from the SPY open to its 16:15 expiry is 6 h 45 min', () => {
    const open = Date.parse('2025-06-20T13:30:00Z')
    expect(timeToExpiryYears(open, expirationInstantMs('SPY', '2025-06-20'))).toBe((6.75 * 3600) / YEAR_S)
  })

  test('truncates to whole seconds', () => {
    expect(timeToExpiryYears(0, 1_999)).toBe(1 / YEAR_S)
    expect(timeToExpiryYears(1, 1_000)).toBe(0)
    expect(timeToExpiryYears(0, 999)).toBe(0)
  })

  test('is 0 at and after expiry', () => {
    expect(timeToExpiryYears(5_000, 5_000)).toBe(0)
    expect(timeToExpiryYears(10_000, 5_000)).toBe(0)
  })

  test('is never negative and never increases as time passes', () => {
    const ms = fc.integer({ min: 946_684_800_000, max: 2_240_524_800_000 })
    fc.assert(
      fc.property(ms, ms, fc.nat(10_000_000), (now, expiry, step) => {
        const t = timeToExpiryYears(now, expiry)
        expect(t).toBeGreaterThanOrEqual(0)
        expect(timeToExpiryYears(now + step, expiry)).toBeLessThanOrEqual(t)
      }),
    )
  })

  test('rejects non-finite instants', () => {
    expect(() => timeToExpiryYears(Number.NaN, 0)).toThrow(CalendarInputError)
    expect(() => timeToExpiryYears(0, Number.POSITIVE_INFINITY)).toThrow(CalendarInputError)
  })
})
