import { Decimal } from 'decimal.js'
import { describe, expect, it } from 'vitest'
import { equity } from '../instruments/instrument.js'
import type { OrderIntent } from '../trading/types.js'
import type { OrderPurpose } from './orderPurpose.js'
import type { RiskContext, RiskExposure } from './riskContext.js'
import { parseRiskLimits, type RiskLimitsInput } from './riskLimits.js'
import type { RiskStatus } from './riskState.js'
import { runRiskChecks } from './runRiskChecks.js'
import { at, exposure, intent, leg, market, position, putCreditSpread, spy } from './testing/fixtures/riskFixtures.js'

const priced = market([
  { instrument: spy(595), mark: 2.0, delta: -0.3, gamma: 0.05 },
  { instrument: spy(590), mark: 0.8, delta: -0.15, gamma: 0.03 },
  { instrument: spy(600, 'call'), mark: 3.0, delta: 0.5, gamma: 0.08 },
  { instrument: spy(605, 'call'), mark: 1.0, delta: 0.25, gamma: 0.05 },
  { instrument: spy(595, 'put', '2025-06-27'), mark: 4.0, delta: -0.3, gamma: 0.02 },
])

function ctx(
  order: OrderIntent,
  fields: {
    purpose?: OrderPurpose
    exposure?: RiskExposure
    limits?: RiskLimitsInput
    nowMs?: number
    status?: RiskStatus
    recentEntriesMs?: number[]
  } = {},
): RiskContext {
  return {
    intent: order,
    purpose: fields.purpose ?? 'entry',
    exposure: fields.exposure ?? exposure(),
    market: priced,
    limits: parseRiskLimits(fields.limits ?? {}),
    nowMs: fields.nowMs ?? at('10:00'),
    status: fields.status ?? 'active',
    mode: 'paper',
    recentEntriesMs: fields.recentEntriesMs ?? [],
  }
}

const code = (context: RiskContext) => runRiskChecks(context)?.code

