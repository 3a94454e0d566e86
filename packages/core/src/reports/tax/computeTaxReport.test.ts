import { Decimal } from 'decimal.js'
import { describe, expect, it } from 'vitest'
import { nyTimeToMs } from '../../calendar/newYorkTime.js'
import { testFill } from '../internal/testFill.js'
import { ReportInputError } from '../reportInputError.js'
import { computeTaxReport } from './computeTaxReport.js'
import { sameUnderlying } from './substantiallyIdentical.js'

const SPY_CALL = 'SPY   250620C00500000'
const at = (date: string, hhmm = '10:00') => nyTimeToMs(date, hhmm)
const buy = (instrumentId: string, quantity: number, price: string, date: string, extra: object = {}) =>
  testFill({ instrumentId, side: 'buy', quantity, price, timestampMs: at(date), ...extra })
const sell = (instrumentId: string, quantity: number, price: string, date: string, extra: object = {}) =>
  testFill({ instrumentId, side: 'sell', quantity, price, timestampMs: at(date), ...extra })

describe('computeTaxReport: wash sales', () => {
  // Buy 1 SPY call at 2.00 on Mar 1 ($200), sell at 1.00 on Mar 5 ($100): a $100 loss.
  // Rebuy at 1.50 on Mar 20 ($150), 15 days later: inside the 30-day window, so the loss is disallowed (code W,
  // adjustment 100, reported gain 0) and added to the replacement: basis 150 + 100 = $250 (2.50 a share).
  // The sold lot was held Mar 1 → Mar 5 (4 days); the replacement's holding period starts 4 days before Mar 20.
  it('disallows the loss and carries it into the replacement lot', () => {
    const report = computeTaxReport([
      buy(SPY_CALL, 1, '2.00', '2025-03-01', { fillId: 'B1' }),
      sell(SPY_CALL, 1, '1.00', '2025-03-05'),
      buy(SPY_CALL, 1, '1.50', '2025-03-20', { fillId: 'B2' }),
    ])
    const [sale] = report.disposals
    expect(sale?.proceeds.toString()).toBe('100')
    expect(sale?.costBasis.toString()).toBe('200')
    expect(sale?.washSaleDisallowed.toString()).toBe('100')
    expect(sale?.gainOrLoss.toString()).toBe('0')
    expect(sale?.term).toBe('short_term')
    const [replacement] = report.openLots
    expect(replacement?.openFillId).toBe('B2')
    expect(replacement?.basis.toString()).toBe('250')
    expect(replacement?.washSaleAdjustment.toString()).toBe('100')
    expect(replacement?.holdingPeriodStartDate).toBe('2025-03-16')
  })

  // Continue: sell the replacement on Apr 1 at 3.00 ($300): gain 300 − 250 = $50.
  it('realises the carried loss when the replacement is sold', () => {
    const report = computeTaxReport([
      buy(SPY_CALL, 1, '2.00', '2025-03-01'),
      sell(SPY_CALL, 1, '1.00', '2025-03-05'),
      buy(SPY_CALL, 1, '1.50', '2025-03-20'),
      sell(SPY_CALL, 1, '3.00', '2025-04-01'),
    ])
    expect(report.disposals[1]?.costBasis.toString()).toBe('250')
    expect(report.disposals[1]?.gainOrLoss.toString()).toBe('50')
    expect(report.openLots).toEqual([])
  })

  // Buy 2 at 3.00 on Mar 3 ($600), sell both at 2.00 on Mar 10 ($400): loss $200, $100 a contract.
  // Rebuy only 1 at 2.20 on Mar 25: 1 of the 2 loss contracts is replaced, so $100 is disallowed and $100 allowed.
  // Replacement basis 220 + 100 = $320.
  it('disallows only the replaced quantity', () => {
    const report = computeTaxReport([
      buy(SPY_CALL, 2, '3.00', '2025-03-03'),
      sell(SPY_CALL, 2, '2.00', '2025-03-10'),
      buy(SPY_CALL, 1, '2.20', '2025-03-25'),
    ])
    const [sale] = report.disposals
    expect(sale?.washSaleDisallowed.toString()).toBe('100')
    expect(sale?.gainOrLoss.toString()).toBe('-100')
    expect(report.openLots[0]?.basis.toString()).toBe('320')
  })

  // Replacement larger than the loss: buy 1 at 2.00 Mar 1, sell at 1.00 Mar 5, rebuy 3 at 1.50 Mar 6.
  // One of the 3 new contracts carries the $100 (lot B2.1, basis 250); the other 2 keep basis 150 each.
  it('splits a replacement lot bigger than the loss', () => {
    const report = computeTaxReport([
      buy(SPY_CALL, 1, '2.00', '2025-03-01'),
      sell(SPY_CALL, 1, '1.00', '2025-03-05'),
      buy(SPY_CALL, 3, '1.50', '2025-03-06', { fillId: 'B2' }),
    ])
    expect(report.openLots.map((lot) => [lot.lotId, lot.quantity, lot.basis.toString()])).toEqual([
      ['B2.1', 1, '250'],
      ['B2', 2, '300'],
    ])
  })

  // A purchase within 30 days BEFORE the sale replaces too: buy A at 2.00 Mar 1, buy B at 1.50 Mar 10, sell 1 (FIFO:
  // lot A) at 1.00 Mar 15 → $100 loss disallowed into B (basis 250).
  it('uses a lot bought in the 30 days before the sale and still held', () => {
    const report = computeTaxReport([
      buy(SPY_CALL, 1, '2.00', '2025-03-01', { fillId: 'A' }),
      buy(SPY_CALL, 1, '1.50', '2025-03-10', { fillId: 'B' }),
      sell(SPY_CALL, 1, '1.00', '2025-03-15'),
    ])
    expect(report.disposals[0]?.lotId).toBe('A')
    expect(report.disposals[0]?.washSaleDisallowed.toString()).toBe('100')
    expect(report.openLots[0]?.basis.toString()).toBe('250')
  })

  // The window is 30 calendar days each side, inclusive: Mar 5 + 30 = Apr 4 washes; Apr 5 (31 days) does not.
  it('counts 30 calendar days inclusive', () => {
    const run = (rebuyDate: string) =>
      computeTaxReport([
        buy(SPY_CALL, 1, '2.00', '2025-03-01'),
        sell(SPY_CALL, 1, '1.00', '2025-03-05'),
        buy(SPY_CALL, 1, '1.50', rebuyDate),
      ]).disposals[0]?.washSaleDisallowed.toString()
    expect(run('2025-04-04')).toBe('100')
    expect(run('2025-04-05')).toBe('0')
  })

  it('treats a different strike as not identical by default and as identical under sameUnderlying', () => {
    const otherStrike = 'SPY   250620C00505000'
    const fills = [
      buy(SPY_CALL, 1, '2.00', '2025-03-01'),
      sell(SPY_CALL, 1, '1.00', '2025-03-05'),
      buy(otherStrike, 1, '1.50', '2025-03-06'),
    ]
    expect(computeTaxReport(fills).disposals[0]?.washSaleDisallowed.toString()).toBe('0')
    const broad = computeTaxReport(fills, { substantiallyIdentical: sameUnderlying })
    expect(broad.disposals[0]?.washSaleDisallowed.toString()).toBe('100')
  })
})

