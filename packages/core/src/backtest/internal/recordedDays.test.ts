import { describe, expect, test } from 'vitest'
import { eventTimeMs, type MarketEvent } from '../../feeds/marketEvent.js'
import { asyncReader, syncReader } from './recordedCursor.js'
import { RecordedDays } from './recordedDays.js'
import type { EventBatchPuller } from './sessionEvents.js'

function trade(atMs: number): MarketEvent {
  return { type: 'trade', data: { instrumentId: 'SPY', price: 1, size: 1, timestampMs: atMs } }
}

async function times(pull: EventBatchPuller): Promise<number[]> {
  const out: number[] = []
  for (let batch = await pull(); batch !== undefined; batch = await pull()) {
    out.push(...batch.map(eventTimeMs))
  }
  return out
}

describe('RecordedDays', () => {
  const recording = [5, 10, 15, 20, 95, 100, 110, 150, 200, 210].map(trade)

  test('splits one recording into sessions, skipping what falls outside them', async () => {
    const days = new RecordedDays(syncReader(recording, (event) => event))
    expect(await times(days.session(10, 50))).toEqual([10, 15, 20])
    expect(await times(days.session(100, 200))).toEqual([100, 110, 150])
    expect(await times(days.session(300, 400))).toEqual([])
    expect(days.skippedEvents).toBe(4)
  })

  test('reads an asynchronous recording the same way', async () => {
    async function* stream() {
      yield* recording
    }
    const days = new RecordedDays(asyncReader(stream()))
    expect(await times(days.session(10, 50))).toEqual([10, 15, 20])
    expect(await times(days.session(100, 200))).toEqual([100, 110, 150])
  })
})
