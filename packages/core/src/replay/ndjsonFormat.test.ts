import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { MarketEvent } from '../feeds/marketEvent.js'
import { parseNdjsonLine } from './parseNdjsonLine.js'
import { readNdjsonEvents } from './readNdjsonEvents.js'
import { ReplayLineError, ReplaySourceError } from './replayErrors.js'
import { SAMPLE_EVENTS } from './sampleEvents.fixture.js'
import { serializeMarketEvent } from './serializeMarketEvent.js'

async function collect<T>(source: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = []
  for await (const item of source) items.push(item)
  return items
}

describe('NDJSON recording format', () => {
  it('round-trips every event type, bigint nanoseconds included', () => {
    const parsed = SAMPLE_EVENTS.map((event, i) => parseNdjsonLine(serializeMarketEvent(event), i + 1))
    expect(parsed).toEqual(SAMPLE_EVENTS)
  })

  it('writes a fixed key order with the type first and nanoseconds as a string', () => {
    const line = serializeMarketEvent(SAMPLE_EVENTS[0] as MarketEvent)
    expect(line.startsWith('{"type":"quote","instrumentId":"SPY","bid":590.01')).toBe(true)
    expect(line).toContain('"timestampNs":"1763735400000123456"')
    const reordered = JSON.stringify({ ...JSON.parse(line), type: 'quote' })
    expect(serializeMarketEvent(parseNdjsonLine(reordered, 1))).toBe(line)
  })

  it.each([
    ['not json', 'not valid JSON'],
    ['[1,2]', 'not a JSON object'],
    ['{"type":"depth","instrumentId":"SPY"}', 'unknown type "depth"'],
    ['{"instrumentId":"SPY"}', 'unknown type undefined'],
    ['{"type":"trade","instrumentId":"SPY","price":"1","size":1,"timestampMs":0}', 'price'],
    ['{"type":"quote","instrumentId":"SPY","bid":1,"ask":1,"bidSize":-1,"askSize":1,"timestampMs":0}', 'bidSize'],
    ['{"type":"trade","instrumentId":"SPY","price":1,"size":1,"timestampMs":0,"timestampNs":"1.5"}', 'timestampNs'],
  ])('rejects %s with a typed error naming the line', (line, reason) => {
    const error = (() => {
      try {
        parseNdjsonLine(line, 7)
      } catch (caught) {
        return caught
      }
    })()
    expect(error).toBeInstanceOf(ReplayLineError)
    expect((error as ReplayLineError).lineNumber).toBe(7)
    expect((error as ReplayLineError).reason).toContain(reason)
  })

  it('reads a file, ignoring blank lines', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ndjson-'))
    const path = join(dir, 'day.ndjson')
    await writeFile(path, `${SAMPLE_EVENTS.map(serializeMarketEvent).join('\n\n')}\n`)
    expect(await collect(readNdjsonEvents(path))).toEqual(SAMPLE_EVENTS)
  })

  it('reads chunks that split lines anywhere, with CRLF endings', async () => {
    const text = SAMPLE_EVENTS.map(serializeMarketEvent).join('\r\n')
    async function* chunks() {
      for (let i = 0; i < text.length; i += 37) yield Buffer.from(text.slice(i, i + 37))
    }
    expect(await collect(readNdjsonEvents(chunks()))).toEqual(SAMPLE_EVENTS)
  })

  it('fails on a malformed line by default, after the events before it', async () => {
    const lines = [serializeMarketEvent(SAMPLE_EVENTS[0] as MarketEvent), '{"type":"trade"', 'x']
    const seen: MarketEvent[] = []
    const error = await (async () => {
      async function* text() {
        yield lines.join('\n')
      }
      for await (const event of readNdjsonEvents(text())) seen.push(event)
    })().catch((caught: unknown) => caught)
    expect(seen).toHaveLength(1)
    expect(error).toBeInstanceOf(ReplayLineError)
    expect((error as ReplayLineError).lineNumber).toBe(2)
  })

  it('skips and reports malformed lines when asked', async () => {
    async function* text() {
      yield `${serializeMarketEvent(SAMPLE_EVENTS[2] as MarketEvent)}\n{"type":"trade"}\n`
      yield `garbage\n${serializeMarketEvent(SAMPLE_EVENTS[3] as MarketEvent)}\n`
    }
    const reported: number[] = []
    const events = await collect(
      readNdjsonEvents(text(), { onMalformed: 'skip', onMalformedLine: (error) => reported.push(error.lineNumber) }),
    )
    expect(events).toEqual([SAMPLE_EVENTS[2], SAMPLE_EVENTS[3]])
    expect(reported).toEqual([2, 3])
  })

  it('reports a missing file as a source error', async () => {
    await expect(collect(readNdjsonEvents(join(tmpdir(), 'does-not-exist.ndjson')))).rejects.toBeInstanceOf(
      ReplaySourceError,
    )
  })
})
