import { describe, expect, it } from 'vitest'
import { nyTimeToMs } from '../calendar/newYorkTime.js'
import { createVirtualClock } from '../clock/virtualClock.js'
import { type OptionContract, optionContract } from '../instruments/instrument.js'
import { instrumentId } from '../instruments/instrumentId.js'
import { parseOccSymbol } from '../instruments/occSymbol.js'
import type { OptionQuote, Trade } from '../marketData/types.js'
import { createSimFeed } from './createSimFeed.js'
import { SimUnsupportedInstrumentError } from './simUnsupportedInstrumentError.js'

const DATE = '2025-11-21'
const MINUTE = 60_000

interface Row {
  strike: number
  right: 'call' | 'put'
  quote: OptionQuote
}

/** Runs the sim with every subscribed contract re-quoted at every step; returns quotes grouped by timestamp. */
async function synchronousChains(startHhmm: string, minutes: number, width: number) {
  const clock = createVirtualClock(nyTimeToMs(DATE, startHhmm))
  const sim = createSimFeed({ clock, seed: 21, optionQuotesPerSecond: 1_000 })
  const byTime = new Map<number, Row[]>()
  sim.quotes$.subscribe((quote) => {
    if (quote.instrumentId.length !== 21) return
    const contract = parseOccSymbol(quote.instrumentId)
    const rows = byTime.get(quote.timestampMs) ?? []
    rows.push({ strike: contract.strike, right: contract.right, quote })
    byTime.set(quote.timestampMs, rows)
  })
  const chain = await sim.listOptionChain('SPY', DATE)
  const spot = sim.snapshot().prices.SPY ?? 590
  const atm = Math.round(spot)
  sim.subscribe(chain.filter((c): c is OptionContract => c.kind === 'option' && Math.abs(c.strike - atm) <= width))
  await sim.connect()
  clock.advanceBy(minutes * MINUTE)
  await sim.close()
  return [...byTime.values()].filter((rows) => rows.length === 2 * (2 * width + 1))
}

function mid(row: Row | undefined): number {
  return row ? (row.quote.bid + row.quote.ask) / 2 : Number.NaN
}

function checkChain(rows: Row[]): void {
  const spot = rows[0]?.quote.underlyingPrice ?? Number.NaN
  const calls = rows.filter((r) => r.right === 'call').sort((a, b) => a.strike - b.strike)
  const puts = rows.filter((r) => r.right === 'put').sort((a, b) => a.strike - b.strike)
  const tolerance = 0.02
  for (const { strike, right, quote } of rows) {
    const where = `${right} ${strike} @ ${spot}: ${quote.bid}/${quote.ask}`
    expect(quote.underlyingPrice, where).toBe(spot)
    expect(quote.bid, where).toBeGreaterThanOrEqual(0)
    expect(quote.ask, where).toBeGreaterThan(quote.bid)
    expect(Math.abs(quote.bid * 100 - Math.round(quote.bid * 100)), where).toBeLessThan(1e-9)
    expect(Math.abs(quote.ask * 100 - Math.round(quote.ask * 100)), where).toBeLessThan(1e-9)
    const intrinsic = right === 'call' ? Math.max(spot - strike, 0) : Math.max(strike - spot, 0)
    expect(quote.ask, where).toBeGreaterThanOrEqual(intrinsic - tolerance)
    expect(quote.bid, where).toBeLessThanOrEqual(right === 'call' ? spot : strike)
  }
  for (let i = 1; i < calls.length; i++) {
    expect(mid(calls[i]), 'calls fall with the strike').toBeLessThanOrEqual(mid(calls[i - 1]) + 1e-9)
    expect(mid(puts[i]), 'puts rise with the strike').toBeGreaterThanOrEqual(mid(puts[i - 1]) - 1e-9)
  }
  for (let i = 1; i + 1 < calls.length; i++) {
    const butterfly = mid(calls[i - 1]) - 2 * mid(calls[i]) + mid(calls[i + 1])
    expect(butterfly, 'call butterflies cost ≥ 0').toBeGreaterThanOrEqual(-tolerance)
  }
  calls.forEach((call, i) => {
    const parity = mid(call) - mid(puts[i]) - (spot - call.strike)
    expect(Math.abs(parity), `put-call parity at ${call.strike}`).toBeLessThan(0.05)
  })
}