describe('computeTaxReport: lots, terms and commissions', () => {
  // Commissions: buy 1 at 2.00 + 0.65 → basis 200.65; sell at 2.50 − 0.65 → proceeds 249.35; gain 48.70.
  it('adds buy commissions to basis and deducts sell commissions from proceeds', () => {
    const [sale] = computeTaxReport([
      buy(SPY_CALL, 1, '2.00', '2025-03-03', { commission: '0.65' }),
      sell(SPY_CALL, 1, '2.50', '2025-03-04', { commission: '0.65' }),
    ]).disposals
    expect(sale?.costBasis.toString()).toBe('200.65')
    expect(sale?.proceeds.toString()).toBe('249.35')
    expect(sale?.gainOrLoss.toString()).toBe('48.7')
  })

  // Buy 1 sh at 100 (L1), 1 sh at 120 (L2), sell 1 at 130: FIFO sells L1 (gain 30); specific ID of L2 gains 10.
  it('sells the oldest lot by default and the named lot under specific identification', () => {
    const fills = [
      buy('SPY', 1, '100', '2025-02-03', { fillId: 'L1' }),
      buy('SPY', 1, '120', '2025-02-04', { fillId: 'L2' }),
      sell('SPY', 1, '130', '2025-02-05', { fillId: 'S1' }),
    ]
    expect(computeTaxReport(fills).disposals[0]?.gainOrLoss.toString()).toBe('30')
    const specific = computeTaxReport(fills, { specificLots: { S1: [{ openFillId: 'L2', quantity: 1 }] } })
    expect(specific.disposals[0]?.lotId).toBe('L2')
    expect(specific.disposals[0]?.gainOrLoss.toString()).toBe('10')
    expect(specific.openLots[0]?.lotId).toBe('L1')
    expect(() => computeTaxReport(fills, { specificLots: { S1: [{ openFillId: 'L9', quantity: 1 }] } })).toThrow(
      ReportInputError,
    )
  })

  // Held more than one year is long-term: bought 2024-01-02, sold 2025-01-03 → long; sold 2025-01-02 → short.
  it('is long-term only after the one-year anniversary', () => {
    const term = (soldOn: string) =>
      computeTaxReport([buy('SPY', 10, '470', '2024-01-02'), sell('SPY', 10, '590', soldOn)]).disposals[0]?.term
    expect(term('2025-01-03')).toBe('long_term')
    expect(term('2025-01-02')).toBe('short_term')
  })

  // Sell to open 1 SPY put at 1.20 on Mar 3 ($120), buy to close at 0.40 on Mar 4 ($40): gain $80, short-term.
  // Form 8949 wants the closing purchase date as "date acquired" and the opening sale date as "date sold".
  it('reports a short option from opening sale to closing purchase, short-term', () => {
    const put = 'SPY   250620P00480000'
    const [close] = computeTaxReport([sell(put, 1, '1.20', '2025-03-03'), buy(put, 1, '0.40', '2025-03-04')]).disposals
    expect(close?.direction).toBe('short')
    expect(close?.proceeds.toString()).toBe('120')
    expect(close?.costBasis.toString()).toBe('40')
    expect(close?.gainOrLoss.toString()).toBe('80')
    expect(close?.term).toBe('short_term')
    expect(close?.dateAcquired).toBe('2025-03-04')
    expect(close?.dateSold).toBe('2025-03-03')
  })

  // A 0DTE SPY call bought at 0.50 and held through expiry on 2025-03-21: sold at 0 that day, loss $50.
  // A 0DTE put written at 0.30 and left to expire: bought back at 0, gain $30, short-term.
  it('disposes of options held through expiry at zero on the expiry date', () => {
    const call = 'SPY   250321C00570000'
    const put = 'SPY   250321P00560000'
    const report = computeTaxReport([buy(call, 1, '0.50', '2025-03-21'), sell(put, 1, '0.30', '2025-03-21')], {
      asOfDate: '2025-03-31',
    })
    const expired = report.disposals.map((d) => [d.kind, d.closedDate, d.gainOrLoss.toString(), d.term])
    expect(expired).toEqual([
      ['expiration', '2025-03-21', '-50', 'short_term'],
      ['expiration', '2025-03-21', '30', 'short_term'],
    ])
    expect(report.openLots).toEqual([])
  })

  it('rejects paper and live fills mixed in one report', () => {
    const live = { ...buy('SPY', 1, '100', '2025-03-03'), mode: 'live' as const }
    expect(() => computeTaxReport([buy('SPY', 1, '100', '2025-03-03'), live])).toThrow(/mix paper and live/)
  })

  it('rejects a fill on a contract after its expiry', () => {
    const call = 'SPY   250321C00570000'
    expect(() => computeTaxReport([buy(call, 1, '0.50', '2025-03-24')])).toThrow(ReportInputError)
  })
})

