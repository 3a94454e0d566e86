import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import type { Bar, OptionQuote, Quote, Trade } from '../marketData/types.js'
import { decodeTickArchive, forEachTickEvent } from './tickArchiveDecoder.js'
import { createTickArchiveEncoder, encodeTickArchive } from './tickArchiveEncoder.js'
import { TickArchiveError } from './tickArchiveError.js'
import type { TickEvent } from './tickEvent.js'

const T0 = Date.UTC(2025, 10, 21, 14, 30)

function sampleSession(): TickEvent[] {
  const events: TickEvent[] = []
  for (let k = 0; k < 3000; k++) {
    const spy: Quote = {
      instrumentId: 'SPY',
      bid: 590 + ((k * 7) % 13) / 100,
      ask: 590.01 + ((k * 7) % 13) / 100,
      bidSize: 100 + (k % 5) * 100,
      askSize: 200 + (k % 3) * 100,
      timestampMs: T0 + k * 37,
      source: 'sim',
    }
    events.push(spy)
    const option: OptionQuote = {
      instrumentId: 'SPY   251121C00590000',
      bid: 1.2 + (k % 9) / 100,
      ask: 1.23 + (k % 9) / 100,
      bidSize: 10 + (k % 4),
      askSize: 12,
      timestampMs: T0 + k * 37 + 1,
      openInterest: 15_000,
      volume: 1000 + k,
      exchange: 'CBOE',
      source: 'sim',
    }
    events.push(option)
    if (k % 10 === 0) {
      const trade: Trade = {
        instrumentId: 'SPY',
        price: 590.005,
        size: 300,
        timestampMs: T0 + k * 37 + 2,
        timestampNs: BigInt(T0 + k * 37 + 2) * 1_000_000n + 123_456n,
        conditions: [12, 37],
        exchange: 'ARCA',
      }
      events.push(trade)
    }
  }
  const bar: Bar = {
    instrumentId: '^VIX',
    intervalMs: 60_000,
    startMs: T0,
    open: 17.1,
    high: 17.45,
    low: 16.98,
    close: 17.2,
    volume: 0,
    vwap: 17.213,
  }
  events.push(bar)
  return events
}

describe('tick archive', () => {
  test('round-trips a mixed session exactly, across blocks, with and without deflate', () => {
    const events = sampleSession()
    for (const deflate of [true, false]) {
      const bytes = encodeTickArchive(events, { blockSize: 1000, deflate })
      expect([...decodeTickArchive(bytes)]).toEqual(events)
    }
  })

  test('values that do not fit the tick grid are stored raw and come back bit-exact', () => {
    const odd: TickEvent[] = [
      { instrumentId: 'X', bid: 0.1 + 0.2, ask: Math.PI, bidSize: 1.5, askSize: 2, timestampMs: 1.25 },
      { instrumentId: 'X', price: 1e-9, size: 0.001, timestampMs: T0 },
      { instrumentId: 'X', bid: 1, ask: 1.01, bidSize: -3, askSize: 2, timestampMs: T0 + 1 },
    ]
    expect([...decodeTickArchive(encodeTickArchive(odd))]).toEqual(odd)
  })

  test('any quote sequence round-trips (property)', () => {
    const quoteArb = fc.record({
      instrumentId: fc.constantFrom('SPY', 'QQQ', 'IWM   251121P00230000'),
      bid: fc.integer({ min: 0, max: 1_000_000 }).map((c) => c / 100),
      ask: fc.integer({ min: 0, max: 1_000_000 }).map((c) => c / 100),
      bidSize: fc.integer({ min: 0, max: 1_000_000 }),
      askSize: fc.integer({ min: 0, max: 1_000_000 }),
      timestampMs: fc.integer({ min: 0, max: 4_102_444_800_000 }),
    })
    fc.assert(
      fc.property(fc.array(quoteArb, { maxLength: 300 }), fc.integer({ min: 1, max: 50 }), (quotes, blockSize) => {
        expect([...decodeTickArchive(encodeTickArchive(quotes, { blockSize }))]).toEqual(quotes)
      }),
      { numRuns: 200 },
    )
  })

  test('streaming encoder output equals the one-shot encoding', () => {
    const events = sampleSession()
    const encoder = createTickArchiveEncoder({ blockSize: 512 })
    const chunks = [encoder.header]
    for (const e of events) {
      const block = encoder.write(e)
      if (block) chunks.push(block)
    }
    const last = encoder.flush()
    if (last) chunks.push(last)
    const joined = Buffer.concat(chunks)
    expect(new Uint8Array(joined)).toEqual(encodeTickArchive(events, { blockSize: 512 }))
    expect(forEachTickEvent(joined, () => undefined)).toBe(events.length)
  })

  test('is far smaller than NDJSON for quotes', () => {
    const events = sampleSession()
    const ndjsonBytes = events
      .map((e) => JSON.stringify(e, (_k, v) => (typeof v === 'bigint' ? v.toString() : v)))
      .join('\n').length
    const archiveBytes = encodeTickArchive(events).length
    expect(archiveBytes / ndjsonBytes).toBeLessThan(0.1)
  })

  test('a truncated or corrupted archive raises TickArchiveError, never garbage', () => {
    const bytes = encodeTickArchive(sampleSession().slice(0, 400), { blockSize: 100 })
    for (let cut = 0; cut < bytes.length; cut += 7) {
      const truncated = bytes.slice(0, cut)
      let decoded = 0
      try {
        for (const _ of decodeTickArchive(truncated)) decoded++
        // A cut exactly at a block boundary is a valid shorter archive.
        expect(decoded % 100).toBe(0)
      } catch (error) {
        expect(error).toBeInstanceOf(TickArchiveError)
      }
    }
    const wrongMagic = bytes.slice()
    wrongMagic[0] = 0
    expect(() => [...decodeTickArchive(wrongMagic)]).toThrow(/bad magic/)
    const wrongVersion = bytes.slice()
    wrongVersion[4] = 99
    expect(() => [...decodeTickArchive(wrongVersion)]).toThrow(/unsupported version 99/)
  })
})