describe('createSimFeed: 0DTE option chains', () => {
  it('quotes chains within no-arbitrage bounds after the open', async () => {
    const chains = await synchronousChains('09:30', 3, 10)
    expect(chains.length).toBeGreaterThan(1_000)
    for (const rows of chains.filter((_, i) => i % 100 === 0)) checkChain(rows)
  })

  it('quotes chains within no-arbitrage bounds into the close, converging to intrinsic', async () => {
    const chains = await synchronousChains('15:55', 5, 10)
    expect(chains.length).toBeGreaterThan(1_000)
    for (const rows of chains.filter((_, i) => i % 100 === 0)) checkChain(rows)
    const last = chains.at(-1) ?? []
    const spot = last[0]?.quote.underlyingPrice ?? 0
    const farOtm = last.filter((r) => Math.abs(r.strike - spot) > 3 && (r.right === 'call') === r.strike > spot)
    expect(farOtm.every((r) => r.quote.bid === 0 && r.quote.ask === 0.01)).toBe(true)
  })

  it('prices a put skew: out-of-the-money puts cost more than equidistant calls', async () => {
    const [rows = []] = await synchronousChains('10:00', 1, 6)
    const spot = rows[0]?.quote.underlyingPrice ?? 0
    const atm = Math.round(spot)
    const find = (right: string, strike: number) => rows.find((r) => r.right === right && r.strike === strike)
    expect(mid(find('put', atm - 5))).toBeGreaterThan(mid(find('call', atm + 5)))
  })

  it('fills open interest and volume plausibly and deterministically', async () => {
    const run = async () => {
      const clock = createVirtualClock(nyTimeToMs(DATE, '09:30'))
      const sim = createSimFeed({ clock, seed: 33 })
      const quotes: OptionQuote[] = []
      const trades: Trade[] = []
      sim.quotes$.subscribe((quote) => quotes.push(quote))
      sim.trades$.subscribe((trade) => trades.push(trade))
      const contracts = [590, 595, 600, 620].map((strike) =>
        optionContract({ root: 'SPY', expiry: DATE, strike, right: 'call' }),
      )
      sim.subscribe(contracts)
      await sim.connect()
      clock.advanceTo(nyTimeToMs(DATE, '16:00'))
      return { quotes, trades, ids: contracts.map(instrumentId) }
    }
    const { quotes, trades, ids } = await run()
    const [atm = '', round = '', , far = ''] = ids
    const of = (id: string) => quotes.filter((q) => q.instrumentId === id)
    for (const id of ids) {
      const series = of(id)
      expect(series.length).toBeGreaterThan(100)
      expect(new Set(series.map((q) => q.openInterest)).size).toBe(1)
      const volumes = series.map((q) => q.volume ?? -1)
      expect(volumes.every((v, i) => Number.isInteger(v) && v >= (volumes[i - 1] ?? 0))).toBe(true)
      const printed = trades.filter((t) => t.instrumentId === id).reduce((sum, t) => sum + t.size, 0)
      expect(printed).toBeLessThanOrEqual(volumes.at(-1) ?? 0)
    }
    expect(of(atm)[0]?.openInterest).toBeGreaterThan(of(far)[0]?.openInterest ?? 0)
    expect(of(atm).at(-1)?.volume).toBeGreaterThan(50_000)
    expect(of(atm).at(-1)?.volume).toBeGreaterThan(of(far).at(-1)?.volume ?? 0)
    expect(of(round)[0]?.openInterest).toBeGreaterThan(0)
    expect(of(atm).length).toBeGreaterThan(of(far).length)
    const again = await run()
    expect(again.quotes).toEqual(quotes)
    expect(again.trades).toEqual(trades)
  })

  it('stops quoting expiring contracts at the close and refuses expired ones', async () => {
    const clock = createVirtualClock(nyTimeToMs(DATE, '15:59'))
    const sim = createSimFeed({ clock, seed: 1 })
    const times: number[] = []
    const errors: unknown[] = []
    sim.quotes$.subscribe((quote) => times.push(quote.timestampMs))
    sim.errors$.subscribe((error) => errors.push(error))
    sim.subscribe([
      optionContract({ root: 'SPY', expiry: DATE, strike: 590, right: 'put' }),
      optionContract({ root: 'SPY', expiry: '2025-11-20', strike: 590, right: 'put' }),
    ])
    await sim.connect()
    clock.advanceTo(nyTimeToMs(DATE, '16:30'))
    expect(times.length).toBeGreaterThan(0)
    expect(Math.max(...times)).toBeLessThan(nyTimeToMs(DATE, '16:00'))
    expect(errors).toHaveLength(1)
    expect(errors[0]).toBeInstanceOf(SimUnsupportedInstrumentError)
  })
})
