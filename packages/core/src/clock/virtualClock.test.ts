import {
  bufferTime,
  concatWith,
  debounceTime,
  interval,
  NEVER,
  type Observable,
  Subject,
  sampleTime,
  take,
  timeout,
  timer,
} from 'rxjs'
import { TestScheduler } from 'rxjs/testing'
import { describe, expect, it } from 'vitest'
import { wallClock } from './clock.js'
import { createVirtualClock, isVirtualClock, type VirtualClock } from './virtualClock.js'
import { VirtualClockError } from './virtualClockError.js'

const START = Date.UTC(2025, 10, 21, 14, 30)

interface Frame {
  frame: number
  kind: 'N' | 'E' | 'C'
  value?: unknown
}

/** Subscribes, advances the clock to `durationMs`, and returns what arrived with virtual frames from the start. */
function record<T>(clock: VirtualClock, source: Observable<T>, durationMs: number): Frame[] {
  const start = clock.now()
  const frames: Frame[] = []
  const subscription = source.subscribe({
    next: (value) => frames.push({ frame: clock.now() - start, kind: 'N', value }),
    error: (error: unknown) =>
      frames.push({ frame: clock.now() - start, kind: 'E', value: error instanceof Error ? error.name : error }),
    complete: () => frames.push({ frame: clock.now() - start, kind: 'C' }),
  })
  clock.advanceBy(durationMs)
  subscription.unsubscribe()
  return frames
}

/** Expected frames from a run-mode marble diagram (1 character = 1 ms, `1000ms` = time progression). */
function marbles(diagram: string, values?: Record<string, unknown>, error?: unknown): Frame[] {
  // Run mode counts one frame per character, as inside `TestScheduler.run`.
  const factor = TestScheduler.frameTimeFactor
  TestScheduler.frameTimeFactor = 1
  const parsed = TestScheduler.parseMarbles(diagram, values, error, false, true)
  TestScheduler.frameTimeFactor = factor
  return parsed.map(({ frame, notification }) =>
    notification.kind === 'N'
      ? { frame, kind: 'N', value: notification.value }
      : notification.kind === 'E'
        ? { frame, kind: 'E', value: notification.error }
        : { frame, kind: 'C' },
  )
}

