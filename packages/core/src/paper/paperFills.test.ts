import { describe, expect, test } from 'vitest'
import { zeroCommissionModel } from './commissionModel.js'
import { d, intent, paperHarness, spy } from './internal/paperTestKit.js'

const call = spy(500)
const zero = { commission: zeroCommissionModel() }

describe('marketable orders', () => {
  test('a buy limit above the ask fills at the ask, a market sell at the bid', async () => {
    const h = await paperHarness(zero)
    h.quote(call, 1.2, 1.25)
    const buy = await h.broker.placeOrder(intent('b1', [[call, 'buy']], { quantity: 2, limitPrice: d('1.3') }))
    expect(buy.status).toBe('submitted')
    expect(h.last('b1')).toMatchObject({ status: 'filled', filledQuantity: 2 })
    expect(h.last('b1')?.averageFillPrice?.toString()).toBe('1.25')
    await h.broker.placeOrder(intent('s1', [[call, 'sell']], { type: 'MKT' }))
    expect(h.fills.map((fill) => [fill.side, fill.price.toString(), fill.quantity])).toEqual([
      ['buy', '1.25', 2],
      ['sell', '1.2', 1],
    ])
    expect(h.latestPositions()).toMatchObject([{ side: 'long', quantity: 1 }])
  })

  test('cash moves by price × quantity × multiplier', async () => {
    const h = await paperHarness(zero)
    h.quote(call, 1.2, 1.25)
    await h.broker.placeOrder(intent('b1', [[call, 'buy']], { quantity: 3, type: 'MKT' }))
    expect(h.latestAccount().cash.toString()).toBe('99625')
    expect(h.latestAccount().equity.toString()).toBe('99992.5')
  })

  test('a market order without a quote is rejected at acknowledgement', async () => {
    const h = await paperHarness(zero)
    const order = await h.broker.placeOrder(intent('m1', [[call, 'buy']], { type: 'MKT' }))
    expect(order).toMatchObject({ status: 'rejected', reason: expect.stringContaining('no quote to estimate') })
  })
})

describe('resting limits', () => {
  test('rest until the far touch reaches the limit, then fill at the limit', async () => {
    const h = await paperHarness(zero)
    h.quote(call, 1.2, 1.3)
    await h.broker.placeOrder(intent('r1', [[call, 'buy']], { limitPrice: d('1.22') }))
    h.quote(call, 1.15, 1.23)
    expect(h.last('r1')?.status).toBe('submitted')
    h.quote(call, 1.1, 1.18)
    expect(h.last('r1')).toMatchObject({ status: 'filled' })
    expect(h.fills[0]?.price.toString()).toBe('1.22')
  })

  test('a resting sell fills at its limit when the bid rises through it', async () => {
    const h = await paperHarness(zero)
    h.quote(call, 1.2, 1.3)
    await h.broker.placeOrder(intent('buy', [[call, 'buy']], { type: 'MKT' }))
    await h.broker.placeOrder(intent('r2', [[call, 'sell']], { limitPrice: d('1.4') }))
    h.quote(call, 1.45, 1.5)
    expect(h.fills.at(-1)?.price.toString()).toBe('1.4')
    expect(h.latestPositions()).toEqual([])
  })
})

describe('partial fills against displayed size', () => {
  test('fills what is displayed and keeps working a DAY remainder', async () => {
    const h = await paperHarness(zero)
    h.quote(call, 1.2, 1.25, 10, 2)
    await h.broker.placeOrder(intent('p1', [[call, 'buy']], { quantity: 5, limitPrice: d('1.25') }))
    expect(h.last('p1')).toMatchObject({ status: 'partially_filled', filledQuantity: 2 })
    h.quote(call, 1.2, 1.25, 10, 1)
    expect(h.last('p1')).toMatchObject({ status: 'partially_filled', filledQuantity: 3 })
    h.quote(call, 1.2, 1.24, 10, 10)
    expect(h.last('p1')).toMatchObject({ status: 'filled', filledQuantity: 5 })
    expect(h.fills.map((fill) => fill.quantity)).toEqual([2, 1, 2])
    expect(h.last('p1')?.averageFillPrice?.toString()).toBe('1.25')
  })

  test('an IOC remainder is cancelled and the fills stay', async () => {
    const h = await paperHarness(zero)
    h.quote(call, 1.2, 1.25, 10, 2)
    await h.broker.placeOrder(intent('i1', [[call, 'buy']], { quantity: 5, limitPrice: d('1.25'), timeInForce: 'IOC' }))
    expect(h.last('i1')).toMatchObject({ status: 'cancelled', filledQuantity: 2, reason: 'IOC remainder cancelled' })
    expect(h.orders.filter((o) => o.clientOrderId === 'i1').map((o) => o.status)).toEqual([
      'pending',
      'submitted',
      'partially_filled',
      'cancelled',
    ])
  })

  test('two orders cannot take the same displayed size', async () => {
    const h = await paperHarness(zero)
    h.quote(call, 1.2, 1.25, 10, 3)
    await h.broker.placeOrder(intent('a', [[call, 'buy']], { quantity: 2, limitPrice: d('1.25') }))
    await h.broker.placeOrder(intent('b', [[call, 'buy']], { quantity: 2, limitPrice: d('1.25') }))
    expect(h.last('a')?.filledQuantity).toBe(2)
    expect(h.last('b')?.filledQuantity).toBe(1)
  })
})

