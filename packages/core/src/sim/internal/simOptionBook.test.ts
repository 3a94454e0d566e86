import { describe, expect, it } from 'vitest'
import { nyTimeToMs } from '../../calendar/newYorkTime.js'
import { createVirtualClock } from '../../clock/virtualClock.js'
import { type OptionContract, optionContract } from '../../instruments/instrument.js'
import { instrumentId } from '../../instruments/instrumentId.js'
import type { Quote } from '../../marketData/types.js'
import { resolveSimConfig } from './resolveSimConfig.js'
import { SimMarket } from './simMarket.js'
import { SimOptionBook } from './simOptionBook.js'
import type { SimSink } from './simUnderlying.js'

const DATE = '2025-11-21'
const OPEN = nyTimeToMs(DATE, '09:30')
const STEP_MS = 100

function setup() {
  const market = new SimMarket(resolveSimConfig({ clock: createVirtualClock(OPEN), seed: 5 }), OPEN)
  const book = new SimOptionBook(market)
  const contract = (strike: number): OptionContract =>
    optionContract({ root: 'SPY', expiry: DATE, strike, right: 'call' })
  const quoted: string[] = []
  let onQuote: (quote: Quote) => void = () => undefined
  const sink: SimSink = {
    quote: (quote) => {
      if (quote.instrumentId.length !== 21) return
      quoted.push(`${quote.timestampMs - OPEN} ${quote.instrumentId.slice(-8, -3)}`)
      onQuote(quote)
    },
    trade: () => undefined,
    bar: () => undefined,
    wants: () => true,
  }
  return { market, book, contract, quoted, sink, react: (f: (quote: Quote) => void) => (onQuote = f) }
}

describe('SimOptionBook', () => {
  it('refreshes new contracts at the next step, in subscription order, then at random later steps', () => {
    const { market, book, contract, quoted, sink } = setup()
    for (const strike of [590, 591, 592]) expect(book.add(contract(strike))).toBe('ok')
    expect(book.add(contract(590))).toBe('ok')
    market.advance(OPEN, sink)
    expect(quoted).toEqual(['0 00590', '0 00591', '0 00592'])
    market.advance(OPEN + 60_000, sink)
    const later = quoted.slice(3)
    expect(later.length).toBeGreaterThan(3)
    const times = later.map((line) => Number(line.split(' ')[0]))
    expect(times.every((t, i) => t > 0 && t % STEP_MS === 0 && (i === 0 || t >= (times[i - 1] ?? 0)))).toBe(true)
  })

  it('walks the live list when a subscriber removes the contract being delivered (the next one waits a step)', () => {
    const { market, book, contract, quoted, sink, react } = setup()
    const [a, b, c] = [contract(590), contract(591), contract(592)]
    book.add(a)
    book.add(b)
    book.add(c)
    react((quote) => {
      if (quote.instrumentId === instrumentId(a)) book.remove(a)
    })
    market.advance(OPEN, sink)
    expect(quoted).toEqual(['0 00590', '0 00592'])
    market.advance(OPEN + STEP_MS, sink)
    expect(quoted[2]).toBe(`${STEP_MS} 00591`)
  })

  it('quotes a contract subscribed during delivery at the same step, after the others', () => {
    const { market, book, contract, quoted, sink, react } = setup()
    book.add(contract(590))
    book.add(contract(591))
    react((quote) => {
      if (quote.instrumentId === instrumentId(contract(590))) book.add(contract(600))
    })
    market.advance(OPEN, sink)
    expect(quoted).toEqual(['0 00590', '0 00591', '0 00600'])
    react(() => undefined)
    market.advance(OPEN + 10 * 60_000, sink)
    expect(quoted.filter((line) => line.endsWith('00600')).length).toBeGreaterThan(1)
  })

  it('stops refreshing a removed contract and refuses an expired one', () => {
    const { market, book, contract, quoted, sink } = setup()
    book.add(contract(590))
    book.add(contract(591))
    market.advance(OPEN, sink)
    book.remove(contract(590))
    book.remove(contract(590))
    market.advance(OPEN + 10 * 60_000, sink)
    expect(quoted.slice(2).every((line) => line.endsWith('00591'))).toBe(true)
    expect(book.add(optionContract({ root: 'SPY', expiry: '2025-11-20', strike: 590, right: 'put' }))).toBe('expired')
    expect(book.add(optionContract({ root: 'DIA', expiry: DATE, strike: 470, right: 'put' }))).toBe(
      'unknown_underlying',
    )
  })
})
