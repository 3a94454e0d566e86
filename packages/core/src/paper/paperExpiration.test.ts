import { describe, expect, test } from 'vitest'
import { zeroCommissionModel } from './commissionModel.js'
import { d, intent, paperHarness, SPX_INDEX, SPY_SHARES, spxw, spy } from './internal/paperTestKit.js'

const SPXW_EXPIRES = Date.UTC(2025, 10, 21, 21, 0) // 16:00 New York (EST)
const SPY_EXPIRES = Date.UTC(2025, 10, 21, 21, 15) // 16:15 New York
const options = { commission: zeroCommissionModel(), startingCash: 200_000 }

describe('index options settle in cash', () => {
  test('an SPXW call spread pays its intrinsic value against the last SPX value', async () => {
    const h = await paperHarness(options)
    h.quote(spxw(6000), 5, 5.2)
    h.quote(spxw(6010), 1, 1.2)
    await h.broker.placeOrder(
      intent(
        'v',
        [
          [spxw(6000), 'buy'],
          [spxw(6010), 'sell'],
        ],
        { limitPrice: d('4.2') },
      ),
    )
    const cashAfterEntry = h.latestAccount().cash
    h.quote(SPX_INDEX, 6004.5, 6004.5)
    h.clock.advanceTo(SPXW_EXPIRES - 1)
    expect(h.latestPositions()).toHaveLength(2)
    h.clock.advanceTo(SPXW_EXPIRES)
    expect(h.latestPositions()).toEqual([])
    expect(h.latestAccount().cash.minus(cashAfterEntry).toString()).toBe('450')
    const settlement = h.fills.filter((fill) => fill.clientOrderId === 'expiration:SPXW:2025-11-21')
    expect(settlement.map((fill) => [fill.side, fill.price.toString()])).toEqual([
      ['sell', '4.5'],
      ['buy', '0'],
    ])
  })

  test('without an index value, settlement waits for the next one instead of guessing', async () => {
    const h = await paperHarness(options)
    h.quote(spxw(6000, 'put'), 3, 3.2)
    await h.broker.placeOrder(intent('p', [[spxw(6000, 'put'), 'buy']], { limitPrice: d('3.2') }))
    h.clock.advanceTo(SPXW_EXPIRES + 1000)
    expect(h.latestPositions()).toHaveLength(1)
    h.quote(SPX_INDEX, 5990, 5990)
    expect(h.latestPositions()).toEqual([])
    expect(h.fills.at(-1)?.price.toString()).toBe('10')
  })
})

describe('ETF options are exercised and assigned into shares', () => {
  test('an in-the-money long call becomes +100 shares per contract bought at the strike', async () => {
    const h = await paperHarness(options)
    h.quote(spy(500), 3.1, 3.2)
    await h.broker.placeOrder(intent('c', [[spy(500), 'buy']], { quantity: 2, limitPrice: d('3.2') }))
    const cash = h.latestAccount().cash
    h.quote(SPY_SHARES, 503.21, 503.23)
    h.clock.advanceTo(SPY_EXPIRES)
    expect(h.latestPositions()).toMatchObject([{ instrumentId: 'SPY', side: 'long', quantity: 200, multiplier: 1 }])
    expect(h.latestPositions()[0]?.averagePrice.toString()).toBe('500')
    expect(cash.minus(h.latestAccount().cash).toString()).toBe('100000')
  })

  test('a short put in the money is assigned; its long wing expires worthless', async () => {
    const h = await paperHarness(options)
    h.quote(spy(495, 'put'), 0.5, 0.55)
    h.quote(spy(505, 'put'), 5, 5.1)
    await h.broker.placeOrder(
      intent(
        'bull-put',
        [
          [spy(495, 'put'), 'buy'],
          [spy(505, 'put'), 'sell'],
        ],
        { limitPrice: d('-4.45') },
      ),
    )
    h.quote(SPY_SHARES, 500, 500.02)
    h.clock.advanceTo(SPY_EXPIRES)
    expect(h.latestPositions()).toMatchObject([{ instrumentId: 'SPY', side: 'long', quantity: 100 }])
    expect(h.latestPositions()[0]?.averagePrice.toString()).toBe('505')
  })

  test('out of the money expires worthless and ATM is not exercised', async () => {
    const h = await paperHarness(options)
    h.quote(spy(510), 0.1, 0.12)
    h.quote(spy(500, 'put'), 0.4, 0.45)
    await h.broker.placeOrder(intent('otm', [[spy(510), 'buy']], { limitPrice: d('0.12') }))
    await h.broker.placeOrder(intent('atm', [[spy(500, 'put'), 'buy']], { limitPrice: d('0.45') }))
    const cash = h.latestAccount().cash
    h.quote(SPY_SHARES, 500, 500)
    h.clock.advanceTo(SPY_EXPIRES)
    expect(h.latestPositions()).toEqual([])
    expect(h.latestAccount().cash.toString()).toBe(cash.toString())
    expect(h.latestAccount().realizedPnl.toString()).toBe('-57')
  })

  test('one cent in the money is exercised (OCC exercise by exception)', async () => {
    const h = await paperHarness(options)
    h.quote(spy(500), 0.4, 0.45)
    await h.broker.placeOrder(intent('c', [[spy(500), 'buy']], { limitPrice: d('0.45') }))
    h.quote(SPY_SHARES, 500, 500.02)
    h.clock.advanceTo(SPY_EXPIRES)
    expect(h.latestPositions()).toMatchObject([{ instrumentId: 'SPY', quantity: 100 }])
  })
})

describe('orders on expiring series', () => {
  test('working orders end as expired at the expiration instant', async () => {
    const h = await paperHarness(options)
    h.quote(spxw(6000), 5, 5.2)
    await h.broker.placeOrder(intent('w', [[spxw(6000), 'buy']], { limitPrice: d('1') }))
    h.clock.advanceTo(SPXW_EXPIRES)
    expect(h.last('w')).toMatchObject({ status: 'expired', reason: expect.stringContaining('expired') })
  })

  test('an order on an expired contract is rejected', async () => {
    const h = await paperHarness(options, SPXW_EXPIRES + 60_000)
    h.quote(spxw(6000), 0, 0.05)
    const order = await h.broker.placeOrder(intent('late', [[spxw(6000), 'buy']], { limitPrice: d('0.05') }))
    expect(order).toMatchObject({ status: 'rejected', reason: expect.stringContaining('expired') })
  })
})
