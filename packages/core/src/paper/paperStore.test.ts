import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, test } from 'vitest'
import { zeroCommissionModel } from './commissionModel.js'
import { paperStoreCodec } from './internal/paperStoreCodec.js'
import { d, intent, paperHarness, spy } from './internal/paperTestKit.js'
import { memoryPaperBrokerStore } from './memoryPaperBrokerStore.js'
import type { PaperBrokerStore } from './paperBrokerStore.js'
import { sqlitePaperBrokerStore } from './sqlitePaperBrokerStore.js'

const dirs: string[] = []
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})

function tempDb(): string {
  const dir = mkdtempSync(join(tmpdir(), 'paper-store-'))
  dirs.push(dir)
  return join(dir, 'paper.db')
}

const call = spy(500)

async function tradeThenRestart(store: PaperBrokerStore) {
  const first = await paperHarness({ store, latencyMs: 0 })
  first.quote(call, 1.2, 1.25, 10, 2)
  await first.broker.placeOrder(intent('a', [[call, 'buy']], { quantity: 3, limitPrice: d('1.25') }))
  await first.broker.placeOrder(intent('b', [[call, 'buy']], { limitPrice: d('1.1') }))
  const before = await first.broker.reconcile()
  await first.broker.close()
  const second = await paperHarness({ store, latencyMs: 0 })
  const after = await second.broker.reconcile()
  return { first, second, before, after }
}

describe.each([
  ['memory', () => memoryPaperBrokerStore()],
  ['sqlite', () => sqlitePaperBrokerStore({ path: tempDb() })],
] as const)('%s store', (_name, create) => {
  test('a restarted broker reloads orders, fills, positions and cash', async () => {
    const store = create()
    const { second, before, after } = await tradeThenRestart(store)
    expect(after.orders.map((o) => [o.clientOrderId, o.status, o.filledQuantity])).toEqual([
      ['a', 'partially_filled', 2],
      ['b', 'submitted', 0],
    ])
    expect(after.fills).toEqual(before.fills)
    expect(after.positions).toEqual(before.positions)
    expect(after.account.cash.toString()).toBe(before.account.cash.toString())
    expect(after.account.realizedPnl.toString()).toBe(before.account.realizedPnl.toString())
    second.quote(call, 1.2, 1.25, 10, 10)
    expect(second.last('a')).toMatchObject({ status: 'filled', filledQuantity: 3 })
    expect(second.fills.at(-1)?.fillId).toBe('TEST-F4')
    await expect(
      second.broker.placeOrder(intent('a', [[call, 'buy']], { quantity: 3, limitPrice: d('1.25') })),
    ).resolves.toMatchObject({ brokerOrderId: before.orders[0]?.brokerOrderId })
  })

  test('an order pending at the crash is acknowledged after the restart', async () => {
    const store = create()
    const first = await paperHarness({ store, latencyMs: 500, commission: zeroCommissionModel() })
    first.quote(call, 1.2, 1.25)
    void first.broker.placeOrder(intent('p', [[call, 'buy']], { type: 'MKT' })).catch(() => undefined)
    await first.broker.close()
    const second = await paperHarness({ store, latencyMs: 500, commission: zeroCommissionModel() })
    second.quote(call, 1.2, 1.25)
    second.clock.advanceBy(500)
    expect(second.last('p')).toMatchObject({ status: 'filled' })
    expect(second.latestPositions()).toMatchObject([{ quantity: 1 }])
  })
})

test('the SQLite store keeps the starting cash of the first run', async () => {
  const path = tempDb()
  const store = sqlitePaperBrokerStore({ path })
  const first = await paperHarness({ store, startingCash: 5000 })
  await first.broker.close()
  store.close()
  const reopened = sqlitePaperBrokerStore({ path })
  const second = await paperHarness({ store: reopened, startingCash: 999 })
  expect(second.latestAccount().cash.toString()).toBe('5000')
  reopened.close()
})

test('the codec refuses a corrupt record instead of loading it', () => {
  expect(() => paperStoreCodec.decodeFill('{"fillId":"x","price":"abc"}')).toThrow(/corrupt/)
})
