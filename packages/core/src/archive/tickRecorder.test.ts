import { PassThrough } from 'node:stream'
import { BehaviorSubject, Subject } from 'rxjs'
import { expect, test } from 'vitest'
import type { FeedState, MarketDataFeed } from '../feeds/marketDataFeed.js'
import type { Bar, Quote, Trade } from '../marketData/types.js'
import { decodeTickArchive } from './tickArchiveDecoder.js'
import { recordTicks } from './tickRecorder.js'

function subjectFeed() {
  const quotes$ = new Subject<Quote>()
  const trades$ = new Subject<Trade>()
  const bars$ = new Subject<Bar>()
  const feed = {
    name: 'test',
    quotes$,
    trades$,
    bars$,
    state$: new BehaviorSubject<FeedState>({ status: 'idle' }),
  } as unknown as MarketDataFeed
  return { feed, quotes$, trades$, bars$ }
}

test('records every event of a feed in order into a decodable archive', async () => {
  const { feed, quotes$, trades$ } = subjectFeed()
  const output = new PassThrough()
  const chunks: Buffer[] = []
  output.on('data', (chunk: Buffer) => chunks.push(chunk))
  const recorder = recordTicks(feed, output, { blockSize: 64 })
  const sent: (Quote | Trade)[] = []
  for (let k = 0; k < 500; k++) {
    const quote: Quote = {
      instrumentId: 'QQQ',
      bid: 510 + k / 100,
      ask: 510.01 + k / 100,
      bidSize: 5,
      askSize: 7,
      timestampMs: 1_000 + k,
    }
    sent.push(quote)
    quotes$.next(quote)
    if (k % 50 === 0) {
      const trade: Trade = { instrumentId: 'QQQ', price: 510, size: 100, timestampMs: 1_000 + k }
      sent.push(trade)
      trades$.next(trade)
    }
  }
  await recorder.stop()
  await recorder.stop()
  expect(recorder.eventCount()).toBe(sent.length)
  const bytes = Buffer.concat(chunks)
  expect(bytes.length).toBe(recorder.byteCount())
  expect([...decodeTickArchive(bytes)]).toEqual(sent)
})

test('events after stop are not recorded', async () => {
  const { feed, quotes$ } = subjectFeed()
  const output = new PassThrough()
  output.resume()
  const recorder = recordTicks(feed, output)
  quotes$.next({ instrumentId: 'IWM', bid: 1, ask: 2, bidSize: 1, askSize: 1, timestampMs: 1 })
  await recorder.stop()
  quotes$.next({ instrumentId: 'IWM', bid: 1, ask: 2, bidSize: 1, askSize: 1, timestampMs: 2 })
  expect(recorder.eventCount()).toBe(1)
})
