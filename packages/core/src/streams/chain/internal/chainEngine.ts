import type { SchedulerAction, Subscription } from 'rxjs'
import { timeToExpiryYears } from '../../../calendar/timeToExpiry.js'
import type { Clock } from '../../../clock/clock.js'
import type { MarketDataFeed } from '../../../feeds/marketDataFeed.js'
import type { Instrument, OptionContract } from '../../../instruments/instrument.js'
import type { OptionQuote, Quote } from '../../../marketData/types.js'
import { bsGreeks } from '../../../pricing/bsGreeks.js'
import type { ChainSelection } from '../chainSelection.js'
import type { ChainQuote, ChainSnapshot, ChainStatus } from '../chainTypes.js'
import type { ListContracts } from '../zeroDteChainOptions.js'
import { buildChainSnapshot } from './buildChainSnapshot.js'
import { type ChainDay, chainDayAt } from './chainDay.js'
import { ContractState, type PricingInputs } from './contractState.js'
import { FeedSubscriptions } from './feedSubscriptions.js'
import { selectWindow } from './selectWindow.js'
import { type LadderContract, StrikeLadder } from './strikeLadder.js'
import { WindowLookup } from './windowLookup.js'
import { WindowRowsMemo } from './windowRows.js'

/** Everything the engine needs, resolved from the options. */
export interface ChainEngineConfig {
  readonly underlying: string
  readonly root: string
  readonly feed: MarketDataFeed
  readonly clock: Clock
  readonly selection: ChainSelection
  readonly recenterThresholdStrikes: number
  readonly rate: number
  readonly dividendYield: number
  readonly underlyingInstrument: Instrument
  readonly underlyingId: string
  readonly listContracts: ListContracts
  readonly listRetryMs: number
  readonly snapshotIntervalMs: number | undefined
}

/** Where the engine's output goes. */
export interface ChainSink {
  snapshot(snapshot: ChainSnapshot): void
  update(quote: ChainQuote): void
  error(error: unknown): void
}

/** The running state of one 0DTE chain: day, listed strikes, centre, window, subscriptions. */
export class ChainEngine {
  private readonly inputs: PricingInputs
  private readonly subscriptions: FeedSubscriptions
  private status: ChainStatus = 'listing'
  private listingError: string | undefined
  private rejectedQuotes = 0
  private day: ChainDay | undefined
  private epoch = 0
  private ladder: StrikeLadder | undefined
  private centerIndex: number | undefined
  private window = new Map<string, ContractState>()
  private lookup = new WindowLookup(this.window)
  private readonly timers = new Set<Subscription>()
  private dayTimers = new Set<Subscription>()
  private readonly rows = new WindowRowsMemo()

  constructor(
    private readonly config: ChainEngineConfig,
    private readonly sink: ChainSink,
  ) {
    this.inputs = { spot: Number.NaN, expiryMs: Number.NaN, rate: config.rate, dividendYield: config.dividendYield }
    this.subscriptions = new FeedSubscriptions(config.feed)
  }

  start(): void {
    this.subscriptions.add([this.config.underlyingInstrument])
    const every = this.config.snapshotIntervalMs
    if (every !== undefined) this.repeat(this.timers, every, () => this.emitSnapshot())
    this.beginDay()
  }

  stop(): void {
    this.epoch++
    for (const timer of [...this.timers, ...this.dayTimers]) timer.unsubscribe()
    this.subscriptions.removeAll()
    this.setWindow(new Map())
  }

  /** Handles a quote from the feed: the underlying moves the centre, window contracts are enriched. */
  onQuote(quote: Quote | OptionQuote): void {
    try {
      this.route(quote)
    } catch {
      // One unpriceable quote (a non-finite timestamp from an unvalidated feed) must not stop the chain.
      this.rejectedQuotes++
    }
  }

  private route(quote: Quote | OptionQuote): void {
    const state = this.lookup.get(quote.instrumentId)
    if (state !== undefined) {
      if (!Number.isNaN(this.inputs.expiryMs)) this.sink.update(state.update(quote, this.inputs))
      return
    }
    if (quote.instrumentId !== this.config.underlyingId) return
    if (!(quote.bid > 0 && quote.ask >= quote.bid)) return
    this.onSpot((quote.bid + quote.ask) / 2)
  }

  snapshot(): ChainSnapshot {
    return buildChainSnapshot({
      underlying: this.config.underlying,
      status: this.status,
      day: this.day,
      ladder: this.ladder,
      windowRows: this.rows.rowsOf(this.ladder, this.window),
      spot: this.inputs.spot,
      centerIndex: this.centerIndex,
      listingError: this.listingError,
      rejectedQuotes: this.rejectedQuotes,
      nowMs: this.config.clock.now(),
    })
  }

  private beginDay(): void {
    this.epoch++
    for (const timer of this.dayTimers) timer.unsubscribe()
    this.dayTimers = new Set()
    this.applyWindow(new Map())
    this.ladder = undefined
    this.centerIndex = undefined
    const nowMs = this.config.clock.now()
    const day = chainDayAt(this.config.root, nowMs)
    this.day = day
    this.inputs.expiryMs = day.expiryMs ?? Number.NaN
    this.after(this.dayTimers, day.rollAtMs - nowMs, () => this.guard(() => this.beginDay()))
    if (day.expiry === undefined) {
      this.setStatus('no_expiration')
      return
    }
    if (this.config.selection.mode === 'delta') {
      this.repeat(this.dayTimers, this.config.selection.reselectIntervalMs, () => this.guard(() => this.reselect()))
    }
    this.setStatus('listing')
    this.list(day.expiry, this.epoch)
  }

