import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Decimal } from 'decimal.js'
import { afterEach, describe, expect, it } from 'vitest'
import { putCreditSpread } from '../risk/testing/fixtures/riskFixtures.js'
import type { Fill } from '../trading/types.js'
import { createJournal } from './journal.js'
import { JournalError } from './journalError.js'
import type { JournalStore } from './journalStore.js'
import { createMemoryJournalStore } from './memoryJournalStore.js'
import { replayJournal } from './replayJournal.js'
import { createSqliteJournalStore } from './sqliteJournalStore.js'

const dirs: string[] = []
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})

function tempPath(): string {
  const dir = mkdtempSync(join(tmpdir(), 'journal-'))
  dirs.push(dir)
  return join(dir, 'journal.sqlite')
}

const clock = { now: () => 1_750_000_000_000 }

function fill(fillId: string, clientOrderId = 'a'): Fill {
  return {
    fillId,
    clientOrderId,
    instrumentId: 'SPY   250620P00595000',
    side: 'sell',
    quantity: 1,
    price: new Decimal('2.05'),
    commission: new Decimal('0.65'),
    timestampMs: 1,
    mode: 'paper',
  }
}

const stores: [string, () => JournalStore][] = [
  ['memory', () => createMemoryJournalStore()],
  ['sqlite', () => createSqliteJournalStore({ path: tempPath() })],
]

describe.each(stores)('journal over the %s store', (_name, makeStore) => {
  it('assigns increasing sequence numbers in call order, even for concurrent appends', async () => {
    const journal = createJournal({ store: makeStore(), clock, mode: 'paper' })
    const intents = Array.from({ length: 20 }, () => putCreditSpread(595, 5, 1.2))
    const outcomes = await Promise.all(
      intents.map((intent) => journal.append({ kind: 'intent', intent, purpose: 'entry' })),
    )
    expect(outcomes.map((o) => (o.appended ? o.seq : -1))).toEqual(Array.from({ length: 20 }, (_, i) => i + 1))
    const read = await journal.read()
    expect(read.map((e) => e.record.kind === 'intent' && e.record.intent.clientOrderId)).toEqual(
      intents.map((i) => i.clientOrderId),
    )
    await journal.close()
  })

  it('round-trips decimals exactly', async () => {
    const journal = createJournal({ store: makeStore(), clock, mode: 'paper' })
    const intent = { ...putCreditSpread(595, 5, 1.2), limitPrice: new Decimal('-1.23456789012345678901') }
    await journal.append({ kind: 'intent', intent, purpose: 'entry' })
    await journal.append({ kind: 'fill', fill: fill('f1') })
    const [first, second] = await journal.read()
    expect(first?.record.kind === 'intent' && first.record.intent.limitPrice?.toString()).toBe(
      '-1.23456789012345678901',
    )
    expect(second?.record.kind === 'fill' && second.record.fill.price.equals('2.05')).toBe(true)
    expect(first?.mode).toBe('paper')
    await journal.close()
  })

  it('refuses a second intent for the same client order id and a second fill for the same fill id', async () => {
    const journal = createJournal({ store: makeStore(), clock, mode: 'paper' })
    const intent = putCreditSpread(595, 5, 1.2)
    expect((await journal.append({ kind: 'intent', intent, purpose: 'entry' })).appended).toBe(true)
    expect(await journal.append({ kind: 'intent', intent, purpose: 'exit' })).toEqual({
      appended: false,
      duplicate: 'intent',
    })
    expect((await journal.append({ kind: 'fill', fill: fill('f1') })).appended).toBe(true)
    expect(await journal.append({ kind: 'fill', fill: fill('f1') })).toEqual({ appended: false, duplicate: 'fill' })
    expect(await journal.read()).toHaveLength(2)
    await journal.close()
  })

  it('reads only after a sequence number', async () => {
    const journal = createJournal({ store: makeStore(), clock, mode: 'paper' })
    for (const id of ['f1', 'f2', 'f3']) await journal.append({ kind: 'fill', fill: fill(id) })
    expect((await journal.read(2)).map((e) => e.seq)).toEqual([3])
    await journal.close()
  })
})

describe('sqlite journal store', () => {
  it('keeps records across reopen and continues the sequence', async () => {
    const path = tempPath()
    const first = createJournal({ store: createSqliteJournalStore({ path }), clock, mode: 'paper' })
    await first.append({ kind: 'fill', fill: fill('f1') })
    await first.close()
    const second = createJournal({ store: createSqliteJournalStore({ path }), clock, mode: 'paper' })
    expect((await second.append({ kind: 'fill', fill: fill('f2') })).appended).toBe(true)
    expect((await second.read()).map((e) => e.seq)).toEqual([1, 2])
    expect(await second.append({ kind: 'fill', fill: fill('f1') })).toEqual({ appended: false, duplicate: 'fill' })
    await second.close()
  })

  it('refuses to read a journal written in another mode', async () => {
    const path = tempPath()
    const paper = createJournal({ store: createSqliteJournalStore({ path }), clock, mode: 'paper' })
    await paper.append({ kind: 'fill', fill: fill('f1') })
    await paper.close()
    const live = createJournal({ store: createSqliteJournalStore({ path }), clock, mode: 'live' })
    await expect(live.read()).rejects.toMatchObject({ reason: 'mode_mismatch', seq: 1 })
    await live.close()
  })

  it('reports a corrupt record as a JournalError', async () => {
    const store = createMemoryJournalStore()
    await store.append({
      timestampMs: 0,
      mode: 'paper',
      kind: 'fill',
      clientOrderId: null,
      fillId: 'x',
      payload: '{"kind":"fill"}',
    })
    const journal = createJournal({ store, clock, mode: 'paper' })
    await expect(journal.read()).rejects.toBeInstanceOf(JournalError)
  })
})

describe('replayJournal', () => {
  it('keeps the latest order state, the first record per fill id and the latest risk state', async () => {
    const journal = createJournal({ store: createMemoryJournalStore(), clock, mode: 'paper' })
    const intent = putCreditSpread(595, 5, 1.2)
    const order = {
      ...intent,
      status: 'submitted' as const,
      filledQuantity: 0,
      averageFillPrice: null,
      createdAtMs: 1,
      updatedAtMs: 1,
    }
    await journal.append({
      kind: 'baseline',
      baseline: { accountId: 'P1', cash: new Decimal(1000), positions: [], fillIds: [] },
    })
    await journal.append({ kind: 'intent', intent, purpose: 'entry' })
    await journal.append({ kind: 'order', order })
    await journal.append({
      kind: 'order',
      order: { ...order, status: 'filled', filledQuantity: 1, averageFillPrice: new Decimal(-1.2) },
    })
    await journal.append({ kind: 'fill', fill: fill('f1', intent.clientOrderId) })
    await journal.append({
      kind: 'risk_state',
      state: { status: 'halted', cause: 'kill_switch', note: '', sinceMs: 5 },
    })
    const replay = replayJournal(await journal.read())
    expect(replay.baseline?.cash.toNumber()).toBe(1000)
    expect(replay.intents.get(intent.clientOrderId)?.purpose).toBe('entry')
    expect(replay.orders.get(intent.clientOrderId)?.status).toBe('filled')
    expect(replay.fills.map((f) => f.fillId)).toEqual(['f1'])
    expect(replay.riskState?.status).toBe('halted')
    expect(replay.lastSeq).toBe(6)
  })
})
