import type { Bar, Quote, Trade } from '../../marketData/types.js'
import type { Prng } from '../prng.js'
import type { SimUnderlyingConfig } from '../simConfig.js'

/** Where simulated events go, and which instruments are wanted. */
export interface SimSink {
  quote(quote: Quote): void
  trade(trade: Trade): void
  bar(bar: Bar): void
  wants(instrumentId: string): boolean
}

const SOURCE = 'sim'
const WIDE_SPREAD_PROBABILITY = 0.03
const ODD_LOT_PROBABILITY = 0.3

/**
 * One simulated underlying: its efficient price, its top of book and its tape. The price moves in `SimMarket`;
 * this class turns it into quotes one tick wide (occasionally two), trades at the bid or ask, and bars.
 * Every random draw happens whether or not anyone is subscribed, so the path never depends on subscriptions.
 */
export class SimUnderlying {
  readonly symbol: string
  /** Efficient (fair) price; quotes straddle it. */
  price: number
  /** Efficient price at the previous step; events within a step interpolate from it. */
  previousPrice: number
  /** Bid and ask of the last published quote, cents. */
  bidCents = 0
  askCents = 0
  private dayOpenMs = 0
  /** Start of the bar being built, NaN when none is open. */
  private barStartMs = Number.NaN
  private barOpen = 0
  private barHigh = 0
  private barLow = 0
  private barClose = 0
  private barVolume = 0
  private barNotional = 0

  constructor(
    readonly config: SimUnderlyingConfig,
    private readonly prng: Prng,
    private readonly barIntervalMs: number,
  ) {
    this.symbol = config.symbol
    this.price = config.startPrice
    this.previousPrice = config.startPrice
  }

  /** Mid of the last published quote, or the efficient price before the first quote. */
  get mid(): number {
    return this.askCents > 0 ? (this.bidCents + this.askCents) / 200 : this.price
  }

  /**
   * Publishes what happened during one step: a Poisson number of quote updates and trades spread evenly over the
   * step's interval (the last one at `atMs`), each at the efficient price interpolated across the step. A trade
   * prints at the bid or the ask, preceded by a quote whenever the book moved since the last one.
   *
   * @param atMs - Step time; events fall in (atMs − stepMs, atMs].
   * @param stepMs - Step length.
   * @param quotesExpected - Expected quote updates in the step (rate × activity × length).
   * @param tradesExpected - Expected trades in the step.
   * @param sink - Destination, or undefined while catching up silently.
   */
  step(atMs: number, stepMs: number, quotesExpected: number, tradesExpected: number, sink?: SimSink): void {
    const prng = this.prng
    const expected = quotesExpected + tradesExpected
    const count = poisson(prng, expected)
    if (count === 0) return
    const tradeShare = tradesExpected / expected
    const from = this.previousPrice
    const move = this.price - from
    const wanted = sink?.wants(this.symbol) === true
    for (let j = 1; j <= count; j++) {
      const atSlotMs = atMs - stepMs + Math.ceil((stepMs * j) / count)
      const price = from + (move * j) / count
      if (prng.next() < tradeShare) this.trade(atSlotMs, price, wanted ? sink : undefined)
      else this.quote(atSlotMs, price, wanted ? sink : undefined)
    }
  }

  /** Publishes the opening quote at the efficient price. */
  open(atMs: number, sink?: SimSink): void {
    this.previousPrice = this.price
    this.quote(atMs, this.price, sink?.wants(this.symbol) === true ? sink : undefined)
  }

  private quote(atMs: number, price: number, sink: SimSink | undefined): void {
    const prng = this.prng
    const tick = this.config.tickCents
    const spreadTicks = prng.next() < WIDE_SPREAD_PROBABILITY ? 2 : 1
    const bidCents = Math.round((price * 100) / tick - spreadTicks / 2) * tick
    const lots = this.config.meanQuoteLots
    const bidSize = 100 * (1 + Math.floor(prng.exponential() * lots))
    const askSize = 100 * (1 + Math.floor(prng.exponential() * lots))
    this.bidCents = bidCents
    this.askCents = bidCents + spreadTicks * tick
    sink?.quote({
      instrumentId: this.symbol,
      bid: bidCents / 100,
      ask: this.askCents / 100,
      bidSize,
      askSize,
      timestampMs: atMs,
      source: SOURCE,
    })
  }

  private trade(atMs: number, price: number, sink: SimSink | undefined): void {
    const prng = this.prng
    const tick = this.config.tickCents
    // The book must contain the efficient price for the print to be plausible; re-quote when it moved.
    const priceCents = price * 100
    if (!(this.bidCents <= priceCents && priceCents <= this.askCents)) this.quote(atMs, price, sink)
    const buy = prng.next() < 0.5
    const printCents = buy ? this.askCents : this.bidCents
    const size = prng.next() < ODD_LOT_PROBABILITY ? 1 + prng.int(99) : 100 * (1 + Math.floor(prng.exponential() * 1.5))
    const printPrice = (printCents > 0 ? printCents : tick) / 100
    this.addToBar(atMs, printPrice, size, sink)
    sink?.trade({ instrumentId: this.symbol, price: printPrice, size, timestampMs: atMs, source: SOURCE })
  }

  /**
   * Publishes the open bar once nothing can land in it any more: when `earliestNextMs` (the earliest time of any
   * later event) is at or past its end, or unconditionally with `force` (the close).
   *
   * @param earliestNextMs - Earliest possible time of the next event.
   * @param force - Close regardless.
   * @param sink - Destination.
   */
  closeBar(earliestNextMs: number, force: boolean, sink?: SimSink): void {
    if (Number.isNaN(this.barStartMs)) return
    if (!force && earliestNextMs < this.barStartMs + this.barIntervalMs) return
    if (sink?.wants(this.symbol)) {
      sink.bar({
        instrumentId: this.symbol,
        intervalMs: this.barIntervalMs,
        startMs: this.barStartMs,
        open: this.barOpen,
        high: this.barHigh,
        low: this.barLow,
        close: this.barClose,
        volume: this.barVolume,
        vwap: Math.round((this.barNotional / this.barVolume) * 10_000) / 10_000,
        source: SOURCE,
      })
    }
    this.barStartMs = Number.NaN
  }

  /** Starts a new day: bars align to this open, the book is re-quoted. */
  startDay(openMs: number): void {
    this.dayOpenMs = openMs
    this.barStartMs = Number.NaN
    this.bidCents = 0
    this.askCents = 0
  }

  /** Adds a print to the bar its time falls in (bars are aligned to the open and exist only with trades). */
  private addToBar(atMs: number, price: number, size: number, sink: SimSink | undefined): void {
    this.closeBar(atMs, false, sink)
    if (Number.isNaN(this.barStartMs)) {
      this.barStartMs = this.dayOpenMs + Math.floor((atMs - this.dayOpenMs) / this.barIntervalMs) * this.barIntervalMs
      this.barOpen = price
      this.barHigh = price
      this.barLow = price
      this.barVolume = 0
      this.barNotional = 0
    } else {
      if (price > this.barHigh) this.barHigh = price
      if (price < this.barLow) this.barLow = price
    }
    this.barClose = price
    this.barVolume += size
    this.barNotional += price * size
  }
}

/** Poisson deviate by Knuth's multiplication method (fine for the small means of one step). */
function poisson(prng: Prng, mean: number): number {
  const limit = Math.exp(-mean)
  let count = 0
  for (let product = prng.next(); product > limit; product *= prng.next()) count++
  return count
}
