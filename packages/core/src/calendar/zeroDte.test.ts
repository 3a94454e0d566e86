import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { fromEpochDay, toEpochDay } from './internal/civilDate.js'
import { isTradingDay } from './tradingDays.js'
import { hasZeroDteExpiration, ZERO_DTE_SYMBOLS } from './zeroDte.js'

const dateArb = fc.integer({ min: toEpochDay('2000-01-01'), max: toEpochDay('2040-12-31') }).map(fromEpochDay)

describe('hasZeroDteExpiration', () => {
  test('daily-expiry symbols have a 0DTE series on every weekday that trades', () => {
    for (const date of ['2025-06-16', '2025-06-17', '2025-06-18', '2025-06-19', '2025-06-20']) {
      const open = date !== '2025-06-19' // Juneteenth
      for (const symbol of ZERO_DTE_SYMBOLS) expect(hasZeroDteExpiration(symbol, date)).toBe(open)
    }
  })

  test('is case-insensitive', () => {
    expect(hasZeroDteExpiration('spxw', '2025-06-17')).toBe(true)
  })

  test('other symbols are out of scope, even on Fridays', () => {
    expect(hasZeroDteExpiration('AAPL', '2025-06-20')).toBe(false)
    expect(hasZeroDteExpiration('VIX', '2025-06-18')).toBe(false)
  })

  test('closed days have no expiration (the Carter day of mourning)', () => {
    expect(hasZeroDteExpiration('SPY', '2025-01-09')).toBe(false)
  })

  test('equals isTradingDay for every daily symbol, 2000–2040', () => {
    fc.assert(
      fc.property(dateArb, fc.constantFrom(...ZERO_DTE_SYMBOLS), (date, symbol) => {
        expect(hasZeroDteExpiration(symbol, date)).toBe(isTradingDay(date))
      }),
    )
  })
})
