import { interval } from 'rxjs'
import { describe, expect, it } from 'vitest'
import { driveVirtualClock } from './driveVirtualClock.js'
import { createVirtualClock } from './virtualClock.js'
import { VirtualClockError } from './virtualClockError.js'

const START = Date.UTC(2025, 10, 21, 14, 30)
const settle = () => new Promise<void>((resolve) => setImmediate(resolve))

describe('driveVirtualClock', () => {
  it('runs to the target as fast as possible, yielding to the event loop between chunks', async () => {
    const clock = createVirtualClock(START)
    const ticks: number[] = []
    interval(1_000, clock.scheduler).subscribe(() => ticks.push(clock.now()))
    const macrotasks: number[] = []
    const watch = () => {
      macrotasks.push(clock.now())
      if (clock.now() < START + 3_600_000) setImmediate(watch)
    }
    setImmediate(watch)
    await driveVirtualClock(clock, { untilMs: START + 3_600_000, chunkMs: 60_000 })
    expect(clock.now()).toBe(START + 3_600_000)
    expect(ticks).toHaveLength(3_600)
    expect(ticks.every((t, i) => t === START + (i + 1) * 1_000)).toBe(true)
    expect(new Set(macrotasks).size).toBeGreaterThan(30)
  })

  it('runs N× real time by the pacing clock', async () => {
    const clock = createVirtualClock(START)
    const pacingClock = createVirtualClock(0)
    const done = driveVirtualClock(clock, { untilMs: START + 60_000, speed: 10, pacingClock, tickMs: 100 })
    for (let i = 0; i < 30; i++) {
      pacingClock.advanceBy(100)
      await settle()
    }
    expect(clock.now()).toBe(START + 30_000)
    for (let i = 0; i < 40; i++) {
      pacingClock.advanceBy(100)
      await settle()
    }
    await done
    expect(clock.now()).toBe(START + 60_000)
  })

  it('stops when aborted', async () => {
    const clock = createVirtualClock(START)
    const pacingClock = createVirtualClock(0)
    const controller = new AbortController()
    const done = driveVirtualClock(clock, { untilMs: START + 60_000, speed: 1, pacingClock, signal: controller.signal })
    pacingClock.advanceBy(50)
    await settle()
    controller.abort()
    pacingClock.advanceBy(50)
    await done
    expect(clock.now()).toBe(START + 50)
  })

  it('rejects bad speeds and self-pacing', async () => {
    const clock = createVirtualClock(START)
    await expect(driveVirtualClock(clock, { untilMs: START + 1, speed: 0 })).rejects.toBeInstanceOf(VirtualClockError)
    await expect(driveVirtualClock(clock, { untilMs: START + 1, speed: 2, pacingClock: clock })).rejects.toBeInstanceOf(
      VirtualClockError,
    )
  })
})
