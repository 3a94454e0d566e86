import { describe, expect, it } from 'vitest'
import { ConfigError } from '../errors/configError.js'
import { RiskRejectedError } from '../risk/riskRejection.js'
import { type BracketManagerOptions, createBracketManager } from './bracketManager.js'
import { gapsMs, setup, single, T0, ticks, vertical } from './testing/fixtures/bracketHarness.js'

describe.each([single, vertical])('createBracketManager with a $name', (structure) => {
  it('rests a stop for the filled quantity; a fall through it closes the position without a take-profit', async () => {
    const h = await setup()
    await h.market(structure, 2)
    const entry = await h.manager.submit(h.bracket(structure, 2))
    expect(entry.clientOrderId).toBe('b1')
    await h.settle()
    expect(h.exits('sl')).toMatchObject([
      { clientOrderId: 'b1.sl.1', status: 'submitted', quantity: 2, purpose: 'exit', closesOrderId: 'b1' },
    ])
    expect(h.manager.brackets()).toMatchObject([{ phase: 'protected', openQuantity: 2, stopLossOrderId: 'b1.sl.1' }])
    await h.market(structure, 1.45)
    await h.tick()
    expect(h.oms.order('b1.sl.1')).toMatchObject({ status: 'filled', filledQuantity: 2 })
    expect(h.exits('tp')).toEqual([])
    expect(h.oms.positions()).toEqual([])
    expect(h.manager.brackets()).toMatchObject([{ phase: 'done', endReason: 'closed', openQuantity: 0 }])
  })

  it('cancels the stop before sending the take-profit, which closes the position; never both working', async () => {
    const h = await setup()
    await h.market(structure, 2)
    await h.manager.submit(h.bracket(structure, 2))
    await h.settle()
    await h.market(structure, 3.05)
    // The take-profit is synthetic: nothing happens until an evaluation.
    expect(h.exits('tp')).toEqual([])
    await h.tick()
    expect(h.oms.order('b1.sl.1')).toMatchObject({ status: 'cancelled', filledQuantity: 0 })
    expect(h.oms.order('b1.tp.1')).toMatchObject({ status: 'filled', filledQuantity: 2, timeInForce: 'IOC' })
    expect(h.oms.order('b1.tp.1')?.limitPrice?.toString()).toBe(structure.exitPrice(3).toString())
    const stopFinal = h.history.findIndex((o) => o.clientOrderId === 'b1.sl.1' && o.status === 'cancelled')
    const takeProfitFirst = h.history.findIndex((o) => o.clientOrderId === 'b1.tp.1')
    expect(stopFinal).toBeGreaterThanOrEqual(0)
    expect(takeProfitFirst).toBeGreaterThan(stopFinal)
    expect(h.mostExitsWorking()).toBe(1)
    expect(h.oms.positions()).toEqual([])
    expect(h.manager.brackets()).toMatchObject([{ phase: 'done', endReason: 'closed', exitFilledQuantity: 2 }])
    expect(h.statuses.map((s) => s.phase)).toContain('taking_profit')
  })
})

