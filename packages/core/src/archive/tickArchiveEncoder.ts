import { deflateRawSync } from 'node:zlib'
import type { Bar, OptionQuote, Trade } from '../marketData/types.js'
import { ByteWriter } from './internal/byteWriter.js'
import { COLUMN_COUNT, Flag, FORMAT_VERSION, HEADER_FLAG_DEFLATE, MAGIC } from './internal/format.js'
import { type TickEvent, TickEventKind, tickEventKind } from './tickEvent.js'

/** Options of {@link createTickArchiveEncoder}. */
export interface TickArchiveOptions {
  /** Decimal places prices are stored at; prices with more decimals are stored as raw float64. @default 4 */
  priceDecimals?: number
  /** Events per block; per-instrument delta state resets at each block. @default 8192 */
  blockSize?: number
  /** Compress each block's columns with raw DEFLATE. @default true */
  deflate?: boolean
}

/** Streaming encoder: feed events, collect byte chunks. */
export interface TickArchiveEncoder {
  /** Adds one event; returns a finished block when one fills up, otherwise `undefined`. */
  write(event: TickEvent): Uint8Array | undefined
  /** Flushes the last partial block; returns it (or `undefined` when empty). The encoder can keep writing. */
  flush(): Uint8Array | undefined
  /** The archive header; every archive starts with it. */
  readonly header: Uint8Array
}

const MAX_TICKS = 2 ** 51

/**
 * Creates a streaming encoder for the compact tick archive: events are split into blocks; inside a block every
 * field is a column (flags, instrument, time, prices, sizes, extras); timestamps are delta-encoded, prices are
 * integer ticks delta-encoded per instrument (ask as spread over bid), sizes are delta-encoded per instrument, all
 * as zig-zag varints; each block's columns are optionally DEFLATE-compressed. Values that do not fit exactly
 * (prices with more decimals than `priceDecimals`, fractional sizes) are stored as raw float64, so decoding is
 * lossless for every field of {@link TickEvent} except derived analytics (`iv`, `greeks`, `underlyingPrice`),
 * which replay recomputes.
 *
 * @param options - Encoding options.
 * @returns The encoder.
 * @example
 * ```ts
 * const encoder = createTickArchiveEncoder()
 * const chunks = [encoder.header]
 * for (const quote of quotes) { const block = encoder.write(quote); if (block) chunks.push(block) }
 * const last = encoder.flush(); if (last) chunks.push(last)
 * ```
 */
