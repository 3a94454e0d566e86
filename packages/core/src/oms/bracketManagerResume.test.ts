import { describe, expect, it } from 'vitest'
import type { BracketOrder } from '../orders/bracketOrder.js'
import { BracketManagerError } from './bracketManagerError.js'
import { setup, single, ticks, vertical } from './testing/fixtures/bracketHarness.js'

// A restart here ends the process's order manager and bracket manager (their in-memory state is gone) and starts
// new ones on the same journal and the same paper broker account, as a crashed process would find them.
describe.each([single, vertical])('BracketManager.resume with a $name', (structure) => {
  it('re-attaches after a restart: keeps the resting stop, keeps the cooldown, numbers on and takes profit', async () => {
    const h = await setup()
    await h.market(structure, 2)
    const bracket = h.bracket(structure, 2)
    await h.manager.submit(bracket)
    await h.settle()
    await h.market(structure, 3.05, { toBroker: false })
    await h.tick()
    const firstTakeProfit = h.oms.order('b1.tp.1')
    expect(firstTakeProfit).toMatchObject({ status: 'cancelled', filledQuantity: 0 })
    await h.restart()
    expect(h.manager.brackets()).toEqual([])
    const status = h.manager.resume(bracket)
    expect(status).toMatchObject({
      phase: 'protected',
      entryFilledQuantity: 2,
      exitFilledQuantity: 0,
      openQuantity: 2,
      stopLossOrderId: 'b1.sl.2',
      exitOrderIds: ['b1.sl.1', 'b1.tp.1', 'b1.sl.2'],
      takeProfitUnfilledAttempts: 1,
      takeProfitRetryAtMs: (firstTakeProfit?.updatedAtMs ?? 0) + 5000,
    })
    await h.settle()
    expect(h.history).toEqual([])
    // The book now fills the target, but the cooldown carried over from before the restart still runs.
    await h.market(structure, 3.05)
    await h.tick()
    await h.tick()
    expect(h.oms.order('b1.tp.2')).toBeUndefined()
    expect(h.oms.order('b1.sl.2')?.status).toBe('submitted')
    await ticks(h, 3)
    expect(h.oms.order('b1.sl.2')?.status).toBe('cancelled')
    expect(h.oms.order('b1.tp.2')).toMatchObject({ status: 'filled', filledQuantity: 2, closesOrderId: 'b1' })
    expect(h.oms.order('b1.sl.3')).toBeUndefined()
    expect(h.oms.positions()).toEqual([])
    expect(h.manager.brackets()).toMatchObject([
      { phase: 'done', endReason: 'closed', exitOrderIds: ['b1.sl.1', 'b1.tp.1', 'b1.sl.2', 'b1.tp.2'] },
    ])
    const ids = h.oms.orders().map((o) => o.clientOrderId)
    expect(new Set(ids).size).toBe(ids.length)
    expect(h.mostExitsWorking()).toBe(1)
  })

  it('ends a resumed bracket whose stop filled while the process was down, sending nothing', async () => {
    const h = await setup()
    await h.market(structure, 2)
    const bracket = h.bracket(structure, 2)
    await h.manager.submit(bracket)
    await h.settle()
    await h.restart(() => h.market(structure, 1.45))
    expect(h.oms.order('b1.sl.1')).toMatchObject({ status: 'filled', filledQuantity: 2 })
    expect(h.manager.resume(bracket)).toMatchObject({
      phase: 'done',
      endReason: 'closed',
      exitFilledQuantity: 2,
      openQuantity: 0,
    })
    await h.market(structure, 3.05)
    await h.tick()
    expect(h.history).toEqual([])
    expect(h.oms.positions()).toEqual([])
  })
})

