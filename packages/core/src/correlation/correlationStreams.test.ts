import { map, merge, timer } from 'rxjs'
import { TestScheduler } from 'rxjs/testing'
import { describe, expect, test } from 'vitest'
import type { Clock } from '../clock/clock.js'
import { ConfigError } from '../errors/configError.js'
import type { CorrelationEvent } from './correlationEvent.js'
import { createCorrelationStreams } from './correlationStreams.js'
import type { PricePoint } from './pricePoint.js'

/** Prices from per-interval returns, published 5 ms before each 10 ms sample boundary. */
function schedule(returns: Record<string, readonly number[]>): PricePoint[] {
  const points: PricePoint[] = []
  for (const [id, rs] of Object.entries(returns)) {
    let price = 100
    points.push({ instrumentId: id, price, timestampMs: 5 })
    rs.forEach((r, k) => {
      price *= Math.exp(r)
      points.push({ instrumentId: id, price, timestampMs: 15 + 10 * k })
    })
  }
  return points
}

describe('createCorrelationStreams', () => {
  test('snapshots arrive once per interval and events carry the sample time they were emitted at', () => {
    const scheduler = new TestScheduler((actual, expected) => expect(actual).toEqual(expected))
    const clock: Clock = { now: () => scheduler.now(), scheduler, kind: 'virtual' }
    const together = [0.01, -0.01, 0.02, -0.02, 0.01]
    const apart = [0.01, -0.01, 0.02, 0.02, -0.01, 0.01, -0.02, 0.01, 0.02, -0.01]
    const spy = [...together, ...apart.map((r) => -r), ...together]
    const qqq = [...together, ...apart, ...together]
    const points = schedule({ SPY: spy, QQQ: qqq })
    const events: { frame: number; event: CorrelationEvent }[] = []

    scheduler.run(({ expectObservable }) => {
      const prices$ = merge(...points.map((p) => timer(p.timestampMs).pipe(map(() => p))))
      const { correlation$, correlationEvents$ } = createCorrelationStreams(prices$, clock, {
        instrumentIds: ['SPY', 'QQQ'],
        intervalMs: 10,
        windows: [3],
        divergence: { windowObservations: 5, zThreshold: 50 },
      })
      correlationEvents$.subscribe((event) => events.push({ frame: scheduler.now(), event }))
      const last = 15 + 10 * (spy.length - 1)
      const frames = Array.from({ length: Math.floor(last / 10) }, (_, k) => 10 * (k + 1))
      const marble = `${frames.map((f, k) => `${k === 0 ? f : 9}ms x`).join(' ')} ${last - (frames.at(-1) ?? 0) - 1}ms |`
      expectObservable(correlation$.pipe(map(() => 'x'))).toBe(marble)
    })

    expect(events.map((e) => e.event.kind)).toEqual(['breakdown_started', 'breakdown_ended'])
    for (const { frame, event } of events) expect(event.timestampMs).toBe(frame)
  })

  test('an invalid config throws at creation, before any subscription', () => {
    const scheduler = new TestScheduler(() => undefined)
    const clock: Clock = { now: () => scheduler.now(), scheduler, kind: 'virtual' }
    expect(() =>
      createCorrelationStreams(timer(0).pipe(map(() => ({}) as PricePoint)), clock, { windows: [1] }),
    ).toThrow(ConfigError)
  })
})
