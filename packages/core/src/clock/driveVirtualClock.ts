import { firstValueFrom, timer } from 'rxjs'
import { type Clock, wallClock } from './clock.js'
import { yieldToEventLoop } from './internal/yieldToEventLoop.js'
import type { VirtualClock } from './virtualClock.js'
import { VirtualClockError } from './virtualClockError.js'

/** Options of {@link driveVirtualClock}. */
export interface DriveVirtualClockOptions {
  /** Instant to stop at, epoch ms. */
  untilMs: number
  /** `max` runs as fast as possible; a number N runs N× real time, paced by `pacingClock`. @default 'max' */
  speed?: 'max' | number
  /** Real-time clock that paces N× runs; never the driven clock itself. @default wallClock() */
  pacingClock?: Clock
  /** At `max` speed, virtual milliseconds advanced between yields to the event loop (I/O gets a turn). @default 60000 */
  chunkMs?: number
  /** At N× speed, real milliseconds between advances. @default 50 */
  tickMs?: number
  /** Stops driving when aborted; the promise then resolves at the time reached. */
  signal?: AbortSignal
}

/**
 * Drives a virtual clock up to an instant: as fast as possible (in chunks, letting the event loop run between
 * them so writes and sockets keep up), or at N× real time. This is how the simulator runs accelerated: create it
 * on a virtual clock, connect, then drive the clock through the session.
 *
 * @param clock - The virtual clock to advance.
 * @param options - Target instant, speed, pacing.
 * @returns Resolves when `untilMs` is reached or the signal aborts.
 * @throws {VirtualClockError} When the speed or the pacing clock is invalid.
 * @example
 * ```ts
 * const clock = createVirtualClock(nyTimeToMs('2025-11-21', '09:30'))
 * const sim = createSimFeed({ clock })
 * await sim.connect()
 * await driveVirtualClock(clock, { untilMs: nyTimeToMs('2025-11-21', '16:00'), speed: 60 }) // 6.5 minutes
 * ```
 */
export async function driveVirtualClock(clock: VirtualClock, options: DriveVirtualClockOptions): Promise<void> {
  const { untilMs, signal } = options
  const speed = options.speed ?? 'max'
  if (!Number.isFinite(untilMs)) throw new VirtualClockError(`driveVirtualClock needs a finite untilMs, got ${untilMs}`)
  if (speed !== 'max' && !(speed > 0 && Number.isFinite(speed))) {
    throw new VirtualClockError(`driveVirtualClock speed must be 'max' or a positive number, got ${speed}`)
  }
  if (speed === 'max') {
    const chunkMs = options.chunkMs ?? 60_000
    while (clock.now() < untilMs && !signal?.aborted) {
      clock.advanceTo(Math.min(clock.now() + chunkMs, untilMs))
      await yieldToEventLoop()
    }
    return
  }
  const pacingClock = options.pacingClock ?? wallClock()
  if ((pacingClock as Clock) === clock) throw new VirtualClockError('The pacing clock must not be the driven clock')
  const tickMs = options.tickMs ?? 50
  const realStartMs = pacingClock.now()
  const virtualStartMs = clock.now()
  while (clock.now() < untilMs && !signal?.aborted) {
    await firstValueFrom(timer(tickMs, pacingClock.scheduler))
    if (signal?.aborted) return
    clock.advanceTo(Math.min(virtualStartMs + (pacingClock.now() - realStartMs) * speed, untilMs))
  }
}
