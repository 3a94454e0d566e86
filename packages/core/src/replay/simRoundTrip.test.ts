import { createWriteStream } from 'node:fs'
import { mkdtemp, readFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PassThrough } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { nyTimeToMs } from '../calendar/newYorkTime.js'
import { createVirtualClock } from '../clock/virtualClock.js'
import type { MarketDataFeed } from '../feeds/marketDataFeed.js'
import { type MarketEvent, quoteEvent } from '../feeds/marketEvent.js'
import { equity, index, type OptionContract } from '../instruments/instrument.js'
import { createSimFeed } from '../sim/createSimFeed.js'
import { createNdjsonRecorder } from './createNdjsonRecorder.js'
import { createReplayFeed } from './createReplayFeed.js'

const DATE = '2025-11-21'
const OPEN = nyTimeToMs(DATE, '09:30')

function capture(feed: MarketDataFeed): MarketEvent[] {
  const events: MarketEvent[] = []
  feed.quotes$.subscribe((data) => events.push(quoteEvent(data)))
  feed.trades$.subscribe((data) => events.push({ type: 'trade', data }))
  feed.bars$.subscribe((data) => events.push({ type: 'bar', data }))
  return events
}

describe('record → replay round trip of a simulated session', () => {
  it('replays a recorded file as the identical events, and re-records it byte for byte', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sim-round-trip-'))
    const path = join(dir, 'session.ndjson')

    const simClock = createVirtualClock(OPEN)
    const sim = createSimFeed({ clock: simClock, seed: 17 })
    const chain = (await sim.listOptionChain('SPY', DATE)).filter(
      (c): c is OptionContract => c.kind === 'option' && Math.abs(c.strike - 590) <= 2,
    )
    const instruments = [equity('SPY'), equity('QQQ'), index('VIX'), ...chain]
    const original = capture(sim)
    const recorder = createNdjsonRecorder(sim, createWriteStream(path))
    sim.subscribe(instruments)
    await sim.connect()
    simClock.advanceBy(15 * 60_000)
    await sim.close()
    await recorder.done
    expect(recorder.eventsWritten).toBe(original.length)
    expect(original.length).toBeGreaterThan(5_000)

    const replayClock = createVirtualClock(OPEN)
    const replay = createReplayFeed({ source: path, clock: replayClock })
    const replayed = capture(replay)
    const output = new PassThrough()
    const chunks: Buffer[] = []
    output.on('data', (chunk: Buffer) => chunks.push(chunk))
    const rerecorder = createNdjsonRecorder(replay, output)
    replay.subscribe(instruments)
    await replay.connect()
    await rerecorder.done

    expect(replayed).toEqual(original)
    expect(Buffer.concat(chunks).toString('utf8')).toBe(await readFile(path, 'utf8'))
    expect(replayClock.now()).toBe(
      Math.max(...original.map((e) => (e.type === 'bar' ? e.data.startMs + e.data.intervalMs : e.data.timestampMs))),
    )
  })
})