describe('createBracketManager', () => {
  it('resizes the stop by cancel and replace as the entry fills more', async () => {
    const h = await setup({ maxLossPerOrder: 2000 })
    await h.market(single, 2, { askSize: 2 })
    await h.manager.submit(h.bracket(single, 5))
    await h.settle()
    expect(h.oms.order('b1')).toMatchObject({ status: 'partially_filled', filledQuantity: 2 })
    expect(h.oms.order('b1.sl.1')).toMatchObject({ status: 'submitted', quantity: 2 })
    await h.market(single, 2, { askSize: 2 })
    expect(h.oms.order('b1')?.filledQuantity).toBe(4)
    expect(h.oms.order('b1.sl.1')?.status).toBe('cancelled')
    expect(h.oms.order('b1.sl.2')).toMatchObject({ status: 'submitted', quantity: 4 })
    await h.market(single, 2)
    expect(h.oms.order('b1')?.status).toBe('filled')
    expect(h.exits('sl').map((o) => [o.clientOrderId, o.status, o.quantity])).toEqual([
      ['b1.sl.1', 'cancelled', 2],
      ['b1.sl.2', 'cancelled', 4],
      ['b1.sl.3', 'submitted', 5],
    ])
    expect(h.mostExitsWorking()).toBe(1)
    expect(h.manager.brackets()).toMatchObject([{ phase: 'protected', openQuantity: 5, stopLossOrderId: 'b1.sl.3' }])
  })

  it('re-places the stop when the take-profit IOC does not fill', async () => {
    const h = await setup()
    await h.market(single, 2)
    await h.manager.submit(h.bracket(single, 2))
    await h.settle()
    // The manager's quote shows the target reached, but the broker's book has not moved: the IOC finds no buyer.
    await h.market(single, 3.05, { toBroker: false })
    await h.tick()
    expect(h.oms.order('b1.tp.1')).toMatchObject({ status: 'cancelled', filledQuantity: 0 })
    expect(h.oms.order('b1.sl.1')?.status).toBe('cancelled')
    expect(h.oms.order('b1.sl.2')).toMatchObject({ status: 'submitted', quantity: 2 })
    expect(h.mostExitsWorking()).toBe(1)
    expect(h.oms.positions()).toMatchObject([{ side: 'long', quantity: 2 }])
    expect(h.manager.brackets()).toMatchObject([{ phase: 'protected', openQuantity: 2, stopLossOrderId: 'b1.sl.2' }])
  })

  it('ends a bracket whose entry risk rejects, sending no exit', async () => {
    const h = await setup({ maxContractsPerOrder: 1 })
    await h.market(single, 2)
    await expect(h.manager.submit(h.bracket(single, 2))).rejects.toBeInstanceOf(RiskRejectedError)
    await h.tick()
    expect(h.oms.orders()).toEqual([])
    expect(h.manager.brackets()).toMatchObject([
      { phase: 'done', endReason: expect.stringContaining('contracts_per_order'), exitOrderIds: [] },
    ])
  })

  it('ends a bracket whose entry is cancelled without fills', async () => {
    const h = await setup()
    await h.market(single, 3)
    await h.manager.submit(h.bracket(single, 1))
    await h.oms.cancel('b1')
    await h.settle()
    expect(h.manager.brackets()).toMatchObject([{ phase: 'done', endReason: 'entry cancelled without fills' }])
    expect(h.exits('sl')).toEqual([])
  })

  it('refuses a group id twice and anything after stop', async () => {
    const h = await setup()
    await h.market(single, 3)
    const bracket = h.bracket(single, 1)
    await h.manager.submit(bracket)
    await expect(h.manager.submit(bracket)).rejects.toMatchObject({ reason: 'duplicate_client_order_id' })
    await h.manager.stop()
    await expect(h.manager.submit(h.bracket(single, 1, 'b2'))).rejects.toMatchObject({ reason: 'not_running' })
  })
})

