import { createVirtualClock } from '../../clock/virtualClock.js'
import { type MarketEvent, quoteEvent } from '../../feeds/marketEvent.js'
import { createSimFeed } from '../../sim/createSimFeed.js'
import { hashSeed } from '../../sim/prng.js'
import type { SimFeedOptions } from '../../sim/simConfig.js'
import type { DaySource } from './daySource.js'

/** Options of {@link simDaySource}. */
export interface SimDaySourceOptions {
  /** Trading day `YYYY-MM-DD`. */
  readonly date: string
  /** Run seed; the day's simulator seed is derived from it and the date. */
  readonly seed: number | string
  /** Simulator settings. */
  readonly sim: Omit<SimFeedOptions, 'clock' | 'seed'>
  /** Session start, epoch ms. */
  readonly startMs: number
  /** Session end, epoch ms: the simulator is not stepped at or past it. */
  readonly endMs: number
}

/**
 * One simulated trading day. The simulator runs on a clock of its own that the session steps one simulation
 * instant at a time when it needs more events, so the system's clock is moved only by the replay feed (exactly as
 * when a recording of this day is replayed). The day's seed is `hashSeed(seed, date)`: the market of a date
 * depends only on the run seed and the date, not on where the date falls in the run.
 *
 * @param options - Date, seed, simulator settings, session bounds.
 * @returns The day's source.
 */
export function simDaySource(options: SimDaySourceOptions): DaySource {
  const simClock = createVirtualClock(options.startMs)
  const sim = createSimFeed({ ...options.sim, clock: simClock, seed: hashSeed(options.seed, options.date) })
  let produced: MarketEvent[] = []
  const outputs = [
    sim.quotes$.subscribe((data) => produced.push(quoteEvent(data))),
    sim.trades$.subscribe((data) => produced.push({ type: 'trade', data })),
    sim.bars$.subscribe((data) => produced.push({ type: 'bar', data })),
  ]

  return {
    simulated: true,
    pull() {
      while (produced.length === 0) {
        const dueMs = simClock.nextTimerMs()
        if (dueMs === undefined || dueMs >= options.endMs) return undefined
        simClock.advanceTo(dueMs)
      }
      const batch = produced
      produced = []
      return batch
    },
    listOptionChain: (underlying, expiry) => sim.listOptionChain(underlying, expiry),
    subscribe: (instruments) => sim.subscribe(instruments),
    unsubscribe: (instruments) => sim.unsubscribe(instruments),
    connect: () => sim.connect(),
    async close() {
      for (const output of outputs) output.unsubscribe()
      await sim.close()
    },
  }
}
