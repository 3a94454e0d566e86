import type { TestScheduler } from 'rxjs/testing'
import type { Clock } from '../../clock/clock.js'

/**
 * A virtual clock over an RxJS `TestScheduler` for marble tests: `now()` is `baseMs` plus the scheduler's frame,
 * so marble frame 0 can be any instant (a session open, a DST day).
 *
 * @param scheduler - The test scheduler (inside `run`, frames are milliseconds).
 * @param baseMs - Epoch ms of frame 0. @default 0
 * @returns The clock.
 */
export function marbleClock(scheduler: TestScheduler, baseMs = 0): Clock {
  return { now: () => baseMs + scheduler.now(), scheduler, kind: 'virtual' }
}
