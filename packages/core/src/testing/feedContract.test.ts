import { nyTimeToMs } from '../calendar/newYorkTime.js'
import { createVirtualClock } from '../clock/virtualClock.js'
import type { MarketEvent } from '../feeds/marketEvent.js'
import { quoteEvent } from '../feeds/marketEvent.js'
import { equity, optionContract } from '../instruments/instrument.js'
import { createReplayFeed } from '../replay/createReplayFeed.js'
import { createSimFeed } from '../sim/createSimFeed.js'
import { testFeedContract } from './feedContract.js'

const DATE = '2025-11-21'
const OPEN = nyTimeToMs(DATE, '09:30')
const SPY = equity('SPY')
const QQQ = equity('QQQ')
const SPY_CALL = optionContract({ root: 'SPY', expiry: DATE, strike: 590, right: 'call' })
const settle = () => new Promise<void>((resolve) => setImmediate(resolve))

testFeedContract('SimFeed', () => {
  const clock = createVirtualClock(OPEN)
  return {
    feed: createSimFeed({ clock, seed: 7 }),
    instruments: [SPY, QQQ],
    option: SPY_CALL,
    advance: async () => {
      clock.advanceBy(10_000)
      await settle()
    },
  }
})

let recording: MarketEvent[] | undefined

/** Thirty simulated minutes of SPY, QQQ and an at-the-money SPY call, recorded once. */
async function simRecording(): Promise<MarketEvent[]> {
  if (recording) return recording
  const clock = createVirtualClock(OPEN)
  const sim = createSimFeed({ clock, seed: 11 })
  const events: MarketEvent[] = []
  sim.quotes$.subscribe((data) => events.push(quoteEvent(data)))
  sim.trades$.subscribe((data) => events.push({ type: 'trade', data }))
  sim.bars$.subscribe((data) => events.push({ type: 'bar', data }))
  sim.subscribe([SPY, QQQ, SPY_CALL])
  await sim.connect()
  clock.advanceBy(30 * 60_000)
  await sim.close()
  recording = events
  return events
}

testFeedContract('ReplayFeed', async () => {
  const source = await simRecording()
  const clock = createVirtualClock(OPEN)
  const pacingClock = createVirtualClock(0)
  return {
    feed: createReplayFeed({ source, clock, speed: 60, pacingClock }),
    instruments: [SPY, QQQ],
    option: SPY_CALL,
    // One second of pacing time: one minute of market time at 60×.
    advance: async () => {
      for (let i = 0; i < 20; i++) {
        pacingClock.advanceBy(50)
        await settle()
      }
    },
  }
})