describe('createVirtualClock', () => {
  it('starts at the given instant and is virtual', () => {
    const clock = createVirtualClock(START)
    expect(clock.now()).toBe(START)
    expect(clock.scheduler.now()).toBe(START)
    expect(clock.kind).toBe('virtual')
    expect(isVirtualClock(clock)).toBe(true)
    expect(isVirtualClock(wallClock())).toBe(false)
  })

  it('drives interval in time order', () => {
    const clock = createVirtualClock(START)
    const frames = record(clock, interval(1_000, clock.scheduler).pipe(take(3)), 5_000)
    expect(frames).toEqual(marbles('1000ms a 999ms b 999ms (c|)', { a: 0, b: 1, c: 2 }))
  })

  it('drives timer with a delay and a period', () => {
    const clock = createVirtualClock(START)
    const frames = record(clock, timer(500, 250, clock.scheduler).pipe(take(3)), 2_000)
    expect(frames).toEqual(marbles('500ms a 249ms b 249ms (c|)', { a: 0, b: 1, c: 2 }))
  })

  it('drives timer at an absolute Date', () => {
    const clock = createVirtualClock(START)
    const frames = record(clock, timer(new Date(START + 1_234), clock.scheduler), 2_000)
    expect(frames).toEqual(marbles('1234ms (a|)', { a: 0 }))
  })

  it('drives sampleTime, debounceTime and bufferTime', () => {
    const clock = createVirtualClock(START)
    const source = new Subject<string>()
    const sampled: Frame[] = []
    const debounced: Frame[] = []
    const buffered: Frame[] = []
    const at = (into: Frame[]) => (value: unknown) => into.push({ frame: clock.now() - START, kind: 'N', value })
    source.pipe(sampleTime(1_000, clock.scheduler)).subscribe(at(sampled))
    source.pipe(debounceTime(300, clock.scheduler)).subscribe(at(debounced))
    source.pipe(bufferTime(1_000, clock.scheduler)).subscribe(at(buffered))
    const emit = (atMs: number, value: string) => {
      clock.advanceTo(START + atMs)
      source.next(value)
    }
    emit(100, 'a')
    emit(200, 'b')
    emit(900, 'c')
    emit(1_500, 'd')
    clock.advanceTo(START + 2_500)
    expect(sampled).toEqual(marbles('1000ms c 999ms d', { c: 'c', d: 'd' }))
    expect(debounced).toEqual(marbles('500ms b 699ms c 599ms d', { b: 'b', c: 'c', d: 'd' }))
    expect(buffered).toEqual(marbles('1000ms x 999ms y', { x: ['a', 'b', 'c'], y: ['d'] }))
  })

  it('drives timeout', () => {
    const clock = createVirtualClock(START)
    const silentAfterOne = timer(1_000, clock.scheduler).pipe(concatWith(NEVER))
    const frames = record(clock, silentAfterOne.pipe(timeout({ each: 2_000, scheduler: clock.scheduler })), 5_000)
    expect(frames).toEqual(marbles('1000ms a 1999ms #', { a: 0 }, 'TimeoutError'))
  })

  it('runs timers due at the same instant in the order they were scheduled', () => {
    const clock = createVirtualClock(START)
    const order: string[] = []
    clock.scheduler.schedule(() => order.push('first'), 100)
    clock.scheduler.schedule(() => order.push('second'), 100)
    clock.scheduler.schedule(() => order.push('earlier'), 50)
    clock.scheduler.schedule(() => {
      order.push('nested-parent')
      clock.scheduler.schedule(() => order.push('nested-child'), 0)
    }, 100)
    clock.advanceBy(100)
    expect(order).toEqual(['earlier', 'first', 'second', 'nested-parent', 'nested-child'])
  })

  it('shows each timer the instant it was due, then settles at the target', () => {
    const clock = createVirtualClock(START)
    const seen: number[] = []
    clock.scheduler.schedule(() => seen.push(clock.now()), 40)
    clock.scheduler.schedule(() => seen.push(clock.now()), 70)
    clock.advanceBy(100)
    expect(seen).toEqual([START + 40, START + 70])
    expect(clock.now()).toBe(START + 100)
  })

  it('never moves backwards', () => {
    const clock = createVirtualClock(START)
    clock.advanceTo(START + 1_000)
    clock.advanceTo(START + 10)
    expect(clock.now()).toBe(START + 1_000)
  })

  it('rejects non-finite targets, negative steps and re-entrant advances', () => {
    expect(() => createVirtualClock(Number.NaN)).toThrow(VirtualClockError)
    const clock = createVirtualClock(START)
    expect(() => clock.advanceTo(Number.POSITIVE_INFINITY)).toThrow(VirtualClockError)
    expect(() => clock.advanceBy(-1)).toThrow(VirtualClockError)
    let inner: unknown
    clock.scheduler.schedule(() => {
      try {
        clock.advanceBy(10)
      } catch (error) {
        inner = error
      }
    }, 5)
    clock.advanceBy(10)
    expect(inner).toBeInstanceOf(VirtualClockError)
    expect(clock.now()).toBe(START + 10)
  })

  it('does not fire cancelled timers and reschedules an action in place', () => {
    const clock = createVirtualClock(START)
    const fired: string[] = []
    const cancelled = clock.scheduler.schedule(() => fired.push('cancelled'), 100)
    cancelled.unsubscribe()
    clock.scheduler.schedule<number>(
      function (count) {
        const n = count ?? 0
        fired.push(`tick${n}`)
        if (n < 2) this.schedule(n + 1, 10)
      },
      10,
      0,
    )
    clock.advanceBy(1_000)
    expect(fired).toEqual(['tick0', 'tick1', 'tick2'])
    expect(clock.pendingTimers()).toBe(0)
    expect(clock.nextTimerMs()).toBeUndefined()
  })

  it('keeps one pending action for a periodic timer over a whole trading day', () => {
    const clock = createVirtualClock(START)
    let ticks = 0
    const subscription = interval(100, clock.scheduler).subscribe(() => ticks++)
    clock.advanceBy(6.5 * 3_600_000)
    expect(ticks).toBe(234_000)
    expect(clock.pendingTimers()).toBe(1)
    expect(clock.nextTimerMs()).toBe(START + 6.5 * 3_600_000 + 100)
    subscription.unsubscribe()
    expect(clock.pendingTimers()).toBe(0)
  })

  it('rethrows an error from a timer and keeps the other timers', () => {
    const clock = createVirtualClock(START)
    const fired: number[] = []
    clock.scheduler.schedule(() => {
      throw new Error('boom')
    }, 10)
    clock.scheduler.schedule(() => fired.push(clock.now() - START), 20)
    expect(() => clock.advanceBy(30)).toThrow('boom')
    expect(clock.now()).toBe(START + 10)
    clock.advanceBy(20)
    expect(fired).toEqual([20])
  })
})