describe('createBracketManager take-profit cooldown', () => {
  /** Submits a bracket of `quantity` long calls and lets the manager see the target while the book cannot fill. */
  const staleTarget = async (quantity: number, options: Partial<BracketManagerOptions> = {}) => {
    const h = await setup({ maxLossPerOrder: 2000 }, options)
    await h.market(single, 2)
    await h.manager.submit(h.bracket(single, quantity))
    await h.settle()
    await h.market(single, 3.05, { toBroker: false })
    return h
  }
  it('does not retry an unfilled take-profit before the cooldown, and retries it after', async () => {
    const h = await staleTarget(2)
    await h.tick()
    expect(h.oms.order('b1.tp.1')).toMatchObject({ status: 'cancelled', filledQuantity: 0 })
    expect(h.manager.brackets()).toMatchObject([
      { phase: 'protected', stopLossOrderId: 'b1.sl.2', takeProfitUnfilledAttempts: 1, takeProfitRetryAtMs: T0 + 6000 },
    ])
    await ticks(h, 4)
    // Four evaluations saw the target: none cancelled the resting stop.
    expect(h.exits('tp')).toHaveLength(1)
    expect(h.exits('sl').map((o) => [o.clientOrderId, o.status])).toEqual([
      ['b1.sl.1', 'cancelled'],
      ['b1.sl.2', 'submitted'],
    ])
    expect(h.statuses.some((s) => s.phase === 'taking_profit' && s.updatedAtMs > T0 + 1000)).toBe(false)
    await h.tick()
    expect(h.oms.order('b1.tp.2')).toMatchObject({ status: 'cancelled', createdAtMs: T0 + 6000 })
    expect(h.oms.order('b1.sl.3')?.status).toBe('submitted')
    expect(h.mostExitsWorking()).toBe(1)
  })

  it('doubles the wait per unfilled attempt up to the cap, bounding the orders sent', async () => {
    const h = await staleTarget(2, { takeProfitRetryMs: 5000, takeProfitRetryMaxMs: 20_000 })
    await ticks(h, 96)
    expect(gapsMs(h.exits('tp'))).toEqual([5000, 10_000, 20_000, 20_000, 20_000, 20_000])
    // One stop per attempt plus the first: 8 orders in 96 s instead of one cycle per evaluation.
    expect(h.exits('sl')).toHaveLength(8)
    expect(h.manager.brackets()).toMatchObject([
      { phase: 'protected', openQuantity: 2, takeProfitUnfilledAttempts: 7, takeProfitRetryAtMs: T0 + 116_000 },
    ])
    expect(h.mostExitsWorking()).toBe(1)
  })

  it('retries at every evaluation when takeProfitRetryMs is 0', async () => {
    const h = await staleTarget(2, { takeProfitRetryMs: 0 })
    await ticks(h, 5)
    expect(gapsMs(h.exits('tp'))).toEqual([1000, 1000, 1000, 1000])
  })

  it('starts the backoff over after a take-profit that fills something', async () => {
    const h = await staleTarget(3)
    await ticks(h, 6)
    expect(h.manager.brackets()).toMatchObject([{ takeProfitUnfilledAttempts: 2, takeProfitRetryAtMs: T0 + 16_000 }])
    await ticks(h, 9)
    // At the next attempt the book holds one contract at the target.
    await h.market(single, 3.05, { bidSize: 1 })
    await h.tick()
    expect(h.oms.order('b1.tp.3')).toMatchObject({ filledQuantity: 1, quantity: 3, createdAtMs: T0 + 16_000 })
    expect(h.manager.brackets()).toMatchObject([
      {
        phase: 'protected',
        openQuantity: 2,
        exitFilledQuantity: 1,
        takeProfitUnfilledAttempts: 0,
        takeProfitRetryAtMs: T0 + 21_000,
      },
    ])
    expect(h.oms.order('b1.sl.4')).toMatchObject({ status: 'submitted', quantity: 2 })
    // The book moves away; the manager's quote still shows the target.
    await h.market(single, 2, { toManager: false })
    await ticks(h, 5)
    expect(h.oms.order('b1.tp.4')).toMatchObject({ filledQuantity: 0, quantity: 2, createdAtMs: T0 + 21_000 })
    expect(h.manager.brackets()).toMatchObject([{ takeProfitUnfilledAttempts: 1, takeProfitRetryAtMs: T0 + 26_000 }])
  })

  it('shortens the wait back to takeProfitRetryMs once the quote drops below the target', async () => {
    const h = await staleTarget(2)
    await ticks(h, 16)
    expect(h.manager.brackets()).toMatchObject([{ takeProfitUnfilledAttempts: 3, takeProfitRetryAtMs: T0 + 36_000 }])
    await h.market(single, 2.5, { toBroker: false })
    await h.tick()
    expect(h.manager.brackets()).toMatchObject([{ takeProfitUnfilledAttempts: 0, takeProfitRetryAtMs: T0 + 21_000 }])
    await h.market(single, 3.05, { toBroker: false })
    await ticks(h, 3)
    expect(h.exits('tp')).toHaveLength(3)
    await h.tick()
    expect(h.oms.order('b1.tp.4')?.createdAtMs).toBe(T0 + 21_000)
    expect(h.manager.brackets()).toMatchObject([{ takeProfitUnfilledAttempts: 1, takeProfitRetryAtMs: T0 + 26_000 }])
  })

  it('refuses negative waits and a cap below the wait', async () => {
    const h = await setup()
    const base = { oms: h.oms, clock: h.clock, quoteOf: () => undefined }
    expect(() => createBracketManager({ ...base, takeProfitRetryMs: -1 })).toThrow(ConfigError)
    expect(() => createBracketManager({ ...base, takeProfitRetryMs: 10_000, takeProfitRetryMaxMs: 5000 })).toThrow(
      ConfigError,
    )
    expect(() => createBracketManager({ ...base, evaluateIntervalMs: 0 })).toThrow(ConfigError)
  })
})
