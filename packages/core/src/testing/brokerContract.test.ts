import { Subject } from 'rxjs'
import { createVirtualClock } from '../clock/virtualClock.js'
import { optionContract } from '../instruments/instrument.js'
import { instrumentId } from '../instruments/instrumentId.js'
import type { Quote } from '../marketData/types.js'
import { createPaperBroker } from '../paper/createPaperBroker.js'
import { sqlitePaperBrokerStore } from '../paper/sqlitePaperBrokerStore.js'
import { testBrokerContract } from './brokerContract.js'

const START = Date.UTC(2025, 10, 20, 15, 0) // Thursday 10:00 New York
const instruments = {
  option: optionContract({ root: 'SPY', expiry: '2025-11-21', strike: 500, right: 'call' }),
  otherOption: optionContract({ root: 'SPY', expiry: '2025-11-21', strike: 505, right: 'call' }),
}

function paperHarness(latencyMs: number, withStore: boolean) {
  return async () => {
    const clock = createVirtualClock(START)
    const quotes = new Subject<Quote>()
    const store = withStore ? sqlitePaperBrokerStore({ path: ':memory:' }) : undefined
    return {
      broker: createPaperBroker({ clock, quotes$: quotes, latencyMs, ...(store ? { store } : {}) }),
      instruments,
      quote(instrument: typeof instruments.option, bid: number, ask: number, size: number) {
        const id = instrumentId(instrument)
        quotes.next({ instrumentId: id, bid, ask, bidSize: size, askSize: size, timestampMs: clock.now() })
      },
      async settle() {
        clock.advanceBy(Math.max(latencyMs, 1))
        await Promise.resolve()
      },
      async dispose() {
        store?.close()
      },
    }
  }
}

testBrokerContract('paper (no latency)', paperHarness(0, false))
testBrokerContract('paper (50 ms latency, SQLite store)', paperHarness(50, true))
