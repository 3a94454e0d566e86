import { describe, expect, test } from 'vitest'
import { ironCondor } from '../orders/optionStructures.js'
import { InvalidOrderError } from '../orders/orderErrors.js'
import { zeroCommissionModel } from './commissionModel.js'
import { d, intent, paperHarness, spxw, spy } from './internal/paperTestKit.js'
import { BrokerNotConnectedError, ClientOrderIdConflictError, UnknownOrderError } from './paperBrokerErrors.js'

const call = spy(500)
const zero = { commission: zeroCommissionModel() }

describe('combo orders fill as one package', () => {
  const condor = ironCondor({
    putWing: spy(490, 'put'),
    putBody: spy(495, 'put'),
    callBody: spy(505, 'call'),
    callWing: spy(510, 'call'),
    side: 'sell',
  })
  const legs = condor.legs.map((leg) => [leg.instrument, leg.side] as [typeof leg.instrument, typeof leg.side])

  async function quoted(callBodyBidSize = 9) {
    const h = await paperHarness(zero)
    h.quote(spy(490, 'put'), 0.1, 0.12, 50, 40)
    h.quote(spy(495, 'put'), 0.8, 0.84, 30, 20)
    h.quote(spy(505, 'call'), 0.9, 0.95, callBodyBidSize, 9)
    h.quote(spy(510, 'call'), 0.2, 0.23, 60, 60)
    return h
  }

  test('all legs fill at once when the net is within the limit, legs at their touches', async () => {
    const h = await quoted()
    await h.broker.placeOrder(intent('ic', legs, { quantity: 2, limitPrice: d('-1.35') }))
    expect(h.last('ic')).toMatchObject({ status: 'filled', filledQuantity: 2 })
    expect(h.last('ic')?.averageFillPrice?.toString()).toBe('-1.35')
    expect(h.fills.map((fill) => [fill.side, fill.price.toString(), fill.quantity])).toEqual([
      ['buy', '0.12', 2],
      ['sell', '0.8', 2],
      ['sell', '0.9', 2],
      ['buy', '0.23', 2],
    ])
    expect(h.latestAccount().cash.toString()).toBe('100270')
    expect(h.latestPositions()).toHaveLength(4)
  })

  test('a condor asking more credit than the legs give does not fill any leg', async () => {
    const h = await quoted()
    await h.broker.placeOrder(intent('ic', legs, { limitPrice: d('-1.4') }))
    expect(h.fills).toEqual([])
    expect(h.last('ic')?.status).toBe('submitted')
    h.quote(spy(505, 'call'), 0.96, 1, 9, 9)
    expect(h.last('ic')?.status).toBe('filled')
    const net = h.fills.reduce(
      (sum, fill) => (fill.side === 'buy' ? sum.plus(fill.price) : sum.minus(fill.price)),
      d(0),
    )
    expect(net.toString()).toBe('-1.4')
  })

  test('a leg without size holds the whole package back', async () => {
    const h = await quoted(0)
    await h.broker.placeOrder(intent('ic', legs, { limitPrice: d('-1.3') }))
    expect(h.fills).toEqual([])
    h.quote(spy(505, 'call'), 0.9, 0.95, 1, 9)
    expect(h.last('ic')?.status).toBe('filled')
    expect(h.fills).toHaveLength(4)
  })
})

