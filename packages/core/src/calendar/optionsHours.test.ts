import { describe, expect, test } from 'vitest'
import { CalendarInputError } from './calendarInputError.js'
import { NonTradingDayError } from './nonTradingDayError.js'
import { expirationInstantMs, optionsCloseMs } from './optionsHours.js'

const utc = (iso: string) => Date.parse(iso)

describe('optionsCloseMs', () => {
  test('SPY, QQQ, IWM and index options trade to 16:15; single stocks to 16:00', () => {
    for (const symbol of ['SPY', 'qqq', 'IWM', 'SPX', 'SPXW', 'XSP']) {
      expect(optionsCloseMs(symbol, '2025-06-17')).toBe(utc('2025-06-17T20:15:00Z'))
    }
    expect(optionsCloseMs('AAPL', '2025-06-17')).toBe(utc('2025-06-17T20:00:00Z'))
  })

  test('early-close days close at 13:15 for those and 13:00 for the rest', () => {
    expect(optionsCloseMs('SPY', '2024-11-29')).toBe(utc('2024-11-29T18:15:00Z'))
    expect(optionsCloseMs('SPX', '2024-11-29')).toBe(utc('2024-11-29T18:15:00Z'))
    expect(optionsCloseMs('AAPL', '2024-11-29')).toBe(utc('2024-11-29T18:00:00Z'))
  })

  test('winter closes move one hour later in UTC', () => {
    expect(optionsCloseMs('SPY', '2025-01-17')).toBe(utc('2025-01-17T21:15:00Z'))
  })
})

describe('expirationInstantMs', () => {
  test('expiring SPY, QQQ and IWM series trade to 16:15 on their expiration day', () => {
    expect(expirationInstantMs('SPY', '2025-06-20')).toBe(utc('2025-06-20T20:15:00Z'))
    expect(expirationInstantMs('QQQ', '2025-06-20')).toBe(utc('2025-06-20T20:15:00Z'))
    expect(expirationInstantMs('iwm', '2025-01-17')).toBe(utc('2025-01-17T21:15:00Z'))
  })

  test('expiring p.m.-settled SPX, SPXW and XSP series stop at 16:00', () => {
    expect(expirationInstantMs('SPX', '2025-06-20')).toBe(utc('2025-06-20T20:00:00Z'))
    expect(expirationInstantMs('SPXW', '2025-06-20')).toBe(utc('2025-06-20T20:00:00Z'))
    expect(expirationInstantMs('XSP', '2025-01-17')).toBe(utc('2025-01-17T21:00:00Z'))
  })

  test('on early-close days: 13:15 for the ETFs, 13:00 for the index series', () => {
    expect(expirationInstantMs('SPY', '2025-12-24')).toBe(utc('2025-12-24T18:15:00Z'))
    expect(expirationInstantMs('SPXW', '2025-12-24')).toBe(utc('2025-12-24T18:00:00Z'))
    expect(expirationInstantMs('SPXW', '2024-07-03')).toBe(utc('2024-07-03T17:00:00Z'))
  })

  test('other symbols stop at the equity close', () => {
    expect(expirationInstantMs('AAPL', '2025-06-20')).toBe(utc('2025-06-20T20:00:00Z'))
  })

  test('nothing expires on a closed day', () => {
    expect(() => expirationInstantMs('SPY', '2025-01-09')).toThrow(NonTradingDayError)
    expect(() => optionsCloseMs('SPY', '2025-06-21')).toThrow(NonTradingDayError)
    try {
      expirationInstantMs('SPY', '2025-12-25')
      expect.unreachable()
    } catch (error) {
      expect(error).toBeInstanceOf(NonTradingDayError)
      expect((error as NonTradingDayError).date).toBe('2025-12-25')
    }
  })

  test('rejects malformed dates', () => {
    expect(() => expirationInstantMs('SPY', '2025/06/20')).toThrow(CalendarInputError)
  })
})
