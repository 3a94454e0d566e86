/**
 * Records the raw quotes of a simulated session (SPY, QQQ, IWM, their ATM ± 10 0DTE chains and the VIX family),
 * exactly as the market pipeline streams them, for benchmarks that need realistic market data.
 */
import {
  createMarketPipeline,
  createSimFeed,
  createVirtualClock,
  driveVirtualClock,
  nyTimeToMs,
  type OptionQuote,
  type Quote,
} from '@smart-0dte/core'

/** A recorded simulated session. */
export interface SimulatedSession {
  /** Every raw quote the feed emitted, in order. */
  readonly quotes: (Quote | OptionQuote)[]
  /** The trading day simulated. */
  readonly date: string
  /** Simulated minutes. */
  readonly minutes: number
}

/**
 * Simulates `minutes` of a session from 09:30 New York and records the feed's raw quotes.
 *
 * @param date - Trading day `YYYY-MM-DD`.
 * @param minutes - Simulated minutes from the open.
 * @param seed - Simulator seed.
 * @returns The quotes.
 */
export async function simulatedSession(date: string, minutes: number, seed = 42): Promise<SimulatedSession> {
  const clock = createVirtualClock(nyTimeToMs(date, '09:30'))
  const feed = createSimFeed({ clock, seed })
  const pipeline = createMarketPipeline({ feed, clock })
  const quotes: (Quote | OptionQuote)[] = []
  const recording = feed.quotes$.subscribe((quote) => quotes.push(quote))
  pipeline.start()
  await feed.connect()
  await driveVirtualClock(clock, { untilMs: clock.now() + minutes * 60_000 })
  recording.unsubscribe()
  pipeline.stop()
  await feed.close()
  return { quotes, date, minutes }
}