describe('computeTaxReport: Section 1256', () => {
  const SPXW_CALL = 'SPXW  250321C05800000'
  const SPX_PUT = 'SPX   260320P05500000'

  // SPXW call bought at 10.00 on Mar 3 ($1 000), sold at 15.00 on Mar 5 ($1 500): held 2 days, gain $500, all of it
  // Section 1256 (60/40 on Form 6781), not short-term.
  it('classifies broad-based index options as Section 1256 whatever the holding period', () => {
    const [sale] = computeTaxReport([
      buy(SPXW_CALL, 1, '10.00', '2025-03-03'),
      sell(SPXW_CALL, 1, '15.00', '2025-03-05'),
    ]).disposals
    expect(sale?.term).toBe('section_1256')
    expect(sale?.gainOrLoss.toString()).toBe('500')
  })

  // A 1256 loss followed by a rebuy within days is not a wash sale.
  it('does not apply the wash-sale rule to Section 1256 contracts', () => {
    const report = computeTaxReport([
      buy(SPXW_CALL, 1, '10.00', '2025-03-03'),
      sell(SPXW_CALL, 1, '8.00', '2025-03-04'),
      buy(SPXW_CALL, 1, '7.00', '2025-03-05'),
    ])
    expect(report.disposals[0]?.washSaleDisallowed.toString()).toBe('0')
    expect(report.disposals[0]?.gainOrLoss.toString()).toBe('-200')
    expect(report.openLots[0]?.basis.toString()).toBe('700')
  })

  // SPX put (expiring 2026) bought at 20.00 on 2025-12-10 ($2 000), open on Dec 31 with fair value 25.00:
  // marked to market → 2025 gain $500, basis reset to $2 500. Sold 2026-01-15 at 22.00 → 2026 loss $300.
  it('marks open positions to market at year end and measures the next year from the mark', () => {
    const fills = [buy(SPX_PUT, 1, '20.00', '2025-12-10'), sell(SPX_PUT, 1, '22.00', '2026-01-15')]
    const report = computeTaxReport(fills, { yearEndMarks: { '2025': { [SPX_PUT]: new Decimal('25.00') } } })
    expect(report.disposals.map((d) => [d.kind, d.taxYear, d.gainOrLoss.toString()])).toEqual([
      ['mark_to_market', 2025, '500'],
      ['sale', 2026, '-300'],
    ])
    expect(() => computeTaxReport(fills)).toThrow(/yearEndMarks\.2025/)
  })

  it('leaves ETF options and shares out of Section 1256', () => {
    const report = computeTaxReport([buy(SPY_CALL, 1, '1', '2025-03-03'), sell(SPY_CALL, 1, '2', '2025-03-05')])
    expect(report.disposals[0]?.term).toBe('short_term')
  })
})