export function createTickArchiveEncoder(options: TickArchiveOptions = {}): TickArchiveEncoder {
  const decimals = options.priceDecimals ?? 4
  const blockSize = options.blockSize ?? 8192
  const deflate = options.deflate ?? true
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > 8) throw new RangeError('priceDecimals must be 0–8')
  if (!Number.isInteger(blockSize) || blockSize < 1) throw new RangeError('blockSize must be a positive integer')
  const scale = 10 ** decimals

  const dictionary = new Map<string, number>()
  let newStrings: string[] = []
  const columns = Array.from({ length: COLUMN_COUNT }, () => new ByteWriter(16 * 1024))
  const [flagsCol, instrumentCol, timeCol, pricesCol, sizesCol, extrasCol] = columns as [
    ByteWriter,
    ByteWriter,
    ByteWriter,
    ByteWriter,
    ByteWriter,
    ByteWriter,
  ]
  let count = 0
  let lastTime = 0
  let lastBid = new Float64Array(256)
  let lastPrice = new Float64Array(256)
  let lastBidSize = new Float64Array(256)
  let lastAskSize = new Float64Array(256)

  const header = new Uint8Array([...MAGIC, FORMAT_VERSION, decimals, deflate ? HEADER_FLAG_DEFLATE : 0])

  function intern(value: string): number {
    let index = dictionary.get(value)
    if (index === undefined) {
      index = dictionary.size
      dictionary.set(value, index)
      newStrings.push(value)
      if (index >= lastBid.length) {
        const grow = (a: Float64Array) => {
          const next = new Float64Array(a.length * 2)
          next.set(a)
          return next
        }
        lastBid = grow(lastBid)
        lastPrice = grow(lastPrice)
        lastBidSize = grow(lastBidSize)
        lastAskSize = grow(lastAskSize)
      }
    }
    return index
  }

  const ticks = (price: number) => {
    const t = Math.round(price * scale)
    return Math.abs(t) < MAX_TICKS && t / scale === price ? t : Number.NaN
  }
  const isCount = (n: number) => Number.isSafeInteger(n) && n >= 0
  const isDelta = (n: number) => Number.isSafeInteger(n)

  function fitsCompact(event: TickEvent, kind: TickEventKind, time: number): boolean {
    if (!Number.isSafeInteger(time)) return false
    if (kind === TickEventKind.Quote) {
      const q = event as OptionQuote
      if (Number.isNaN(ticks(q.bid)) || Number.isNaN(ticks(q.ask))) return false
      if (!isDelta(q.bidSize) || !isDelta(q.askSize)) return false
      if (q.openInterest !== undefined && !isCount(q.openInterest)) return false
      return q.volume === undefined || isCount(q.volume)
    }
    if (kind === TickEventKind.Trade) {
      const t = event as Trade
      return !Number.isNaN(ticks(t.price)) && isCount(t.size) && (t.conditions ?? []).every(isCount)
    }
    const b = event as Bar
    return (
      [b.open, b.high, b.low, b.close].every((p) => !Number.isNaN(ticks(p))) &&
      isCount(b.volume) &&
      isCount(b.intervalMs)
    )
  }

  function writeCompact(event: TickEvent, kind: TickEventKind, i: number): void {
    if (kind === TickEventKind.Quote) {
      const q = event as OptionQuote
      const bid = ticks(q.bid)
      pricesCol.svarint(bid - (lastBid[i] as number))
      pricesCol.svarint(ticks(q.ask) - bid)
      lastBid[i] = bid
      sizesCol.svarint(q.bidSize - (lastBidSize[i] as number))
      sizesCol.svarint(q.askSize - (lastAskSize[i] as number))
      lastBidSize[i] = q.bidSize
      lastAskSize[i] = q.askSize
      if (q.openInterest !== undefined) extrasCol.uvarint(q.openInterest)
      if (q.volume !== undefined) extrasCol.uvarint(q.volume)
    } else if (kind === TickEventKind.Trade) {
      const t = event as Trade
      const price = ticks(t.price)
      pricesCol.svarint(price - (lastPrice[i] as number))
      lastPrice[i] = price
      sizesCol.uvarint(t.size)
      const conditions = t.conditions ?? []
      extrasCol.uvarint(conditions.length)
      for (const c of conditions) extrasCol.uvarint(c)
    } else {
      const b = event as Bar
      const [open, high, low, close] = [ticks(b.open), ticks(b.high), ticks(b.low), ticks(b.close)]
      pricesCol.svarint(open - (lastPrice[i] as number))
      pricesCol.svarint(high - open)
      pricesCol.svarint(open - low)
      pricesCol.svarint(close - low)
      lastPrice[i] = close
      sizesCol.uvarint(b.volume)
      sizesCol.uvarint(b.intervalMs)
    }
  }

  function writeRaw(event: TickEvent, kind: TickEventKind): void {
    if (kind === TickEventKind.Quote) {
      const q = event as OptionQuote
      pricesCol.float64(q.bid)
      pricesCol.float64(q.ask)
      sizesCol.float64(q.bidSize)
      sizesCol.float64(q.askSize)
      if (q.openInterest !== undefined) extrasCol.float64(q.openInterest)
      if (q.volume !== undefined) extrasCol.float64(q.volume)
    } else if (kind === TickEventKind.Trade) {
      const t = event as Trade
      pricesCol.float64(t.price)
      sizesCol.float64(t.size)
      const conditions = t.conditions ?? []
      extrasCol.uvarint(conditions.length)
      for (const c of conditions) extrasCol.float64(c)
    } else {
      const b = event as Bar
      for (const p of [b.open, b.high, b.low, b.close]) pricesCol.float64(p)
      sizesCol.float64(b.volume)
      sizesCol.float64(b.intervalMs)
    }
  }

  function write(event: TickEvent): Uint8Array | undefined {
    const kind = tickEventKind(event)
    const i = intern(event.instrumentId)
    const q = event as OptionQuote
    const time = kind === TickEventKind.Bar ? (event as Bar).startMs : (event as Trade).timestampMs
    const compact = fitsCompact(event, kind, time)
    let flags: number = kind
    if ('exchange' in event && event.exchange !== undefined) flags |= Flag.Exchange
    if ('timestampNs' in event && event.timestampNs !== undefined) flags |= Flag.TimestampNs
    if (!compact) flags |= Flag.RawNumbers
    if (kind === TickEventKind.Quote && q.openInterest !== undefined) flags |= Flag.OpenInterest
    if (kind === TickEventKind.Quote && q.volume !== undefined) flags |= Flag.Volume
    if (event.source !== undefined) flags |= Flag.Source
    flagsCol.byte(flags)
    instrumentCol.uvarint(i)
    if (compact) {
      timeCol.svarint(time - lastTime)
      lastTime = time
      writeCompact(event, kind, i)
    } else {
      timeCol.float64(time)
      writeRaw(event, kind)
    }
    if (flags & Flag.Exchange) extrasCol.uvarint(intern((event as Trade).exchange as string))
    if (flags & Flag.TimestampNs) {
      const ns = (event as Trade).timestampNs as bigint
      extrasCol.svarint(Number(ns - BigInt(Math.trunc(time)) * 1_000_000n))
    }
    if (flags & Flag.Source) extrasCol.uvarint(intern(event.source as string))
    if (kind === TickEventKind.Bar) {
      const vwap = (event as Bar).vwap
      extrasCol.byte(vwap === undefined ? 0 : 1)
      if (vwap !== undefined) extrasCol.float64(vwap)
    }
    count++
    return count >= blockSize ? flush() : undefined
  }

  function flush(): Uint8Array | undefined {
    if (count === 0) return undefined
    const body = new ByteWriter()
    for (const column of columns) {
      body.uvarint(column.length)
      body.bytes(column.finish())
      column.reset()
    }
    const raw = body.finish()
    const payload = deflate ? deflateRawSync(raw, { level: 6 }) : raw
    const block = new ByteWriter(payload.length + 64)
    block.uvarint(count)
    block.uvarint(newStrings.length)
    const utf8 = new TextEncoder()
    for (const s of newStrings) {
      const bytes = utf8.encode(s)
      block.uvarint(bytes.length)
      block.bytes(bytes)
    }
    block.uvarint(raw.length)
    block.uvarint(payload.length)
    block.bytes(payload)
    newStrings = []
    count = 0
    lastTime = 0
    lastBid.fill(0)
    lastPrice.fill(0)
    lastBidSize.fill(0)
    lastAskSize.fill(0)
    return block.finish()
  }

  return { write, flush, header }
}

/**
 * Encodes a whole sequence of events into one archive.
 *
 * @param events - Events in recording order.
 * @param options - Encoding options.
 * @returns The archive bytes.
 * @example
 * ```ts
 * const bytes = encodeTickArchive(quotes)
 * ```
 */
export function encodeTickArchive(events: Iterable<TickEvent>, options: TickArchiveOptions = {}): Uint8Array {
  const encoder = createTickArchiveEncoder(options)
  const chunks: Uint8Array[] = [encoder.header]
  for (const event of events) {
    const block = encoder.write(event)
    if (block) chunks.push(block)
  }
  const last = encoder.flush()
  if (last) chunks.push(last)
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0))
  let offset = 0
  for (const chunk of chunks) {
    out.set(chunk, offset)
    offset += chunk.length
  }
  return out
}