describe('BracketManager.resume', () => {
  it('resizes a stop the entry outgrew while the process was down', async () => {
    const h = await setup({ maxLossPerOrder: 2000 })
    await h.market(single, 2, { askSize: 2 })
    const bracket = h.bracket(single, 5)
    await h.manager.submit(bracket)
    await h.settle()
    expect(h.oms.order('b1.sl.1')).toMatchObject({ status: 'submitted', quantity: 2 })
    await h.restart(() => h.market(single, 2, { askSize: 2 }))
    expect(h.oms.order('b1')?.filledQuantity).toBe(4)
    expect(h.manager.resume(bracket)).toMatchObject({
      phase: 'unprotected',
      openQuantity: 4,
      stopLossOrderId: 'b1.sl.1',
    })
    await h.settle()
    expect(h.oms.order('b1.sl.1')?.status).toBe('cancelled')
    expect(h.oms.order('b1.sl.2')).toMatchObject({ status: 'submitted', quantity: 4, closesOrderId: 'b1' })
    expect(h.manager.brackets()).toMatchObject([{ phase: 'protected', openQuantity: 4, stopLossOrderId: 'b1.sl.2' }])
    expect(h.mostExitsWorking()).toBe(1)
  })

  it('places the stop for a resumed entry that filled only after the restart', async () => {
    const h = await setup()
    await h.market(single, 3)
    const bracket = h.bracket(single, 2)
    await h.manager.submit(bracket)
    await h.settle()
    await h.restart()
    expect(h.manager.resume(bracket)).toMatchObject({ phase: 'awaiting_fill', exitOrderIds: [] })
    await h.market(single, 2)
    expect(h.oms.order('b1')?.filledQuantity).toBe(2)
    expect(h.oms.order('b1.sl.1')).toMatchObject({ status: 'submitted', quantity: 2 })
    expect(h.manager.brackets()).toMatchObject([{ phase: 'protected', stopLossOrderId: 'b1.sl.1' }])
  })

  it('refuses an entry the order manager does not know, and a bracket already tracked', async () => {
    const h = await setup()
    await h.market(single, 2)
    expect(() => h.manager.resume(h.bracket(single, 1, 'never-sent'))).toThrow(
      expect.objectContaining({ name: 'BracketManagerError', reason: 'unknown_entry', groupId: 'never-sent' }),
    )
    const bracket = h.bracket(single, 2)
    await h.manager.submit(bracket)
    expect(() => h.manager.resume(bracket)).toThrow(expect.objectContaining({ reason: 'already_tracked' }))
    await h.restart()
    h.manager.resume(bracket)
    expect(() => h.manager.resume(bracket)).toThrow(BracketManagerError)
    expect(h.manager.brackets().map((s) => s.groupId)).toEqual(['b1'])
  })

  it('refuses a bracket whose entry differs, or whose prices did not survive JSON, without tracking it', async () => {
    const h = await setup()
    await h.market(single, 2)
    const bracket = h.bracket(single, 2)
    await h.manager.submit(bracket)
    await h.settle()
    await h.restart()
    expect(() => h.manager.resume(h.bracket(single, 3))).toThrow(
      expect.objectContaining({ reason: 'entry_mismatch', details: expect.stringContaining('quantity 2 vs 3') }),
    )
    expect(() => h.manager.resume(h.bracket(vertical, 2))).toThrow(
      expect.objectContaining({ reason: 'entry_mismatch' }),
    )
    const fromJson = JSON.parse(JSON.stringify(bracket)) as BracketOrder
    expect(() => h.manager.resume(fromJson)).toThrow(expect.objectContaining({ reason: 'invalid_bracket' }))
    expect(h.manager.brackets()).toEqual([])
    expect(h.manager.resume(bracket).phase).toBe('protected')
  })

  it('refuses to submit an entry already sent (pointing to resume), and to resume after stop', async () => {
    const h = await setup()
    await h.market(single, 2)
    const bracket = h.bracket(single, 2)
    await h.manager.submit(bracket)
    await h.settle()
    await h.restart()
    await expect(h.manager.submit(bracket)).rejects.toMatchObject({
      reason: 'duplicate_client_order_id',
      shortMessage: expect.stringContaining('resume()'),
    })
    expect(h.manager.brackets()).toEqual([])
    await h.manager.stop()
    expect(() => h.manager.resume(bracket)).toThrow(expect.objectContaining({ reason: 'not_running' }))
  })
})

describe('BracketManager.resume with two working stops', () => {
  it('manages the latest and cancels the superseded one, so one exit works', async () => {
    const h = await setup()
    await h.market(single, 2)
    const bracket = h.bracket(single, 2)
    await h.manager.submit(bracket)
    await h.settle()
    // A stop the journal never saw (placed at the broker by another client under the bracket's naming).
    await h.restart(async () => {
      await h.broker.placeOrder({ ...bracket.stopLoss, clientOrderId: 'b1.sl.5', quantity: 2 })
    })
    expect(h.oms.order('b1.sl.5')).toMatchObject({ status: 'submitted', external: true })
    expect(h.manager.resume(bracket)).toMatchObject({
      stopLossOrderId: 'b1.sl.5',
      exitOrderIds: ['b1.sl.1', 'b1.sl.5'],
    })
    await h.settle()
    expect(h.oms.order('b1.sl.1')?.status).toBe('cancelled')
    expect(h.oms.order('b1.sl.5')?.status).toBe('submitted')
    expect(h.manager.brackets()).toMatchObject([{ phase: 'protected', stopLossOrderId: 'b1.sl.5' }])
  })
})
