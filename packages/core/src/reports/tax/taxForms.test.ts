import { Decimal } from 'decimal.js'
import { describe, expect, it } from 'vitest'
import { nyTimeToMs } from '../../calendar/newYorkTime.js'
import { ConfigError } from '../../errors/configError.js'
import { csvField } from '../internal/csvField.js'
import { testFill } from '../internal/testFill.js'
import { computeTaxReport } from './computeTaxReport.js'
import { form6781Summary } from './form6781Summary.js'
import { FORM_8949_HEADER, form8949Csv } from './form8949Csv.js'

const SPY_CALL = 'SPY   250620C00500000'
const SPXW_CALL = 'SPXW  250321C05800000'
const SPX_PUT = 'SPX   260320P05500000'
const fill = (instrumentId: string, side: 'buy' | 'sell', quantity: number, price: string, date: string) =>
  testFill({ instrumentId, side, quantity, price, timestampMs: nyTimeToMs(date, '11:00') })

// 2025 activity:
//   SPY call: buy 1 @ 2.00 Mar 1, sell @ 1.00 Mar 5 (loss 100, washed), rebuy @ 1.50 Mar 20, sell @ 3.00 Apr 1 (gain 50)
//   SPY shares: bought 2024-01-02 @ 470, sold 2025-01-03 @ 590 → long-term gain 1 200
//   SPXW call: buy @ 10.00 Mar 3, sell @ 15.00 Mar 5 → 1256 gain 500
//   SPX put: buy @ 20.00 Dec 10, marked at 25.00 on Dec 31 → 1256 gain 500
// Form 6781 for 2025: total 1 000 → 40 % short-term 400, 60 % long-term 600.
const report = computeTaxReport(
  [
    fill('SPY', 'buy', 10, '470', '2024-01-02'),
    fill('SPY', 'sell', 10, '590', '2025-01-03'),
    fill(SPY_CALL, 'buy', 1, '2.00', '2025-03-01'),
    fill(SPY_CALL, 'sell', 1, '1.00', '2025-03-05'),
    fill(SPY_CALL, 'buy', 1, '1.50', '2025-03-20'),
    fill(SPY_CALL, 'sell', 1, '3.00', '2025-04-01'),
    fill(SPXW_CALL, 'buy', 1, '10.00', '2025-03-03'),
    fill(SPXW_CALL, 'sell', 1, '15.00', '2025-03-05'),
    fill(SPX_PUT, 'buy', 1, '20.00', '2025-12-10'),
  ],
  { asOfDate: '2025-12-31', yearEndMarks: { '2025': { [SPX_PUT]: new Decimal('25') } } },
)

describe('form8949Csv', () => {
  it('writes short-term rows, then long-term rows, with the wash-sale code and amount', () => {
    const lines = form8949Csv(report.disposals, { taxYear: 2025 }).split('\r\n')
    expect(lines[0]).toBe(FORM_8949_HEADER.join(','))
    expect(lines.slice(1)).toEqual([
      '1 SPY 2025-06-20 500 Call,03/01/2025,03/05/2025,100.00,200.00,W,100.00,0.00,A (short-term)',
      '1 SPY 2025-06-20 500 Call,03/20/2025,04/01/2025,300.00,250.00,,,50.00,A (short-term)',
      '10 sh. SPY,01/02/2024,01/03/2025,5900.00,4700.00,,,1200.00,D (long-term)',
      '',
    ])
  })

  it('leaves Section 1256 contracts out and uses the boxes for unreported basis', () => {
    const csv = form8949Csv(report.disposals, { taxYear: 2025, basisReporting: 'not_reported' })
    expect(csv).not.toContain('SPXW')
    expect(csv).toContain('B (short-term)')
    expect(csv).toContain('E (long-term)')
  })

  it('marks expired options in the description', () => {
    const expiring = 'SPY   250321C00570000'
    const expired = computeTaxReport([fill(expiring, 'buy', 1, '0.50', '2025-03-21')], { asOfDate: '2025-03-21' })
    const csv = form8949Csv(expired.disposals, { taxYear: 2025 })
    expect(csv).toContain(
      '1 SPY 2025-03-21 570 Call (expired),03/21/2025,03/21/2025,0.00,50.00,,,-50.00,A (short-term)',
    )
  })

  it('quotes a field holding a comma or a quote', () => {
    expect(csvField('a,b')).toBe('"a,b"')
    expect(csvField('say "x"')).toBe('"say ""x"' + '""')
    expect(csvField('plain')).toBe('plain')
  })

  it('rejects an invalid year', () => {
    expect(() => form8949Csv(report.disposals, { taxYear: 25 })).toThrow(ConfigError)
  })
})

describe('form6781Summary', () => {
  it('nets Section 1256 results per contract and splits them 60/40', () => {
    const summary = form6781Summary(report.disposals, 2025)
    expect(summary.contracts.map((c) => [c.description, c.gainOrLoss.toString()])).toEqual([
      ['SPX 2026-03-20 5500 Put', '500'],
      ['SPXW 2025-03-21 5800 Call', '500'],
    ])
    expect(summary.totalGainOrLoss.toString()).toBe('1000')
    expect(summary.shortTermPortion.toString()).toBe('400')
    expect(summary.longTermPortion.toString()).toBe('600')
  })

  // The SPXW trade alone, held two days: gain 500 → 200 short-term (40 %), 300 long-term (60 %).
  it('splits a two-day Section 1256 gain 60/40', () => {
    const twoDays = computeTaxReport([
      fill(SPXW_CALL, 'buy', 1, '10.00', '2025-03-03'),
      fill(SPXW_CALL, 'sell', 1, '15.00', '2025-03-05'),
    ])
    const summary = form6781Summary(twoDays.disposals, 2025)
    expect(summary.shortTermPortion.toString()).toBe('200')
    expect(summary.longTermPortion.toString()).toBe('300')
  })

  it('is all zeros for a year without Section 1256 activity', () => {
    const summary = form6781Summary(report.disposals, 2024)
    expect(summary.contracts).toEqual([])
    expect(summary.totalGainOrLoss.isZero()).toBe(true)
  })
})
