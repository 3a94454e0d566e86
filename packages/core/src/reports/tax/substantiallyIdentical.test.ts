import { describe, expect, it } from 'vitest'
import { nyTimeToMs } from '../../calendar/newYorkTime.js'
import { testFill } from '../internal/testFill.js'
import { instrumentFromId } from '../portfolio/instrumentResolver.js'
import { computeTaxReport } from './computeTaxReport.js'
import { sameContract, sameUnderlying, substantiallyIdentical } from './substantiallyIdentical.js'

const side = (instrumentId: string) => ({ instrumentId, instrument: instrumentFromId(instrumentId) })
const fill = (instrumentId: string, s: 'buy' | 'sell', price: string, date: string) =>
  testFill({ instrumentId, side: s, quantity: 1, price, timestampMs: nyTimeToMs(date, '12:00') })

describe('substantially identical predicates', () => {
  it('matches only the same contract by default', () => {
    expect(sameContract(side('SPY   250620C00500000'), side('SPY   250620C00500000'))).toBe(true)
    expect(sameContract(side('SPY   250620C00500000'), side('SPY   250620C00505000'))).toBe(false)
  })

  it('matches shares and calls of one underlying, not puts, under the broad rule', () => {
    expect(sameUnderlying(side('SPY'), side('SPY   250620C00500000'))).toBe(true)
    expect(sameUnderlying(side('SPY   250620P00500000'), side('SPY   250719P00450000'))).toBe(true)
    expect(sameUnderlying(side('SPY   250620P00500000'), side('SPY   250620C00500000'))).toBe(false)
    expect(sameUnderlying(side('SPY'), side('QQQ'))).toBe(false)
  })

  // A plain function without a bucket works too (every lot in the window is tested): here, any put on the same
  // underlying. Sell put A at a $100 loss, buy put B (other strike) 3 days later → $100 disallowed.
  it('accepts a custom predicate with or without a search bucket', () => {
    const anyPut = (a: ReturnType<typeof side>, b: ReturnType<typeof side>) =>
      a.instrument.kind === 'option' && b.instrument.kind === 'option' && b.instrument.right === 'put'
    const fills = [
      fill('SPY   250620P00500000', 'buy', '3.00', '2025-03-03'),
      fill('SPY   250620P00500000', 'sell', '2.00', '2025-03-04'),
      fill('SPY   250620P00490000', 'buy', '1.00', '2025-03-07'),
    ]
    const plain = computeTaxReport(fills, { substantiallyIdentical: anyPut })
    expect(plain.disposals[0]?.washSaleDisallowed.toString()).toBe('100')
    const bucketed = computeTaxReport(fills, {
      substantiallyIdentical: substantiallyIdentical(anyPut, ({ instrument }) =>
        instrument.kind === 'option' ? instrument.underlying : instrument.symbol,
      ),
    })
    expect(bucketed.disposals[0]?.washSaleDisallowed.toString()).toBe('100')
  })

  // Short side, mirrored: sell to open a put at 1.00 (Mar 3), buy to close at 2.00 (Mar 5): loss $100. Sell to open
  // the same put again at 1.50 on Mar 10 → $100 disallowed and carried to the new short lot; closing it at 0.50
  // then costs 50 + 100 = 150 against proceeds of 150: gain 0.
  it('applies the rule to short positions closed at a loss and reopened', () => {
    const put = 'SPY   250620P00480000'
    const report = computeTaxReport([
      fill(put, 'sell', '1.00', '2025-03-03'),
      fill(put, 'buy', '2.00', '2025-03-05'),
      fill(put, 'sell', '1.50', '2025-03-10'),
      fill(put, 'buy', '0.50', '2025-03-20'),
    ])
    expect(
      report.disposals.map((d) => [d.washSaleDisallowed.toString(), d.costBasis.toString(), d.gainOrLoss.toString()]),
    ).toEqual([
      ['100', '200', '0'],
      ['0', '150', '0'],
    ])
  })
})