describe('order life cycle', () => {
  test('placing the same client order id again returns the same order', async () => {
    const h = await paperHarness(zero)
    const first = await h.broker.placeOrder(intent('dup', [[call, 'buy']], { limitPrice: d('1') }))
    const second = await h.broker.placeOrder(intent('dup', [[call, 'buy']], { limitPrice: d('1') }))
    expect(second.brokerOrderId).toBe(first.brokerOrderId)
    expect(h.orders.filter((order) => order.status === 'pending')).toHaveLength(1)
    await expect(h.broker.placeOrder(intent('dup', [[call, 'sell']], { limitPrice: d('1') }))).rejects.toBeInstanceOf(
      ClientOrderIdConflictError,
    )
  })

  test('an invalid intent rejects the call and records nothing', async () => {
    const h = await paperHarness(zero)
    await expect(
      h.broker.placeOrder(intent('bad', [[call, 'buy']], { limitPrice: d('1.005') })),
    ).rejects.toBeInstanceOf(InvalidOrderError)
    await expect(
      h.broker.placeOrder(intent('live', [[call, 'buy']], { limitPrice: d('1'), mode: 'live' })),
    ).rejects.toThrow(/only paper orders/)
    expect(h.orders).toEqual([])
  })

  test('cancel keeps fills; cancelling a final order returns it unchanged', async () => {
    const h = await paperHarness(zero)
    h.quote(call, 1, 1.1, 10, 1)
    await h.broker.placeOrder(intent('c', [[call, 'buy']], { quantity: 3, limitPrice: d('1.1') }))
    const cancelled = await h.broker.cancelOrder('c')
    expect(cancelled).toMatchObject({ status: 'cancelled', filledQuantity: 1 })
    await expect(h.broker.cancelOrder('c')).resolves.toMatchObject({ status: 'cancelled' })
    await expect(h.broker.cancelOrder('nope')).rejects.toBeInstanceOf(UnknownOrderError)
  })

  test('modifying the limit to cross the market fills at the touch', async () => {
    const h = await paperHarness(zero)
    h.quote(call, 1, 1.1)
    await h.broker.placeOrder(intent('m', [[call, 'buy']], { quantity: 2, limitPrice: d('1') }))
    const modified = await h.broker.modifyOrder('m', { limitPrice: d('1.15') })
    expect(modified).toMatchObject({ status: 'filled' })
    expect(h.fills[0]?.price.toString()).toBe('1.1')
    await expect(h.broker.modifyOrder('m', { quantity: 3 })).rejects.toBeInstanceOf(InvalidOrderError)
  })

  test('a DAY order expires at the options close', async () => {
    const h = await paperHarness(zero)
    const spxCall = spxw(6000, 'call', '2025-11-24')
    h.quote(spxCall, 1, 1.2)
    await h.broker.placeOrder(intent('day', [[spxCall, 'buy']], { limitPrice: d('0.5') }))
    h.clock.advanceTo(Date.UTC(2025, 10, 21, 21, 14))
    expect(h.last('day')?.status).toBe('submitted')
    h.clock.advanceTo(Date.UTC(2025, 10, 21, 21, 15))
    expect(h.last('day')).toMatchObject({ status: 'expired', reason: 'DAY order ended at the close' })
  })

  test('orders before connect are refused with a retryable error', async () => {
    const h = await paperHarness(zero)
    await h.broker.close()
    await expect(h.broker.placeOrder(intent('x', [[call, 'buy']], { limitPrice: d('1') }))).rejects.toBeInstanceOf(
      BrokerNotConnectedError,
    )
  })
})

describe('buying power', () => {
  test('a long option needing more cash than the account has is rejected', async () => {
    const h = await paperHarness({ ...zero, startingCash: 1000 })
    h.quote(call, 5, 5.1)
    const order = await h.broker.placeOrder(intent('big', [[call, 'buy']], { quantity: 3, limitPrice: d('5.1') }))
    expect(order).toMatchObject({ status: 'rejected', reason: expect.stringMatching(/insufficient buying power/) })
  })

  test('a credit spread ties up its width; buying power is cash minus the requirement', async () => {
    const h = await paperHarness(zero)
    h.quote(spy(495, 'put'), 0.5, 0.55)
    h.quote(spy(500, 'put'), 1.5, 1.55)
    await h.broker.placeOrder(
      intent(
        'cs',
        [
          [spy(495, 'put'), 'buy'],
          [spy(500, 'put'), 'sell'],
        ],
        { quantity: 2, limitPrice: d('-0.95') },
      ),
    )
    const account = h.latestAccount()
    expect(account.cash.toString()).toBe('100190')
    expect(account.buyingPower.toString()).toBe('99190')
  })

  test('a naked short option is rejected unless enabled', async () => {
    const refusing = await paperHarness(zero)
    refusing.quote(call, 1, 1.1)
    const order = await refusing.broker.placeOrder(intent('naked', [[call, 'sell']], { limitPrice: d('1') }))
    expect(order).toMatchObject({ status: 'rejected', reason: expect.stringMatching(/naked/) })
    const allowing = await paperHarness({ ...zero, allowNakedShorts: true })
    allowing.quote(call, 1, 1.1)
    await expect(
      allowing.broker.placeOrder(intent('naked', [[call, 'sell']], { limitPrice: d('1') })),
    ).resolves.toMatchObject({ status: 'submitted' })
  })

  test('closing a long position is always allowed', async () => {
    const h = await paperHarness({ ...zero, startingCash: 200 })
    h.quote(call, 1.9, 2)
    await h.broker.placeOrder(intent('open', [[call, 'buy']], { type: 'MKT' }))
    expect(h.latestAccount().cash.toString()).toBe('0')
    await expect(h.broker.placeOrder(intent('close', [[call, 'sell']], { type: 'MKT' }))).resolves.toMatchObject({
      status: 'submitted',
    })
    expect(h.latestPositions()).toEqual([])
  })
})
