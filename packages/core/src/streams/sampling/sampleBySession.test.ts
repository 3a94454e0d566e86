import { Subject } from 'rxjs'
import { TestScheduler } from 'rxjs/testing'
import { describe, expect, test } from 'vitest'
import { nyTimeToMs } from '../../calendar/newYorkTime.js'
import { wallClock } from '../../clock/clock.js'
import { createVirtualClock } from '../../clock/virtualClock.js'
import type { Quote } from '../../marketData/types.js'
import { marbleClock } from '../internal/marbleClock.js'
import { timeline } from '../internal/timeline.js'
import { type SessionSamplingOptions, sampleBySession } from './sampleBySession.js'

const LETTERS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'
const SPY_0DTE_MAR10 = 'SPY   250310C00570000'

interface Case {
  /** Epoch ms of frame 0. */
  readonly baseMs: number
  /** Input frames and instrument ids. */
  readonly inputs: ReadonlyArray<readonly [number, string]>
  /** Output frames and the index of the input that goes out then. */
  readonly expected: ReadonlyArray<readonly [number, number]>
  readonly options?: Partial<SessionSamplingOptions<Quote>>
}

function expectSampled({ baseMs, inputs, expected, options }: Case): void {
  if (inputs.length > LETTERS.length) throw new Error('too many inputs for one marble')
  const values: Record<string, Quote> = {}
  const letter = (index: number) => LETTERS[index] ?? '?'
  inputs.forEach(([frame, instrumentId], index) => {
    values[letter(index)] = { instrumentId, bid: 1, ask: 1.01, bidSize: 1, askSize: 1, timestampMs: baseMs + frame }
  })
  const scheduler = new TestScheduler((actual, wanted) => expect(actual).toEqual(wanted))
  scheduler.run(({ hot, expectObservable }) => {
    const source = hot(timeline(inputs.map(([frame], index) => [frame, letter(index)])), values)
    const out = source.pipe(sampleBySession({ clock: marbleClock(scheduler, baseMs), ...options }))
    expectObservable(out).toBe(timeline(expected.map(([frame, index]) => [frame, letter(index)])), values)
  })
}

/** `count` inputs of one instrument, `everyMs` apart from `firstMs`. */
function series(instrumentId: string, firstMs: number, everyMs: number, count: number): Array<[number, string]> {
  return Array.from({ length: count }, (_, i) => [firstMs + i * everyMs, instrumentId] as [number, string])
}

