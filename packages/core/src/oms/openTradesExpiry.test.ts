import { Decimal } from 'decimal.js'
import { Subject } from 'rxjs'
import { expect, test } from 'vitest'
import { nyTimeToMs } from '../calendar/newYorkTime.js'
import { createVirtualClock } from '../clock/virtualClock.js'
import { optionContract } from '../instruments/instrument.js'
import { instrumentId } from '../instruments/instrumentId.js'
import { createJournal } from '../journal/journal.js'
import { createMemoryJournalStore } from '../journal/memoryJournalStore.js'
import type { Quote } from '../marketData/types.js'
import { createPaperBroker } from '../paper/createPaperBroker.js'
import { createMutableMarketView } from '../risk/mutableMarketView.js'
import { createRiskEngine } from '../risk/riskEngine.js'
import { createOrderManager } from './orderManager.js'

const DAY = '2025-11-21'

test('a trade held to expiration is no longer open once its contract has expired', async () => {
  const clock = createVirtualClock(nyTimeToMs(DAY, '15:00'))
  const quotes$ = new Subject<Quote>()
  const broker = createPaperBroker({ clock, quotes$ })
  const marketView = createMutableMarketView()
  const risk = createRiskEngine({ mode: 'paper', clock })
  const journal = createJournal({ store: createMemoryJournalStore(), clock, mode: 'paper' })
  const oms = createOrderManager({ broker, risk, journal, clock, marketView, revalueIntervalMs: 0 })
  const call = optionContract({ root: 'SPY', expiry: DAY, strike: 600, right: 'call' })
  const quote = (id: string, bid: number, ask: number) =>
    quotes$.next({ instrumentId: id, bid, ask, bidSize: 50, askSize: 50, timestampMs: clock.now() })
  await broker.connect()
  await oms.start()
  quote('SPY', 595, 595.02)
  quote(instrumentId(call), 0.2, 0.22)
  marketView.setMark(instrumentId(call), 0.21)
  marketView.setMark('SPY', 595.01)
  marketView.setGreeks(instrumentId(call), { delta: 0.1, gamma: 0.05, theta: 0, vega: 0, rho: 0 })
  await oms.submit(
    {
      clientOrderId: 'hold-to-expiry',
      legs: [{ instrument: call, side: 'buy', ratio: 1 }],
      quantity: 1,
      type: 'LMT',
      limitPrice: new Decimal('0.22'),
      timeInForce: 'DAY',
      mode: 'paper',
    },
    'entry',
  )
  clock.advanceBy(1000)
  expect(oms.openTrades().map((t) => t.tradeId)).toEqual(['hold-to-expiry'])

  // Out of the money at the close: the call expires worthless at the expiration instant.
  clock.advanceTo(nyTimeToMs(DAY, '16:00'))
  quote('SPY', 596, 596.02)
  clock.advanceTo(nyTimeToMs(DAY, '16:20'))
  quote('SPY', 596, 596.02)
  clock.advanceBy(1000)
  expect(oms.positions()).toEqual([])
  expect(oms.openTrades()).toEqual([])
  await oms.stop()
  await broker.close()
})
