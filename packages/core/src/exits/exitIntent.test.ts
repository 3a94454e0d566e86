import { Decimal } from 'decimal.js'
import { describe, expect, test } from 'vitest'
import { optionContract } from '../instruments/instrument.js'
import { instrumentId } from '../instruments/instrumentId.js'
import type { Quote } from '../marketData/types.js'
import type { OpenTrade } from '../oms/openTrades.js'
import { exitIntent } from './exitIntent.js'

const put = (strike: number) => optionContract({ root: 'SPY', expiry: '2025-11-21', strike, right: 'put' })
const shortPut = put(590)
const longPut = put(585)
// A bull put credit spread: short 590 put, long 585 put.
const trade: OpenTrade = {
  tradeId: 'entry-1',
  legs: [
    { instrument: longPut, side: 'buy', ratio: 1 },
    { instrument: shortPut, side: 'sell', ratio: 1 },
  ],
  strategyId: 's',
  filledUnits: 3,
  openUnits: 3,
  workingExitUnits: 0,
  entryNetPrice: new Decimal(-0.8),
  openedAtMs: 0,
}
const quote = (id: string, bid: number, ask: number): Quote => ({
  instrumentId: id,
  bid,
  ask,
  bidSize: 10,
  askSize: 10,
  timestampMs: 0,
})

describe('exitIntent', () => {
  test('a market exit leaves out a long leg nobody bids for and buys back the short one', () => {
    const quotes = new Map([
      [instrumentId(longPut), quote(instrumentId(longPut), 0, 0.01)],
      [instrumentId(shortPut), quote(instrumentId(shortPut), 0.05, 0.07)],
    ])
    const intent = exitIntent(
      trade,
      { tradeId: 'entry-1', reason: 'time_exit', units: 3 },
      { clientOrderId: 'exit.time.1', mode: 'paper', quoteOf: (id) => quotes.get(id) },
    )
    expect(intent?.type).toBe('MKT')
    expect(intent?.quantity).toBe(3)
    expect(intent?.legs).toEqual([{ instrument: shortPut, side: 'buy', ratio: 1 }])
  })

  test('with bids on every leg the whole spread is closed', () => {
    const quotes = new Map([
      [instrumentId(longPut), quote(instrumentId(longPut), 0.02, 0.03)],
      [instrumentId(shortPut), quote(instrumentId(shortPut), 0.05, 0.07)],
    ])
    const intent = exitIntent(
      trade,
      { tradeId: 'entry-1', reason: 'stop_loss', units: 3 },
      { clientOrderId: 'exit.sl.1', mode: 'paper', quoteOf: (id) => quotes.get(id) },
    )
    expect(intent?.legs.map((leg) => leg.side)).toEqual(['sell', 'buy'])
  })

  test('a single worthless long option needs no exit order', () => {
    const single: OpenTrade = { ...trade, legs: [{ instrument: longPut, side: 'buy', ratio: 1 }] }
    const intent = exitIntent(
      single,
      { tradeId: 'entry-1', reason: 'time_exit', units: 3 },
      { clientOrderId: 'exit.time.2', mode: 'paper', quoteOf: () => quote(instrumentId(longPut), 0, 0.01) },
    )
    expect(intent).toBeUndefined()
  })
})
