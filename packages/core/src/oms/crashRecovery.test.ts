// Crash recovery: a real child process runs an order manager against the paper broker (both in SQLite files) and
// is killed with SIGKILL at seeded random points, over and over. After every restart the parent reads both files
// itself and checks that no client order id was sent twice, no fill was lost or counted twice, and positions and
// cash rebuilt from the journal equal the broker's.
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'
import { nyTimeToMs } from '../calendar/newYorkTime.js'
import type { Instrument } from '../instruments/instrument.js'
import { instrumentId } from '../instruments/instrumentId.js'
import { createJournal } from '../journal/journal.js'
import { replayJournal } from '../journal/replayJournal.js'
import { createSqliteJournalStore } from '../journal/sqliteJournalStore.js'
import { sqlitePaperBrokerStore } from '../paper/sqlitePaperBrokerStore.js'
import { comparePositions } from './comparePositions.js'
import { createPositionLedger } from './positionLedger.js'

const CHILD = fileURLToPath(new URL('./testing/fixtures/crashChild.ts', import.meta.url))
const ACCOUNT_ID = 'CRASH'
const LIVES = 32
/** Processes loading ahead of the one trading. */
const PREFETCH = 2
const SEED = 20_250_618

/** Seeded PRNG (mulberry32): the kill points are random but reproducible. */
function prng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296
  }
}

interface Recovered {
  type: 'recovered'
  nextStep: number
  adopted: number
  notSent: number
  fillsAdded: number
  positionMismatches: number
  cashDifference: string
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

function startChild(dir: string, simStartMs: number, t0: number): ChildProcessWithoutNullStreams {
  return spawn(
    process.execPath,
    ['--conditions=source', '--import', 'tsx', CHILD, dir, String(simStartMs), String(t0)],
    {
      stdio: ['pipe', 'pipe', 'pipe'],
    },
  )
}

/** A child process with its protocol messages as promises. */
interface Child {
  readonly process: ChildProcessWithoutNullStreams
  readonly loaded: Promise<unknown>
  readonly recovered: Promise<Recovered>
}

/** Every process started, so a failing run leaves none behind. */
const started: ChildProcessWithoutNullStreams[] = []

function spawnChild(dir: string, simStartMs: number, t0: number): Child {
  const child = startChild(dir, simStartMs, t0)
  started.push(child)
  const stderr: string[] = []
  child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk.toString()))
  const lines = createInterface({ input: child.stdout })
  const messages: ((value: unknown) => void)[] = []
  const failures: ((error: Error) => void)[] = []
  const loaded = new Promise((resolve, reject) => {
    messages.push(resolve)
    failures.push(reject)
  })
  const recovered = new Promise<Recovered>((resolve, reject) => {
    messages.push(resolve as (value: unknown) => void)
    failures.push(reject)
  })
  loaded.catch(() => undefined)
  recovered.catch(() => undefined)
  lines.on('line', (line) => messages.shift()?.(JSON.parse(line)))
  child.once('exit', (code, signal) => {
    for (const fail of failures) fail(new Error(`child exited (${code ?? signal}): ${stderr.join('')}`))
  })
  return { process: child, loaded, recovered }
}

async function kill(child: ChildProcessWithoutNullStreams): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return
  const exited = new Promise((resolve) => child.once('exit', resolve))
  child.kill('SIGKILL')
  await exited
}

