import { inflateRawSync } from 'node:zlib'
import type { Bar, OptionQuote, Trade } from '../marketData/types.js'
import { ByteReader } from './internal/byteReader.js'
import { COLUMN_COUNT, Flag, FORMAT_VERSION, HEADER_FLAG_DEFLATE, MAGIC } from './internal/format.js'
import { TickArchiveError } from './tickArchiveError.js'
import { type TickEvent, TickEventKind } from './tickEvent.js'

const HEADER_LENGTH = 7

/**
 * Decodes a tick archive written by `createTickArchiveEncoder` / `encodeTickArchive`, yielding events in recording
 * order. Every read is bounds-checked: truncated or corrupt input raises {@link TickArchiveError} with the byte
 * offset instead of yielding garbage.
 *
 * @param bytes - The whole archive.
 * @returns The events, lazily.
 * @throws {TickArchiveError} On a bad header, an unsupported version or corrupt data.
 * @example
 * ```ts
 * for (const event of decodeTickArchive(await readFile('session.s0ta'))) replay(event)
 * ```
 */
export function* decodeTickArchive(bytes: Uint8Array): Generator<TickEvent> {
  const events: TickEvent[] = []
  const reader = openArchive(bytes)
  const dictionary: string[] = []
  while (!reader.input.done) {
    events.length = 0
    decodeBlock(reader, dictionary, events)
    yield* events
  }
}

/**
 * Decodes a tick archive and calls `onEvent` for each event: the fastest way to read one (no generator).
 *
 * @param bytes - The whole archive.
 * @param onEvent - Called for every event in order.
 * @returns The number of events decoded.
 * @throws {TickArchiveError} On a bad header, an unsupported version or corrupt data.
 */
export function forEachTickEvent(bytes: Uint8Array, onEvent: (event: TickEvent) => void): number {
  const reader = openArchive(bytes)
  const dictionary: string[] = []
  let total = 0
  const sink = {
    push(event: TickEvent) {
      onEvent(event)
      total++
    },
  }
  while (!reader.input.done) decodeBlock(reader, dictionary, sink)
  return total
}

interface OpenArchive {
  input: ByteReader
  scale: number
  deflate: boolean
}

function openArchive(bytes: Uint8Array): OpenArchive {
  if (bytes.length < HEADER_LENGTH || MAGIC.some((b, i) => bytes[i] !== b)) {
    throw new TickArchiveError('not a tick archive (bad magic)', 0)
  }
  if (bytes[4] !== FORMAT_VERSION) throw new TickArchiveError(`unsupported version ${bytes[4]}`, 4)
  const decimals = bytes[5] as number
  if (decimals > 8) throw new TickArchiveError(`bad price precision ${decimals}`, 5)
  return {
    input: new ByteReader(bytes, HEADER_LENGTH),
    scale: 10 ** decimals,
    deflate: ((bytes[6] as number) & HEADER_FLAG_DEFLATE) !== 0,
  }
}