describe('runRiskChecks', () => {
  it('accepts a defined-risk spread within every limit', () => {
    expect(runRiskChecks(ctx(putCreditSpread(595, 5, 1.2)))).toBeUndefined()
  })

  it('rejects malformed intents', () => {
    expect(code(ctx(putCreditSpread(595, 5, 1.2, 0)))).toBe('invalid_intent')
    expect(code(ctx(intent([])))).toBe('invalid_intent')
    expect(code(ctx(intent([leg(spy(595), 'sell'), leg(spy(595), 'buy')])))).toBe('invalid_intent')
    expect(code(ctx(intent([leg(spy(600, 'call'), 'buy')], { limitPrice: 0 })))).toBe('invalid_intent')
    const noLimit = { ...intent([leg(spy(600, 'call'), 'buy')]), limitPrice: undefined }
    expect(code(ctx(noLimit))).toBe('invalid_intent')
  })

  it('rejects an intent stamped with another mode', () => {
    expect(code(ctx(intent([leg(spy(600, 'call'), 'buy')], { mode: 'live', limitPrice: 3 })))).toBe('mode_mismatch')
  })

  it('refuses entries when reducing or halted but lets exits through', () => {
    const held = exposure({ positions: [position(spy(600, 'call'), 2)] })
    const entry = intent([leg(spy(600, 'call'), 'buy')], { limitPrice: 3 })
    const exit = intent([leg(spy(600, 'call'), 'sell')], { limitPrice: 3 })
    expect(code(ctx(entry, { status: 'reducing', exposure: held }))).toBe('reducing_only')
    expect(code(ctx(entry, { status: 'halted', exposure: held }))).toBe('halted')
    expect(code(ctx(exit, { status: 'reducing', exposure: held, purpose: 'exit' }))).toBeUndefined()
    expect(code(ctx(exit, { status: 'halted', exposure: held, purpose: 'exit' }))).toBeUndefined()
  })

  it('refuses exits that open or flip a position, counting other working exits', () => {
    const held = [position(spy(600, 'call'), 5)]
    const sell = (quantity: number) => intent([leg(spy(600, 'call'), 'sell')], { limitPrice: 3, quantity })
    expect(code(ctx(sell(5), { purpose: 'exit', exposure: exposure({ positions: held }) }))).toBeUndefined()
    expect(code(ctx(sell(6), { purpose: 'exit', exposure: exposure({ positions: held }) }))).toBe('not_reducing')
    const working = exposure({
      positions: held,
      workingOrders: [{ intent: sell(4), purpose: 'exit', remainingQuantity: 4 }],
    })
    expect(code(ctx(sell(1), { purpose: 'exit', exposure: working }))).toBeUndefined()
    expect(code(ctx(sell(2), { purpose: 'exit', exposure: working }))).toBe('not_reducing')
    const buy = intent([leg(spy(600, 'call'), 'buy')], { limitPrice: 3 })
    expect(code(ctx(buy, { purpose: 'exit', exposure: exposure({ positions: held }) }))).toBe('not_reducing')
    expect(code(ctx(sell(1), { purpose: 'exit' }))).toBe('not_reducing')
  })

  it('lets exits past the 0DTE cutoff and every entry limit', () => {
    const held = exposure({ positions: [position(spy(600, 'call'), 50)], buyingPower: 0 })
    const exit = intent([leg(spy(600, 'call'), 'sell')], { limitPrice: 3, quantity: 50 })
    expect(
      code(
        ctx(exit, {
          purpose: 'exit',
          exposure: held,
          nowMs: at('15:55'),
          recentEntriesMs: Array(50).fill(at('15:55')),
        }),
      ),
    ).toBeUndefined()
  })

  it('limits contracts per leg', () => {
    expect(code(ctx(putCreditSpread(595, 5, 1.2, 11)))).toBe('contracts_per_order')
    const ratio = intent([leg(spy(600, 'call'), 'buy'), leg(spy(605, 'call'), 'sell', 2)], {
      quantity: 6,
      limitPrice: 1,
    })
    expect(code(ctx(ratio, { limits: { allowUndefinedRisk: true } }))).toBe('contracts_per_order')
  })

  it('refuses new 0DTE entries at and after the cutoff but not before, nor in later expiries', () => {
    expect(code(ctx(putCreditSpread(595, 5, 1.2), { nowMs: at('15:29') }))).toBeUndefined()
    expect(code(ctx(putCreditSpread(595, 5, 1.2), { nowMs: at('15:30') }))).toBe('zero_dte_cutoff')
    expect(
      code(ctx(putCreditSpread(595, 5, 1.2), { nowMs: at('15:00'), limits: { zeroDteEntryCutoff: '14:45' } })),
    ).toBe('zero_dte_cutoff')
    const weekly = intent([leg(spy(595, 'put', '2025-06-27'), 'buy')], { limitPrice: 4 })
    expect(code(ctx(weekly, { nowMs: at('15:45') }))).toBeUndefined()
  })

  it('refuses expired contracts', () => {
    expect(code(ctx(putCreditSpread(595, 5, 1.2), { nowMs: at('10:00', '2025-06-23') }))).toBe('expired_instrument')
  })

  it('limits entries per rolling window', () => {
    const now = at('10:00')
    const recent = Array.from({ length: 10 }, (_, i) => now - 59_000 + i)
    expect(code(ctx(putCreditSpread(595, 5, 1.2), { recentEntriesMs: recent }))).toBe('rate_limit')
    expect(code(ctx(putCreditSpread(595, 5, 1.2), { recentEntriesMs: recent, nowMs: now + 1_000 }))).toBeUndefined()
  })

  it('limits gross premium per order', () => {
    // 595 put at 2.00 and 590 put at 0.80: 280 per spread gross
    expect(code(ctx(putCreditSpread(595, 5, 1.2, 2), { limits: { maxNotionalPerOrder: 559 } }))).toBe(
      'notional_per_order',
    )
    expect(code(ctx(putCreditSpread(595, 5, 1.2, 2), { limits: { maxNotionalPerOrder: 560 } }))).toBeUndefined()
  })

  it('limits the order maximum loss and refuses undefined risk by default', () => {
    expect(code(ctx(putCreditSpread(595, 5, 1.2, 3), { limits: { maxLossPerOrder: 1139 } }))).toBe('max_loss_per_order')
    expect(code(ctx(putCreditSpread(595, 5, 1.2, 3), { limits: { maxLossPerOrder: 1140 } }))).toBeUndefined()
    const nakedCall = intent([leg(spy(600, 'call'), 'sell')], { limitPrice: 3 })
    expect(code(ctx(nakedCall))).toBe('undefined_risk')
  })

  it('limits instruments per symbol and in total, counting working entries', () => {
    const positions = [position(spy(600, 'call'), 1), position(spy(605, 'call'), -1)]
    const working = [{ intent: putCreditSpread(595, 5, 1.2), purpose: 'entry' as const, remainingQuantity: 1 }]
    const order = intent([leg(spy(595, 'put', '2025-06-27'), 'buy')], { limitPrice: 4 })
    const full = exposure({ positions, workingOrders: working })
    expect(code(ctx(order, { exposure: full, limits: { maxPositionsPerSymbol: 4 } }))).toBe('positions_per_symbol')
    expect(code(ctx(order, { exposure: full, limits: { maxPositionsPerSymbol: 5 } }))).toBeUndefined()
    expect(code(ctx(order, { exposure: full, limits: { maxPositionsTotal: 4 } }))).toBe('positions_total')
  })

  it('charges working entries against buying power', () => {
    const working = [{ intent: putCreditSpread(595, 5, 1.2, 2), purpose: 'entry' as const, remainingQuantity: 2 }]
    // working: 2 × 380 = 760 reserved; new order needs 380
    expect(
      code(ctx(putCreditSpread(595, 5, 1.2), { exposure: exposure({ workingOrders: working, buyingPower: 1139 }) })),
    ).toBe('buying_power')
    expect(
      code(ctx(putCreditSpread(595, 5, 1.2), { exposure: exposure({ workingOrders: working, buyingPower: 1140 }) })),
    ).toBeUndefined()
  })

  it('caps portfolio dollar delta and gamma including the order', () => {
    // long 600 call: delta 0.5 × 100 × 600 = 30 000 $ per contract; gamma 0.08 × 100 × 600² × 0.01 = 28 800
    const call = intent([leg(spy(600, 'call'), 'buy')], { limitPrice: 3, quantity: 2 })
    const existing = exposure({ positions: [position(spy(600, 'call'), 3)] })
    expect(
      code(ctx(call, { exposure: existing, limits: { maxPortfolioDeltaDollars: 149_999, maxLossPerOrder: 10_000 } })),
    ).toBe('portfolio_delta')
    expect(
      code(ctx(call, { exposure: existing, limits: { maxPortfolioDeltaDollars: 150_000, maxLossPerOrder: 10_000 } })),
    ).toBeUndefined()
    expect(
      code(ctx(call, { exposure: existing, limits: { maxPortfolioGammaDollars: 143_999, maxLossPerOrder: 10_000 } })),
    ).toBe('portfolio_gamma')
  })

  it('fails closed on missing marks and greeks', () => {
    const unknown = intent([leg(spy(610, 'call'), 'buy')], { type: 'MKT' })
    expect(code(ctx(unknown))).toBe('missing_market_data')
    const heldWithoutGreeks = exposure({ positions: [position(spy(620, 'call'), 1)] })
    expect(code(ctx(putCreditSpread(595, 5, 1.2), { exposure: heldWithoutGreeks }))).toBe('missing_market_data')
  })

  it('counts shares with delta one', () => {
    const shares = intent([leg(equity('SPY'), 'buy')], { quantity: 100, limitPrice: 600 })
    expect(
      code(
        ctx(shares, {
          limits: {
            maxContractsPerOrder: 100,
            maxNotionalPerOrder: 100_000,
            maxLossPerOrder: 100_000,
            maxPortfolioDeltaDollars: 59_999,
          },
        }),
      ),
    ).toBe('portfolio_delta')
  })

  it('reads a single-leg sell price as a credit', () => {
    // short 595 put at 2.00: max loss (595 − 2) × 100 = 59 300
    const shortPut = intent([leg(spy(595), 'sell')], { limitPrice: 2 })
    expect(runRiskChecks(ctx(shortPut, { limits: { maxLossPerOrder: 59_299 } }))?.actual).toBe('59300.00')
    expect(code(ctx(shortPut, { limits: { maxLossPerOrder: 59_300, maxPortfolioGammaDollars: 1e9 } }))).toBeUndefined()
  })

  it('values a single-leg limit order at the higher of limit and mark', () => {
    const buy = intent([leg(spy(600, 'call'), 'buy')], { limitPrice: new Decimal(5), quantity: 2 })
    expect(code(ctx(buy, { limits: { maxNotionalPerOrder: 999 } }))).toBe('notional_per_order')
    expect(code(ctx(buy, { limits: { maxNotionalPerOrder: 1000 } }))).toBeUndefined()
  })
})