/** Reads both files and checks every invariant; returns counts for the final tally. */
async function verify(dir: string): Promise<{ fills: number; intents: number }> {
  const sent = existsSync(join(dir, 'sent.log'))
    ? readFileSync(join(dir, 'sent.log'), 'utf8').split('\n').filter(Boolean)
    : []
  const sentCount = new Map<string, number>()
  for (const id of sent) sentCount.set(id, (sentCount.get(id) ?? 0) + 1)
  const twice = [...sentCount].filter(([, n]) => n > 1)
  expect(twice, 'client order ids sent twice').toEqual([])

  const journal = createJournal({
    store: createSqliteJournalStore({ path: join(dir, 'journal.sqlite') }),
    clock: { now: () => 0 },
    mode: 'paper',
  })
  const entries = await journal.read()
  await journal.close()
  const replay = replayJournal(entries)
  const paperStore = sqlitePaperBrokerStore({ path: join(dir, 'paper.sqlite') })
  const paper = paperStore.load(ACCOUNT_ID)
  paperStore.close()
  if (paper === undefined || replay.baseline === undefined) throw new Error('no account or no baseline')

  // Orders: the broker knows only ids the journal recorded as intents, each handed to placeOrder once.
  for (const record of paper.orders) {
    expect(replay.intents.has(record.order.clientOrderId), `${record.order.clientOrderId} has an intent`).toBe(true)
    expect(sentCount.get(record.order.clientOrderId)).toBe(1)
  }
  // Every intent the broker never received was settled by recovery as not sent.
  const brokerIds = new Set(paper.orders.map((r) => r.order.clientOrderId))
  for (const id of replay.intents.keys()) {
    if (brokerIds.has(id)) continue
    expect(replay.orders.get(id)?.status, `intent ${id} unknown to the broker`).toBe('rejected')
  }

  // Fills: same ids on both sides, each journaled once.
  const journalFillRows = entries.filter((e) => e.record.kind === 'fill').length
  expect(journalFillRows).toBe(replay.fills.length)
  const journalFills = replay.fills.map((f) => f.fillId).sort()
  const brokerFills = paper.fills.map((f) => f.fillId).sort()
  expect(journalFills).toEqual(brokerFills)

  // Positions and cash rebuilt from the journal alone equal the broker's.
  const instruments = new Map<string, Instrument>()
  for (const { intent } of replay.intents.values())
    for (const leg of intent.legs) instruments.set(instrumentId(leg.instrument), leg.instrument)
  const ledger = createPositionLedger(replay.baseline)
  for (const fill of replay.fills) {
    const instrument = instruments.get(fill.instrumentId)
    if (!instrument) throw new Error(`no instrument for ${fill.instrumentId}`)
    ledger.apply(fill, instrument)
  }
  expect(
    comparePositions(
      ledger.positions(),
      paper.positions.map((p) => p.position),
    ),
  ).toEqual([])
  expect(ledger.cash.toString()).toBe(paper.account.cash.toString())
  return { fills: replay.fills.length, intents: replay.intents.size }
}

describe('crash recovery (real process, SIGKILL)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'oms-crash-'))
  afterAll(async () => {
    for (const child of started) await kill(child)
    rmSync(dir, { recursive: true, force: true })
  })

  it(`survives ${LIVES} kills at random points without duplicate orders or lost fills`, async () => {
    const random = prng(SEED)
    const simStartMs = nyTimeToMs('2025-06-18', '10:00')
    const t0 = Date.now()
    const tally = { recoveries: 0, killedDuringRecovery: 0, adopted: 0, notSent: 0, fillsAdded: 0 }
    const phaseMs = { load: 0, recover: 0, verify: 0, trade: 0 }
    let mark = Date.now()
    const lap = (phase: keyof typeof phaseMs) => {
      const now = Date.now()
      phaseMs[phase] += now - mark
      mark = now
    }
    let last = { fills: 0, intents: 0 }
    // The next processes load their modules while the current one trades; they touch no state before `start`.
    const queue: Child[] = []
    let spawned = 0
    const refill = () => {
      while (queue.length < PREFETCH && spawned <= LIVES) {
        queue.push(spawnChild(dir, simStartMs, t0))
        spawned += 1
      }
    }
    refill()
    for (let life = 0; life <= LIVES; life++) {
      const child = queue.shift()
      if (child === undefined) throw new Error('no child')
      mark = Date.now()
      await child.loaded
      lap('load')
      child.process.stdin.write('start\n')
      refill()
      // Every sixth life dies during recovery: journal replay, reconciliation, or writing what it found.
      if (life % 6 === 5 && life < LIVES) {
        await sleep(random() * 250)
        await kill(child.process)
        tally.killedDuringRecovery += 1
        continue
      }
      const report = await child.recovered
      lap('recover')
      tally.recoveries += 1
      tally.adopted += report.adopted
      tally.notSent += report.notSent
      tally.fillsAdded += report.fillsAdded
      expect(report.positionMismatches).toBe(0)
      expect(report.cashDifference).toBe('0')
      last = await verify(dir)
      lap('verify')
      if (life === LIVES) {
        await kill(child.process)
        break
      }
      child.process.stdin.write('go\n')
      await sleep(50 + random() * 450)
      await kill(child.process)
      lap('trade')
    }
    console.info('crash recovery', { ...tally, ...last, phaseMs, seconds: (Date.now() - t0) / 1000 })
    // The run must have traded for the invariants to mean anything.
    expect(last.fills).toBeGreaterThan(50)
    expect(last.intents).toBeGreaterThan(50)
  }, 240_000)
})
