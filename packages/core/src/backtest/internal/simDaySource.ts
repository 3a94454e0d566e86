import type { MarketEvent } from '../../feeds/marketEvent.js'
import { createSimEventSource } from '../../sim/createSimEventSource.js'
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
 * One simulated trading day. The session pulls the simulator one simulation instant at a time when it needs more
 * events (a clock-less `createSimEventSource`, producing exactly what a sim feed on a virtual clock of its own
 * would), so the system's clock is moved only by the replay feed (exactly as when a recording of this day is
 * replayed). The day's seed is `hashSeed(seed, date)`: the market of a date depends only on the run seed and the
 * date, not on where the date falls in the run.
 *
 * @param options - Date, seed, simulator settings, session bounds.
 * @returns The day's source.
 */
export function simDaySource(options: SimDaySourceOptions): DaySource {
  const sim = createSimEventSource({
    ...options.sim,
    seed: hashSeed(options.seed, options.date),
    startMs: options.startMs,
  })

  return {
    simulated: true,
    pull() {
      const batch: MarketEvent[] = []
      while (batch.length === 0) {
        const dueMs = sim.nextDueMs()
        if (dueMs === undefined || dueMs >= options.endMs) return undefined
        sim.advanceTo(dueMs, batch)
      }
      return batch
    },
    listOptionChain: (underlying, expiry) => sim.listOptionChain(underlying, expiry),
    subscribe: (instruments) => sim.subscribe(instruments),
    unsubscribe: (instruments) => sim.unsubscribe(instruments),
    async connect() {
      sim.connect()
    },
    async close() {
      sim.close()
    },
  }
}
