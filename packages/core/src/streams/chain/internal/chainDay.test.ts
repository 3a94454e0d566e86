import { describe, expect, test } from 'vitest'
import { nyTimeToMs } from '../../../calendar/newYorkTime.js'
import { chainDayAt } from './chainDay.js'

describe('chainDayAt', () => {
  test("streams today's expiry until its series stop trading", () => {
    const day = chainDayAt('SPY', nyTimeToMs('2025-03-10', '15:00'))
    expect(day).toEqual({
      date: '2025-03-10',
      expiry: '2025-03-10',
      expiryMs: nyTimeToMs('2025-03-10', '16:15'),
      rollAtMs: nyTimeToMs('2025-03-10', '16:15'),
    })
  })

  test('rolls to the next trading day after the expiration and over weekends', () => {
    expect(chainDayAt('SPXW', nyTimeToMs('2025-03-10', '16:00')).expiry).toBe('2025-03-11')
    expect(chainDayAt('SPY', nyTimeToMs('2025-03-07', '17:00')).expiry).toBe('2025-03-10')
    expect(chainDayAt('SPY', nyTimeToMs('2025-03-08', '12:00')).expiry).toBe('2025-03-10')
  })

  test('skips holidays and honours early closes', () => {
    expect(chainDayAt('SPY', nyTimeToMs('2025-07-03', '14:00')).expiry).toBe('2025-07-07')
    expect(chainDayAt('SPY', nyTimeToMs('2025-07-03', '13:00')).expiryMs).toBe(nyTimeToMs('2025-07-03', '13:15'))
  })

  test('reports sessions without an expiration for roots without daily expiries', () => {
    const day = chainDayAt('AAPL', nyTimeToMs('2025-03-10', '10:00'))
    expect(day.expiry).toBeUndefined()
    expect(day.rollAtMs).toBe(nyTimeToMs('2025-03-10', '16:00'))
  })
})