describe('sampleBySession', () => {
  test('pre-market to regular on the Monday after DST starts: options go from 5 min to 5 s at 09:30 EDT', () => {
    const baseMs = nyTimeToMs('2025-03-10', '09:29') + 50_000
    expect(baseMs + 10_000).toBe(Date.UTC(2025, 2, 10, 13, 30))
    expectSampled({
      baseMs,
      inputs: series(SPY_0DTE_MAR10, 500, 1000, 20), // inputs 0..19 at 500, 1500, …, 19500
      // Leading value; the pre-market window is cut at the open (10 s) instead of running 5 min; then 5 s windows.
      expected: [
        [500, 0],
        [10_000, 9],
        [15_000, 14],
        [20_000, 19],
      ],
    })
  })

  test('closed to pre-market at 04:00 EDT on the Monday after DST starts: hourly becomes 30 s', () => {
    const baseMs = nyTimeToMs('2025-03-10', '03:59') + 58_000
    expect(baseMs + 2000).toBe(Date.UTC(2025, 2, 10, 8, 0))
    expectSampled({
      baseMs,
      inputs: series('SPY', 500, 4000, 10), // 0.5, 4.5 … 36.5 s
      // The hourly closed-hours window is cut at 04:00 with nothing held; 4.5 s opens a 30 s extended-hours window.
      expected: [
        [500, 0],
        [4500, 1],
        [34_500, 8],
        [64_500, 9],
      ],
    })
  })

  test('the Monday after DST ends opens at 09:30 EST (14:30 UTC)', () => {
    const baseMs = Date.UTC(2025, 10, 3, 14, 29, 59)
    expectSampled({
      baseMs,
      inputs: series('SPY   251103P00680000', 0, 400, 5), // 0, 400, 800, 1200, 1600
      expected: [
        [0, 0],
        [1000, 2],
        [6000, 4],
      ],
    })
  })

  test('regular hours to the final hour of an expiration day: underlyings go from 1 s to 500 ms', () => {
    // SPY's expiring options trade to 16:15, so its final hour starts 15:15.
    const baseMs = nyTimeToMs('2025-03-10', '15:14') + 58_000
    expectSampled({
      baseMs,
      inputs: series('SPY', 50, 300, 12), // 50 … 3350
      expected: [
        [50, 0],
        [1050, 3], // 1 s window
        [2000, 6], // cut at 15:15:00
        [2500, 8], // 500 ms windows
        [3000, 9],
        [3500, 11],
      ],
    })
  })

  test('final hour to after hours: 500 ms becomes 30 s when the expiring series stop at 16:15', () => {
    const baseMs = nyTimeToMs('2025-03-10', '16:14') + 59_000
    expectSampled({
      baseMs,
      inputs: series('SPY', 150, 300, 8), // 150 … 2250
      expected: [
        [150, 0],
        [650, 1],
        [1000, 2], // cut at 16:15:00
        [31_000, 7],
      ],
    })
  })

  test('early close: the final hour is 12:15–13:15 EST on the day after Thanksgiving', () => {
    const baseMs = nyTimeToMs('2025-11-28', '12:14') + 59_000
    expect(nyTimeToMs('2025-11-28', '13:15')).toBe(Date.UTC(2025, 10, 28, 18, 15))
    expectSampled({
      baseMs,
      inputs: series('SPY', 50, 200, 10), // 50 … 1850
      expected: [
        [50, 0],
        [1000, 4], // the 1 s window ends at 12:15:00 where the final hour starts
        [1500, 7],
        [2000, 9],
      ],
    })
  })

  test('options of a later expiry keep regular intervals in the final hour of the day', () => {
    const baseMs = nyTimeToMs('2025-03-10', '15:30')
    expectSampled({
      baseMs,
      // 1DTE (A, 5 s windows) at 100, 1300, 2500, 3700, 4900, 6100; 0DTE (B, 2 s) at 600, 1300, 2000 … 4100.
      // By index: 0 A100, 1 B600, 2 A1300, 3 B1300, 4 B2000, 5 A2500, 6 B2700, 7 B3400, 8 A3700, 9 B4100,
      // 10 A4900, 11 A6100.
      inputs: [...series('SPY   250311C00570000', 100, 1200, 6), ...series(SPY_0DTE_MAR10, 600, 700, 6)].sort(
        (a, b) => a[0] - b[0],
      ),
      expected: [
        [100, 0],
        [600, 1],
        [2600, 4],
        [4600, 9],
        [5100, 10],
        [10_100, 11],
      ],
    })
  })

  test('VIX is sampled every 30 s and weekends hourly', () => {
    expectSampled({
      baseMs: nyTimeToMs('2025-03-10', '11:00'),
      inputs: series('^VIX', 500, 7000, 6), // 0.5 … 35.5 s
      expected: [
        [500, 0],
        [30_500, 4],
        [60_500, 5],
      ],
    })
    expectSampled({
      baseMs: nyTimeToMs('2025-03-08', '11:00'),
      inputs: series('SPY', 0, 600_000, 3),
      expected: [
        [0, 0],
        [3_600_000, 2],
      ],
    })
  })

  test('custom keys and classes: correlation values every 60 s in regular hours', () => {
    expectSampled({
      baseMs: nyTimeToMs('2025-03-10', '11:00'),
      inputs: series('SPY/QQQ', 100, 15_000, 4), // 0.1 … 45.1 s
      expected: [
        [100, 0],
        [60_100, 3],
      ],
      options: { target: () => ({ sampleClass: 'correlation' }) },
    })
  })

  test('releases held values when the source completes', () => {
    const scheduler = new TestScheduler((actual, wanted) => expect(actual).toEqual(wanted))
    scheduler.run(({ cold, expectObservable }) => {
      const quote = (bid: number): Quote => ({
        instrumentId: 'SPY',
        bid,
        ask: bid + 0.01,
        bidSize: 1,
        askSize: 1,
        timestampMs: 0,
      })
      const values = { a: quote(1), b: quote(2), c: quote(3) }
      const clock = marbleClock(scheduler, nyTimeToMs('2025-03-10', '11:00'))
      expectObservable(cold('abc|', values).pipe(sampleBySession({ clock }))).toBe('a--(c|)', values)
    })
  })

  test('reports a clock outside the calendar as an error instead of throwing', () => {
    const scheduler = new TestScheduler((actual, wanted) => expect(actual).toEqual(wanted))
    scheduler.run(({ cold, expectObservable }) => {
      const values = { a: { instrumentId: 'SPY', bid: 1, ask: 2, bidSize: 1, askSize: 1, timestampMs: 0 } }
      const out = cold('a|', values).pipe(sampleBySession({ clock: marbleClock(scheduler, 0) }))
      expectObservable(out).toBe('(a#)', values, expect.objectContaining({ name: 'CalendarInputError' }))
    })
  })
})

