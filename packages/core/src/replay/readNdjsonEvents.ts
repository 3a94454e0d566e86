import { createReadStream } from 'node:fs'
import { Readable } from 'node:stream'
import type { MarketEvent } from '../feeds/marketEvent.js'
import { parseNdjsonLine } from './parseNdjsonLine.js'
import { ReplayLineError, ReplaySourceError } from './replayErrors.js'

/** What to do with a line that is not a valid event. */
export const MalformedLinePolicy = {
  /** Stop reading and throw the {@link ReplayLineError}. */
  Fail: 'fail',
  /** Report the {@link ReplayLineError} through `onMalformedLine` and carry on with the next line. */
  Skip: 'skip',
} as const
/** One of {@link MalformedLinePolicy}. */
export type MalformedLinePolicy = (typeof MalformedLinePolicy)[keyof typeof MalformedLinePolicy]

/** Options of {@link readNdjsonEvents}. */
export interface ReadNdjsonOptions {
  /** What to do with a malformed line. @default 'fail' */
  onMalformed?: MalformedLinePolicy
  /** Receives every malformed line's error when `onMalformed` is `skip`. */
  onMalformedLine?: (error: ReplayLineError) => void
}

/** Where NDJSON text comes from: a file path, or chunks of text or UTF-8 bytes. */
export type NdjsonSource = string | AsyncIterable<string | Uint8Array>

/**
 * Reads an NDJSON recording and yields its events in file order, validating every line. Blank lines are ignored
 * and CRLF endings accepted; a malformed line is thrown or reported with its line number, never dropped silently.
 *
 * @param source - A file path, or chunks of text or bytes such as a decompressed stream.
 * @param options - Malformed-line policy.
 * @returns The events.
 * @throws {ReplayLineError} On a malformed line when `onMalformed` is `fail`.
 * @throws {ReplaySourceError} When the source cannot be read.
 * @example
 * ```ts
 * for await (const event of readNdjsonEvents('recordings/2025-11-21.ndjson')) {
 *   if (event.type === 'trade') volume += event.data.size
 * }
 * ```
 */
export async function* readNdjsonEvents(
  source: NdjsonSource,
  options: ReadNdjsonOptions = {},
): AsyncGenerator<MarketEvent, void, undefined> {
  for await (const batch of readNdjsonBatches(source, options)) yield* batch
}

/**
 * Like {@link readNdjsonEvents}, but yields the events of each chunk read as one array, which is much cheaper for
 * consumers that handle events synchronously (a replay at full speed).
 *
 * @param source - A file path, or chunks of text or bytes.
 * @param options - Malformed-line policy.
 * @returns Arrays of events in file order; never empty.
 * @throws {ReplayLineError} On a malformed line when `onMalformed` is `fail`.
 * @throws {ReplaySourceError} When the source cannot be read.
 * @example
 * ```ts
 * for await (const events of readNdjsonBatches('day.ndjson')) count += events.length
 * ```
 */
export async function* readNdjsonBatches(
  source: NdjsonSource,
  options: ReadNdjsonOptions = {},
): AsyncGenerator<MarketEvent[], void, undefined> {
  const skip = options.onMalformed === 'skip'
  const input =
    typeof source === 'string'
      ? createReadStream(source, { encoding: 'utf8', highWaterMark: 1 << 16 })
      : Readable.from(source)
  const decoder = new TextDecoder('utf-8', { fatal: false })
  let carry = ''
  let lineNumber = 0
  const parseInto = (batch: MarketEvent[], raw: string) => {
    lineNumber++
    const line = raw.charCodeAt(raw.length - 1) === 13 ? raw.slice(0, -1) : raw
    // A JSON object line starts with `{`; anything else is either blank or malformed.
    if (line.charCodeAt(0) !== 123 && line.trim() === '') return
    try {
      batch.push(parseNdjsonLine(line, lineNumber))
    } catch (error) {
      if (!(error instanceof ReplayLineError) || !skip) throw error
      options.onMalformedLine?.(error)
    }
  }
  try {
    for await (const chunk of input as AsyncIterable<string | Uint8Array>) {
      const text = carry + (typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true }))
      const batch: MarketEvent[] = []
      let start = 0
      let failure: unknown
      try {
        for (let end = text.indexOf('\n'); end !== -1; end = text.indexOf('\n', start)) {
          parseInto(batch, text.slice(start, end))
          start = end + 1
        }
      } catch (error) {
        failure = error
      }
      // Events before a malformed line are delivered before the error.
      if (batch.length > 0) yield batch
      if (failure !== undefined) throw failure
      carry = text.slice(start)
    }
    const batch: MarketEvent[] = []
    const rest = carry + decoder.decode()
    if (rest !== '') parseInto(batch, rest)
    if (batch.length > 0) yield batch
  } catch (error) {
    if (error instanceof ReplayLineError || error instanceof ReplaySourceError) throw error
    const what = typeof source === 'string' ? `recording ${source}` : 'recording stream'
    throw new ReplaySourceError(`Could not read ${what}`, { cause: error })
  } finally {
    input.destroy()
  }
}