  private list(expiry: string, epoch: number): void {
    let listed: Promise<readonly Instrument[]> | readonly Instrument[]
    try {
      listed = this.config.listContracts(this.config.underlying, expiry)
    } catch (error) {
      this.listingFailed(expiry, epoch, error)
      return
    }
    if (!isPromiseLike(listed)) {
      this.onListed(expiry, epoch, listed)
      return
    }
    listed.then(
      (instruments) => this.guard(() => this.onListed(expiry, epoch, instruments)),
      (error: unknown) => this.listingFailed(expiry, epoch, error),
    )
  }

  private onListed(expiry: string, epoch: number, instruments: readonly Instrument[]): void {
    if (epoch !== this.epoch) return
    const contracts = instruments.filter(
      (instrument): instrument is OptionContract =>
        instrument.kind === 'option' && instrument.root === this.config.root && instrument.expiry === expiry,
    )
    if (contracts.length === 0) {
      this.listingFailed(expiry, epoch, new Error(`no ${this.config.root} contracts listed for ${expiry}`))
      return
    }
    this.ladder = new StrikeLadder(contracts)
    this.listingError = undefined
    if (Number.isNaN(this.inputs.spot)) this.setStatus('waiting_for_spot')
    else this.recenter()
  }

  private listingFailed(expiry: string, epoch: number, error: unknown): void {
    if (epoch !== this.epoch) return
    this.listingError = error instanceof Error ? error.message : String(error)
    this.setStatus('listing_failed')
    this.after(this.dayTimers, this.config.listRetryMs, () => {
      if (epoch === this.epoch) this.list(expiry, epoch)
    })
  }

  private onSpot(spot: number): void {
    this.inputs.spot = spot
    const ladder = this.ladder
    if (ladder === undefined) return
    const center = this.centerIndex
    if (center === undefined || Math.abs(ladder.position(spot) - center) > this.config.recenterThresholdStrikes) {
      this.recenter()
    }
  }

  private recenter(): void {
    const ladder = this.ladder
    if (ladder === undefined) return
    this.centerIndex = ladder.nearest(this.inputs.spot)
    this.reselect(true)
  }

  /** Recomputes the window around the current centre; emits a snapshot when it changed (or `always`). */
  private reselect(always = false): void {
    const ladder = this.ladder
    const center = this.centerIndex
    if (ladder === undefined || center === undefined) return
    const next = selectWindow(ladder, center, this.config.selection, (entry) => this.absDelta(entry))
    const changed = this.applyWindow(next)
    this.status = 'live'
    if (changed || always) this.emitSnapshot()
  }

  /** Moves to a new window: unsubscribes leaving contracts first (line-limited feeds), then subscribes entering. */
  private applyWindow(next: ReadonlyMap<string, { readonly contract: OptionContract }>): boolean {
    const leaving: OptionContract[] = []
    for (const [id, state] of this.window) if (!next.has(id)) leaving.push(state.contract)
    const entering: OptionContract[] = []
    const window = new Map<string, ContractState>()
    for (const [id, entry] of next) {
      const kept = this.window.get(id)
      if (kept === undefined) entering.push(entry.contract)
      window.set(id, kept ?? new ContractState(entry.contract, id))
    }
    this.setWindow(window)
    this.subscriptions.remove(leaving)
    this.subscriptions.add(entering)
    return leaving.length > 0 || entering.length > 0
  }

  private setWindow(window: Map<string, ContractState>): void {
    this.window = window
    this.lookup = new WindowLookup(window)
  }

  private absDelta(entry: LadderContract): number {
    const contract = entry.contract
    const selection = this.config.selection
    const expiryMs = this.inputs.expiryMs
    const spot = this.inputs.spot
    const years = timeToExpiryYears(this.config.clock.now(), expiryMs)
    const intrinsicSide = contract.right === 'call' ? spot > contract.strike : spot < contract.strike
    if (years === 0) return intrinsicSide ? 1 : 0
    const fallback = selection.mode === 'delta' ? selection.assumedVolatility : 0.2
    const vol = this.window.get(entry.instrumentId)?.iv ?? this.atmIv() ?? fallback
    const { rate, dividendYield } = this.inputs
    return Math.abs(bsGreeks(contract.right, spot, contract.strike, years, vol, rate, dividendYield).delta)
  }

  private atmIv(): number | undefined {
    const rung = this.centerIndex === undefined ? undefined : this.ladder?.rungs[this.centerIndex]
    const ivs = [rung?.call, rung?.put]
      .map((entry) => (entry === undefined ? undefined : this.window.get(entry.instrumentId)?.iv))
      .filter((iv): iv is number => iv !== undefined)
    return ivs.length === 0 ? undefined : ivs.reduce((sum, iv) => sum + iv, 0) / ivs.length
  }

  private setStatus(status: ChainStatus): void {
    this.status = status
    this.emitSnapshot()
  }

  private emitSnapshot(): void {
    this.sink.snapshot(this.snapshot())
  }

  private guard(work: () => void): void {
    try {
      work()
    } catch (error) {
      this.sink.error(error)
    }
  }

  private after(timers: Set<Subscription>, delayMs: number, work: () => void): void {
    const timer = this.config.clock.scheduler.schedule(
      () => {
        timers.delete(timer)
        work()
      },
      Math.max(0, delayMs),
    )
    timers.add(timer)
  }

  private repeat(timers: Set<Subscription>, everyMs: number, work: () => void): void {
    const timer = this.config.clock.scheduler.schedule(function tick(this: SchedulerAction<undefined>) {
      work()
      this.schedule(undefined, everyMs)
    }, everyMs)
    timers.add(timer)
  }
}

function isPromiseLike<T>(value: PromiseLike<T> | T): value is PromiseLike<T> {
  return typeof (value as { then?: unknown } | null)?.then === 'function'
}
