import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { Decimal } from 'decimal.js'
import { afterAll, expect, test } from 'vitest'
import { sqlitePaperBrokerStore } from './sqlitePaperBrokerStore.js'

const here = fileURLToPath(new URL('.', import.meta.url))
const dir = mkdtempSync(join(tmpdir(), 'paper-crash-'))
const dbPath = join(dir, 'paper.db')
afterAll(() => rmSync(dir, { recursive: true, force: true }))

// A worker that trades as fast as it can on the wall clock, persisting to SQLite, until it is killed.
const WORKER = `
const { Subject } = await import('rxjs')
const { Decimal } = await import('decimal.js')
const { wallClock } = await import(${JSON.stringify(join(here, '../clock/clock.ts'))})
const { optionContract } = await import(${JSON.stringify(join(here, '../instruments/instrument.ts'))})
const { instrumentId } = await import(${JSON.stringify(join(here, '../instruments/instrumentId.ts'))})
const { createPaperBroker } = await import(${JSON.stringify(join(here, 'createPaperBroker.ts'))})
const { sqlitePaperBrokerStore } = await import(${JSON.stringify(join(here, 'sqlitePaperBrokerStore.ts'))})
const legs = [500, 505].map((strike) => optionContract({ root: 'SPY', expiry: '2030-12-20', strike, right: 'call' }))
const quotes = new Subject()
const clock = wallClock()
const broker = createPaperBroker({ clock, quotes$: quotes, store: sqlitePaperBrokerStore({ path: process.argv[1], synchronous: 'NORMAL' }), startingCash: 1000000 })
await broker.connect()
process.stdout.write('ready\\n')
let n = 0
const run = process.pid
for (;;) {
  n++
  for (const [i, leg] of legs.entries()) {
    const bid = 1 + i * 0.5 + (n % 7) / 100
    quotes.next({ instrumentId: instrumentId(leg), bid, ask: bid + 0.03, bidSize: 1 + (n % 4), askSize: 1 + (n % 3), timestampMs: clock.now() })
  }
  const side = n % 3 === 0 ? 'sell' : 'buy'
  const leg = legs[n % 2]
  await broker.placeOrder({ clientOrderId: run + '-' + n, legs: [{ instrument: leg, side, ratio: 1 }], quantity: 1 + (n % 3), type: n % 4 === 0 ? 'LMT' : 'MKT', ...(n % 4 === 0 ? { limitPrice: new Decimal('1.01') } : {}), timeInForce: 'DAY', mode: 'paper' }).catch(() => undefined)
  if (n % 5 === 0) await broker.placeOrder({ clientOrderId: run + '-s' + n, legs: [{ instrument: legs[0], side: 'buy', ratio: 1 }, { instrument: legs[1], side: 'sell', ratio: 1 }], quantity: 2, type: 'LMT', limitPrice: new Decimal('0.6'), timeInForce: 'DAY', mode: 'paper' }).catch(() => undefined)
  if (n % 50 === 0) await new Promise((resolve) => setImmediate(resolve))
}
`

function runAndKill(afterMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', WORKER, dbPath], {
      cwd: join(here, '../../../..'),
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let errors = ''
    child.stderr.on('data', (chunk) => {
      errors += String(chunk)
    })
    child.stdout.on('data', (chunk) => {
      if (String(chunk).includes('ready')) setTimeout(() => child.kill('SIGKILL'), afterMs)
    })
    child.on('exit', (_code, signal) =>
      signal === 'SIGKILL' ? resolve() : reject(new Error(`worker exited: ${errors}`)),
    )
  })
}

function checkConsistent(): number {
  const store = sqlitePaperBrokerStore({ path: dbPath })
  try {
    const state = store.load('PAPER')
    if (!state) throw new Error('no account stored')
    const flows = state.fills.reduce((sum, fill) => {
      const notional = fill.price.times(fill.quantity).times(100)
      return (fill.side === 'buy' ? sum.minus(notional) : sum.plus(notional)).minus(fill.commission)
    }, new Decimal(0))
    expect(state.account.cash.toString()).toBe(state.account.startingCash.plus(flows).toString())
    const net = new Map<string, number>()
    for (const fill of state.fills)
      net.set(
        fill.instrumentId,
        (net.get(fill.instrumentId) ?? 0) + (fill.side === 'buy' ? fill.quantity : -fill.quantity),
      )
    for (const [id, quantity] of net) {
      const position = state.positions.find((p) => p.position.instrumentId === id)?.position
      expect(position ? (position.side === 'long' ? position.quantity : -position.quantity) : 0).toBe(quantity)
    }
    for (const { order } of state.orders) {
      const units = state.fills
        .filter((f) => f.clientOrderId === order.clientOrderId)
        .reduce((s, f) => s + f.quantity, 0)
      expect(units).toBe(order.filledQuantity * order.legs.length)
    }
    return state.fills.length
  } finally {
    store.close()
  }
}

test('a paper account killed with SIGKILL mid-trading restarts consistent', async () => {
  let fills = 0
  for (const afterMs of [150, 400, 250]) {
    await runAndKill(afterMs)
    const now = checkConsistent()
    expect(now).toBeGreaterThanOrEqual(fills)
    fills = now
  }
  expect(fills).toBeGreaterThan(0)
}, 60_000)
