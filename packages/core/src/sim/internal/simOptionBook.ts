import { expirationInstantMs } from '../../calendar/optionsHours.js'
import type { OptionContract } from '../../instruments/instrument.js'
import { instrumentId } from '../../instruments/instrumentId.js'
import type { OptionQuote } from '../../marketData/types.js'
import { bsPrice } from '../../pricing/bsPrice.js'
import { centredBidCents, optionSpreadTicks, optionTickCents } from '../optionQuoteRules.js'
import { createPrng, hashSeed, type Prng } from '../prng.js'
import { smileVolatility } from '../volatilitySmile.js'
import type { SimDay, SimMarket, SimStepListener } from './simMarket.js'
import { SimSeries } from './simSeries.js'
import type { SimSink, SimUnderlying } from './simUnderlying.js'

const TWO_POW_32 = 4_294_967_296
const DAY_MS = 86_400_000
/** Chance that an option quote refresh also prints the volume traded since the last print. */
const TRADE_PRINT_PROBABILITY = 0.35

interface SimOption {
  readonly id: string
  readonly contract: OptionContract
  readonly series: SimSeries
  /** Instant the contract stops trading (its series' expiry), read by the scan at every step. */
  readonly expiryMs: number
  readonly prng: Prng
  nextRefreshMs: number
  /** 0.25 far from the money … 1 at the money: scales activity, sizes and volume. */
  weight: number
  openInterest: number
  dailyVolume: number
  printedVolume: number
}

/**
 * Quotes (and trades) of the subscribed option contracts: each refreshes at random times, more often near the
 * money and at busy times of day, priced with Black–Scholes–Merton on a skewed smile around the at-the-money
 * volatility implied by the simulated variance. Only subscribed contracts cost anything.
 */
export class SimOptionBook implements SimStepListener {
  private readonly options: SimOption[] = []
  private readonly byId = new Map<string, SimOption>()
  /** Series of the contracts in the book, by underlying index and expiry instant. */
  private readonly series = new Map<string, SimSeries>()
  private readonly seed: number

  constructor(private readonly market: SimMarket) {
    this.seed = hashSeed(market.config.seed, 'options')
    market.setListener(this)
  }

  /** Whether any contract is being simulated. */
  get active(): boolean {
    return this.options.length > 0
  }

  /**
   * Starts simulating a contract.
   *
   * @param contract - The contract.
   * @returns `ok`, or why the contract cannot be simulated.
   * @throws {NonTradingDayError} When nothing expires on the contract's expiry date.
   */
  add(contract: OptionContract): 'ok' | 'unknown_underlying' | 'expired' {
    const underlyingIndex = this.market.underlyings.findIndex((u) => u.symbol === contract.underlying)
    if (underlyingIndex < 0) return 'unknown_underlying'
    const id = instrumentId(contract)
    if (this.byId.has(id)) return 'ok'
    const expiryMs = expirationInstantMs(contract.root, contract.expiry)
    if (expiryMs <= this.market.lastStepAtMs) return 'expired'
    const seriesKey = `${underlyingIndex}|${expiryMs}`
    let series = this.series.get(seriesKey)
    if (!series) {
      series = new SimSeries(underlyingIndex, contract.expiry, expiryMs)
      this.series.set(seriesKey, series)
    }
    series.members++
    const option: SimOption = {
      id,
      contract,
      series,
      expiryMs,
      prng: createPrng(hashSeed(this.seed, id)),
      nextRefreshMs: 0,
      weight: 1,
      openInterest: 0,
      dailyVolume: 0,
      printedVolume: 0,
    }
    this.dailyStats(option, this.market.day)
    // Trades printed from now on carry only the volume traded after the subscription.
    const day = this.market.day
    const elapsed = Math.min(Math.max((this.market.lastStepAtMs - day.openMs) / day.sessionMs, 0), 1)
    option.printedVolume = Math.floor(option.dailyVolume * this.market.activityProfile.cumulative(elapsed))
    this.options.push(option)
    this.byId.set(id, option)
    return 'ok'
  }

  /** Stops simulating a contract. */
  remove(contract: OptionContract): void {
    const id = instrumentId(contract)
    const option = this.byId.get(id)
    if (!option) return
    this.byId.delete(id)
    this.options.splice(this.options.indexOf(option), 1)
    option.series.members--
    if (option.series.members === 0) this.series.delete(`${option.series.underlyingIndex}|${option.series.expiryMs}`)
  }

  onDay(day: SimDay): void {
    for (const option of this.options) this.dailyStats(option, day)
  }