test('a market order arriving after the displayed size was taken waits for the next quote', async () => {
  const h = await paperHarness(zero)
  h.quote(call, 1.2, 1.25, 10, 2)
  await h.broker.placeOrder(intent('first', [[call, 'buy']], { quantity: 2, type: 'MKT' }))
  const second = await h.broker.placeOrder(intent('second', [[call, 'buy']], { quantity: 1, type: 'MKT' }))
  expect(second.status).toBe('submitted')
  expect(h.last('second')?.filledQuantity).toBe(0)
  h.quote(call, 1.2, 1.26, 10, 2)
  expect(h.last('second')).toMatchObject({ status: 'filled' })
  expect(h.fills.at(-1)?.price.toString()).toBe('1.26')
})

describe('slippage', () => {
  test('ticks worsen a marketable fill; the limit caps it', async () => {
    const h = await paperHarness({ ...zero, slippage: { kind: 'ticks', ticks: 2 } })
    h.quote(call, 1.2, 1.25)
    await h.broker.placeOrder(intent('m', [[call, 'buy']], { type: 'MKT' }))
    await h.broker.placeOrder(intent('l', [[call, 'buy']], { limitPrice: d('1.26') }))
    await h.broker.placeOrder(intent('s', [[call, 'sell']], { type: 'MKT' }))
    expect(h.fills.map((fill) => fill.price.toString())).toEqual(['1.27', '1.26', '1.18'])
  })

  test('a fraction of the spread, rounded up to the tick', async () => {
    const h = await paperHarness({ ...zero, slippage: { kind: 'spread_fraction', fraction: 0.25 } })
    h.quote(call, 1.2, 1.3)
    await h.broker.placeOrder(intent('m', [[call, 'buy']], { type: 'MKT' }))
    expect(h.fills[0]?.price.toString()).toBe('1.33')
  })

  test('resting fills take no slippage', async () => {
    const h = await paperHarness({ ...zero, slippage: { kind: 'ticks', ticks: 5 } })
    h.quote(call, 1.2, 1.3)
    await h.broker.placeOrder(intent('r', [[call, 'buy']], { limitPrice: d('1.21') }))
    h.quote(call, 1.1, 1.2)
    expect(h.fills[0]?.price.toString()).toBe('1.21')
  })
})

describe('latency', () => {
  test('an order is acknowledged and eligible only after latencyMs on the clock', async () => {
    const h = await paperHarness({ ...zero, latencyMs: 250 })
    h.quote(call, 1.2, 1.25)
    const placed = h.broker.placeOrder(intent('l1', [[call, 'buy']], { type: 'MKT' }))
    expect(h.last('l1')?.status).toBe('pending')
    h.clock.advanceBy(249)
    expect(h.last('l1')?.status).toBe('pending')
    h.quote(call, 1.3, 1.35)
    h.clock.advanceBy(1)
    await expect(placed).resolves.toMatchObject({ status: 'submitted', updatedAtMs: h.clock.now() })
    expect(h.fills[0]?.price.toString()).toBe('1.35')
  })

  test('a cancel also waits for the latency, and a fill can win the race', async () => {
    const h = await paperHarness({ ...zero, latencyMs: 100 })
    h.quote(call, 1.2, 1.3)
    const placed = h.broker.placeOrder(intent('c1', [[call, 'buy']], { limitPrice: d('1.25') }))
    h.clock.advanceBy(100)
    await placed
    const cancelled = h.broker.cancelOrder('c1')
    h.quote(call, 1.2, 1.24)
    h.clock.advanceBy(100)
    await expect(cancelled).resolves.toMatchObject({ status: 'filled' })
  })
})

describe('stops', () => {
  test('a sell stop triggers when the bid touches it and fills at the bid', async () => {
    const h = await paperHarness(zero)
    h.quote(call, 2, 2.1)
    await h.broker.placeOrder(intent('buy', [[call, 'buy']], { type: 'MKT' }))
    await h.broker.placeOrder(intent('sl', [[call, 'sell']], { type: 'STP', stopPrice: d('1.5') }))
    h.quote(call, 1.55, 1.65)
    expect(h.last('sl')?.status).toBe('submitted')
    h.quote(call, 1.45, 1.55)
    expect(h.last('sl')).toMatchObject({ status: 'filled' })
    expect(h.fills.at(-1)?.price.toString()).toBe('1.45')
  })

  test('a buy stop-limit triggers on the ask and then works as a limit', async () => {
    const h = await paperHarness(zero)
    h.quote(call, 1, 1.1)
    await h.broker.placeOrder(
      intent('sl', [[call, 'buy']], { type: 'STP_LMT', stopPrice: d('1.5'), limitPrice: d('1.55') }),
    )
    h.quote(call, 1.5, 1.6)
    expect(h.last('sl')).toMatchObject({ status: 'submitted', filledQuantity: 0 })
    h.quote(call, 1.5, 1.55)
    expect(h.last('sl')).toMatchObject({ status: 'filled' })
    expect(h.fills[0]?.price.toString()).toBe('1.55')
  })

  test('a stop triggers on a touch with no displayed size and fills when size appears', async () => {
    const h = await paperHarness(zero)
    h.quote(call, 1, 1.1)
    await h.broker.placeOrder(intent('bs', [[call, 'buy']], { type: 'STP', stopPrice: d('1.5') }))
    h.quote(call, 1.45, 1.5, 10, 0)
    expect(h.last('bs')).toMatchObject({ status: 'submitted', filledQuantity: 0 })
    h.quote(call, 1.3, 1.4, 10, 5)
    expect(h.last('bs')).toMatchObject({ status: 'filled' })
    expect(h.fills[0]?.price.toString()).toBe('1.4')
  })
})