describe('sampleBySession on the virtual clock and in real time', () => {
  const quote = (instrumentId: string, timestampMs: number): Quote => ({
    instrumentId,
    bid: 1,
    ask: 1.01,
    bidSize: 1,
    askSize: 1,
    timestampMs,
  })

  test('emits the last value of every window, window after window, interleaved with other timers in order', () => {
    const startMs = nyTimeToMs('2025-11-21', '10:00')
    const clock = createVirtualClock(startMs)
    const source = new Subject<Quote>()
    const seen: string[] = []
    source.pipe(sampleBySession({ clock })).subscribe((q) => seen.push(`${q.instrumentId}@${q.timestampMs - startMs}`))
    // Quotes every 250 ms for 3.5 s, queued up front; a marker timer at every whole second shows where each window
    // end falls among the actions due at the same instant (after those queued before the window opened).
    for (let ms = 0; ms <= 3500; ms += 250) {
      clock.scheduler.schedule(() => source.next(quote('SPY', clock.now())), ms)
      if (ms % 1000 === 0) clock.scheduler.schedule(() => seen.push(`tick@${clock.now() - startMs}`), ms)
    }
    clock.advanceTo(startMs + 10_000)
    expect(seen).toEqual([
      'SPY@0',
      'tick@0',
      'tick@1000',
      'SPY@1000',
      'tick@2000',
      'SPY@2000',
      'tick@3000',
      'SPY@3000',
      'SPY@3500',
    ])
  })

  test('keeps sampling on a real-time scheduler', async () => {
    const intervals = { underlying: 40, option: 40, volatility: 40, correlation: 40 }
    const clock = wallClock()
    const source = new Subject<Quote>()
    const seen: number[] = []
    source
      .pipe(
        sampleBySession({
          clock,
          intervals: { regular: intervals, extended: intervals, finalHour: intervals, closed: intervals },
        }),
      )
      .subscribe((q) => seen.push(q.timestampMs))
    for (let i = 0; i < 12; i++) {
      source.next(quote('SPY', i))
      await new Promise((resolve) => setTimeout(resolve, 10))
    }
    await new Promise((resolve) => setTimeout(resolve, 100))
    expect(seen[0]).toBe(0)
    expect(seen.at(-1)).toBe(11)
    expect(seen.length).toBeGreaterThanOrEqual(3)
    expect(seen.length).toBeLessThan(12)
    expect([...seen].sort((a, b) => a - b)).toEqual(seen)
  })
})