  onStep(atMs: number, activity: number, sink: SimSink | undefined): void {
    for (const option of this.options) {
      if (option.nextRefreshMs <= atMs && option.expiryMs > atMs) this.refresh(option, atMs, activity, sink)
    }
  }

  private refresh(option: SimOption, atMs: number, activity: number, sink: SimSink | undefined): void {
    const market = this.market
    const config = market.config
    const series = option.series
    series.update(atMs, market)
    const years = series.years
    if (years <= 0) return
    const underlying = market.underlyings[series.underlyingIndex] as SimUnderlying
    const dividendYield = underlying.config.dividendYield
    const sqrtYears = series.sqrtYears
    const atmVolatility = series.atmVolatility
    const strike = option.contract.strike
    const volatility =
      atmVolatility * sqrtYears > 1e-9
        ? smileVolatility(atmVolatility, Math.log(strike / series.forward), sqrtYears, config.smile)
        : 0
    const theo = bsPrice(
      option.contract.right,
      series.spot,
      strike,
      years,
      volatility,
      config.riskFreeRate,
      dividendYield,
    )
    const tick = optionTickCents(theo, underlying.config.optionTickRule)
    const spreadTicks = optionSpreadTicks(theo, tick)
    const bidCents = centredBidCents(theo, spreadTicks, tick)
    const askCents = bidCents + spreadTicks * tick
    const prng = option.prng
    const meanSize = underlying.config.meanOptionQuoteSize * option.weight
    const bidSize = bidCents > 0 ? 1 + Math.floor(prng.exponential() * meanSize) : 0
    const askSize = 1 + Math.floor(prng.exponential() * meanSize)
    const volume = Math.floor(option.dailyVolume * market.activityDone)
    const print = prng.next() < TRADE_PRINT_PROBABILITY * option.weight && volume > option.printedVolume
    const buy = prng.next() < 0.5
    const rate = config.optionQuotesPerSecond * activity * option.weight
    const waitMs = (prng.exponential() / rate) * 1000
    option.nextRefreshMs = atMs + Math.max(1, Math.ceil(waitMs / config.stepMs)) * config.stepMs
    // No subscription lookup per quote: the feed's session context drops events of instruments not subscribed
    // (adapters may over-deliver), and the book only holds contracts that were subscribed.
    if (sink) {
      const quote: OptionQuote = {
        instrumentId: option.id,
        bid: bidCents / 100,
        ask: askCents / 100,
        bidSize,
        askSize,
        timestampMs: atMs,
        source: 'sim',
        underlyingPrice: series.underlyingMid,
        openInterest: option.openInterest,
        volume,
      }
      sink.quote(quote)
    }
    if (print) {
      const size = volume - option.printedVolume
      option.printedVolume = volume
      if (sink) {
        const price = (buy || bidCents === 0 ? askCents : bidCents) / 100
        sink.trade({ instrumentId: option.id, price, size, timestampMs: atMs, source: 'sim' })
      }
    }
  }

  /**
   * Open interest and the day's volume of a contract: peaked at the money (in units of the day's expected move),
   * higher on round strikes, lower for later expiries, with a deterministic per-contract, per-day scatter.
   */
  private dailyStats(option: SimOption, day: SimDay): void {
    const market = this.market
    const index = option.series.underlyingIndex
    const config = market.underlyings[index]?.config
    if (!config) return
    const reference = day.openPrices[index] ?? config.startPrice
    const dailyDeviation = Math.sqrt(Math.max(market.variance, 1e-6) / 252) * config.volatilityRatio
    const distance = Math.abs(Math.log(option.contract.strike / reference)) / dailyDeviation
    const strike = option.contract.strike
    const roundBump = strike % 10 === 0 ? 1.5 : strike % 5 === 0 ? 1.25 : 1
    const daysOut = Math.max(0, Math.round((option.expiryMs - day.closeMs) / DAY_MS))
    const scatterOi = hashSeed(this.seed, option.id, day.date, 'oi') / TWO_POW_32
    const scatterVolume = hashSeed(this.seed, option.id, day.date, 'volume') / TWO_POW_32
    const putTilt = option.contract.right === 'put' ? 1.1 : 1
    option.weight = 0.25 + 0.75 * Math.exp(-distance / 2)
    option.openInterest = Math.round(
      config.peakOpenInterest *
        Math.exp(-distance / 2.5) *
        roundBump *
        (0.6 + 0.8 * scatterOi) *
        (daysOut > 0 ? 1.5 : 1),
    )
    option.dailyVolume = Math.round(
      (config.peakOptionVolume * Math.exp(-distance / 1.5) * roundBump * putTilt * (0.7 + 0.6 * scatterVolume)) /
        (1 + daysOut),
    )
    option.printedVolume = 0
  }
}