function decodeBlock(archive: OpenArchive, dictionary: string[], out: { push(event: TickEvent): unknown }): void {
  const { input, scale } = archive
  const count = input.uvarint()
  const added = input.uvarint()
  const utf8 = new TextDecoder('utf-8', { fatal: true })
  for (let k = 0; k < added; k++) dictionary.push(utf8.decode(input.slice(input.uvarint())))
  const rawLength = input.uvarint()
  const payloadStart = input.offset
  const payload = input.slice(input.uvarint())
  let body: Uint8Array
  try {
    body = archive.deflate ? inflateRawSync(payload) : payload
  } catch (cause) {
    throw new TickArchiveError(`block does not inflate (${String(cause)})`, payloadStart)
  }
  if (body.length !== rawLength) throw new TickArchiveError('block length mismatch', payloadStart)
  const columns: ByteReader[] = []
  const bodyReader = new ByteReader(body)
  for (let c = 0; c < COLUMN_COUNT; c++) {
    const length = bodyReader.uvarint()
    const start = bodyReader.offset
    bodyReader.slice(length)
    columns.push(new ByteReader(body, start, start + length))
  }
  const [flagsCol, instrumentCol, timeCol, pricesCol, sizesCol, extrasCol] = columns as [
    ByteReader,
    ByteReader,
    ByteReader,
    ByteReader,
    ByteReader,
    ByteReader,
  ]
  // Per-instrument delta state, reset every block; typed arrays indexed by dictionary index.
  const size = Math.max(16, dictionary.length)
  const lastBid = new Float64Array(size)
  const lastPrice = new Float64Array(size)
  const lastBidSize = new Float64Array(size)
  const lastAskSize = new Float64Array(size)
  const word = (index: number) => {
    const value = dictionary[index]
    if (value === undefined) throw new TickArchiveError(`unknown dictionary index ${index}`, input.offset)
    return value
  }
  let lastTime = 0
  for (let n = 0; n < count; n++) {
    const flags = flagsCol.byte()
    const kind = flags & Flag.KindMask
    const instrumentIndex = instrumentCol.uvarint()
    const instrumentId = word(instrumentIndex)
    // word() has checked the index against the dictionary, which the state arrays cover.
    const i = instrumentIndex
    const raw = (flags & Flag.RawNumbers) !== 0
    let time: number
    if (raw) time = timeCol.float64()
    else {
      lastTime += timeCol.svarint()
      time = lastTime
    }
    let event: Record<string, unknown>
    if (kind === TickEventKind.Quote) {
      let bid: number
      let ask: number
      let bidSize: number
      let askSize: number
      if (raw) {
        bid = pricesCol.float64()
        ask = pricesCol.float64()
        bidSize = sizesCol.float64()
        askSize = sizesCol.float64()
      } else {
        const bidTicks = (lastBid[i] as number) + pricesCol.svarint()
        lastBid[i] = bidTicks
        bid = bidTicks / scale
        ask = (bidTicks + pricesCol.svarint()) / scale
        bidSize = (lastBidSize[i] as number) + sizesCol.svarint()
        askSize = (lastAskSize[i] as number) + sizesCol.svarint()
        lastBidSize[i] = bidSize
        lastAskSize[i] = askSize
      }
      event = { instrumentId, bid, ask, bidSize, askSize, timestampMs: time }
      if (flags & Flag.OpenInterest) event.openInterest = raw ? extrasCol.float64() : extrasCol.uvarint()
      if (flags & Flag.Volume) event.volume = raw ? extrasCol.float64() : extrasCol.uvarint()
    } else if (kind === TickEventKind.Trade) {
      let price: number
      let size: number
      if (raw) {
        price = pricesCol.float64()
        size = sizesCol.float64()
      } else {
        const priceTicks = (lastPrice[i] as number) + pricesCol.svarint()
        lastPrice[i] = priceTicks
        price = priceTicks / scale
        size = sizesCol.uvarint()
      }
      event = { instrumentId, price, size, timestampMs: time }
      const conditionCount = extrasCol.uvarint()
      if (conditionCount > 0) {
        const conditions: number[] = []
        for (let k = 0; k < conditionCount; k++) conditions.push(raw ? extrasCol.float64() : extrasCol.uvarint())
        event.conditions = conditions
      }
    } else if (kind === TickEventKind.Bar) {
      let open: number
      let high: number
      let low: number
      let close: number
      let volume: number
      let intervalMs: number
      if (raw) {
        open = pricesCol.float64()
        high = pricesCol.float64()
        low = pricesCol.float64()
        close = pricesCol.float64()
        volume = sizesCol.float64()
        intervalMs = sizesCol.float64()
      } else {
        const o = (lastPrice[i] as number) + pricesCol.svarint()
        const h = o + pricesCol.svarint()
        const l = o - pricesCol.svarint()
        const c = l + pricesCol.svarint()
        lastPrice[i] = c
        ;[open, high, low, close] = [o / scale, h / scale, l / scale, c / scale]
        volume = sizesCol.uvarint()
        intervalMs = sizesCol.uvarint()
      }
      event = { instrumentId, intervalMs, startMs: time, open, high, low, close, volume }
    } else {
      throw new TickArchiveError(`unknown event kind ${kind}`, input.offset)
    }
    if (flags & Flag.Exchange) event.exchange = word(extrasCol.uvarint())
    if (flags & Flag.TimestampNs) {
      event.timestampNs = BigInt(Math.trunc(time)) * 1_000_000n + BigInt(extrasCol.svarint())
    }
    if (flags & Flag.Source) event.source = word(extrasCol.uvarint())
    if (kind === TickEventKind.Bar && extrasCol.byte() === 1) event.vwap = extrasCol.float64()
    out.push(event as unknown as OptionQuote | Trade | Bar)
  }
}
