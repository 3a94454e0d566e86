import { hasZeroDteExpiration } from '../../calendar/zeroDte.js'
import { BaseError } from '../../errors/baseError.js'
import { type Instrument, type OptionContract, optionContract } from '../../instruments/instrument.js'
import { listStrikes } from '../listStrikes.js'
import type { SimMarketSnapshot } from '../simMarketSnapshot.js'
import { SimUnsupportedInstrumentError } from '../simUnsupportedInstrumentError.js'
import { VIX_FAMILY } from '../volatilityTermStructure.js'
import type { ResolvedSimConfig } from './resolveSimConfig.js'
import { SimMarket } from './simMarket.js'
import { SimOptionBook } from './simOptionBook.js'

/**
 * The simulator behind both of its faces (the feed `createSimFeed` and the clock-less `createSimEventSource`): the
 * market, the option book, what instruments it can simulate, its chain listing and its snapshot.
 */
export class SimEngine {
  readonly market: SimMarket
  private readonly book: SimOptionBook
  private readonly indexIds = new Set<string>(VIX_FAMILY.map((entry) => entry.symbol))
  private readonly symbols: Set<string>

  /**
   * @param config - Resolved settings.
   * @param startMs - The market starts with the first session that has not closed at this instant.
   */
  constructor(
    readonly config: ResolvedSimConfig,
    startMs: number,
  ) {
    this.market = new SimMarket(config, startMs)
    this.book = new SimOptionBook(this.market)
    this.symbols = new Set(config.underlyings.map((u) => u.symbol))
  }

  /**
   * Starts simulating instruments; reports the ones the simulator does not simulate (and contracts that expired)
   * without stopping.
   *
   * @param instruments - Instruments, in subscription order.
   * @param reportError - Receives each problem.
   */
  add(instruments: readonly Instrument[], reportError: (error: BaseError) => void): void {
    for (const instrument of instruments) {
      const supported =
        instrument.kind === 'equity'
          ? this.symbols.has(instrument.symbol)
          : instrument.kind === 'index'
            ? this.indexIds.has(instrument.symbol)
            : this.addOption(instrument, reportError)
      if (!supported) {
        const name = instrument.kind === 'option' ? instrument.underlying : instrument.symbol
        reportError(new SimUnsupportedInstrumentError(`The simulator does not simulate ${name}`))
      }
    }
  }

  /**
   * Stops simulating the option contracts among `instruments` (equities and indices cost nothing).
   *
   * @param instruments - Instruments no longer wanted.
   */
  remove(instruments: readonly Instrument[]): void {
    for (const instrument of instruments) if (instrument.kind === 'option') this.book.remove(instrument)
  }

  /**
   * The day's simulated contracts of `underlying` expiring on `expiry`: the strike grid around the open (for the
   * current day) or the current price (for a later expiry), calls and puts.
   *
   * @param underlying - Underlying symbol (any case).
   * @param expiry - Expiry `YYYY-MM-DD`.
   * @returns The contracts; none for an unknown underlying, a past expiry or a day without a 0DTE expiration.
   */
  listOptionChain(underlying: string, expiry: string): Instrument[] {
    const config = this.config
    const market = this.market
    const index = config.underlyings.findIndex((u) => u.symbol === underlying.toUpperCase())
    const u = config.underlyings[index]
    if (!u || expiry < market.day.date || !hasZeroDteExpiration(u.symbol, expiry)) return []
    const reference =
      expiry === market.day.date
        ? (market.day.openPrices[index] ?? u.startPrice)
        : (market.underlyings[index]?.price ?? u.startPrice)
    return listStrikes(reference, u).flatMap((strike) => [
      optionContract({ root: u.symbol, expiry, strike, right: 'call' }),
      optionContract({ root: u.symbol, expiry, strike, right: 'put' }),
    ])
  }

  /** Prices, volatility and VIX values at the last simulated step. */
  snapshot(): SimMarketSnapshot {
    const market = this.market
    return {
      simulated: true,
      timestampMs: market.lastStepAtMs,
      date: market.day.date,
      volatility: Math.sqrt(Math.max(market.variance, 0)),
      prices: Object.fromEntries(market.underlyings.map((u) => [u.symbol, u.price])),
      indices: Object.fromEntries(VIX_FAMILY.map((entry, i) => [entry.symbol, market.indexValues[i] ?? 0])),
    }
  }

  private addOption(contract: OptionContract, reportError: (error: BaseError) => void): boolean {
    try {
      const status = this.book.add(contract)
      if (status === 'expired') {
        reportError(new SimUnsupportedInstrumentError(`Option expired before the simulated day: ${contract.expiry}`))
      }
      return status !== 'unknown_underlying'
    } catch (error) {
      if (error instanceof BaseError) reportError(error)
      else throw error
      return true
    }
  }
}
