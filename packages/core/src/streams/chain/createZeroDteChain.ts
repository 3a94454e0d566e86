import { Observable, type Subscriber, share } from 'rxjs'
import { parseConfig } from '../../config/parseConfig.js'
import { ConfigError } from '../../errors/configError.js'
import { equity, index, isIndexUnderlying } from '../../instruments/instrument.js'
import { instrumentId } from '../../instruments/instrumentId.js'
import { HotSubject } from '../internal/hotSubject.js'
import type { ChainQuote, ChainSnapshot } from './chainTypes.js'
import { ChainEngine, type ChainEngineConfig } from './internal/chainEngine.js'
import { type ZeroDteChainOptions, zeroDteChainOptionsSchema } from './zeroDteChainOptions.js'

/** A running-on-demand 0DTE option chain; see {@link createZeroDteChain}. */
export interface ZeroDteChain {
  /** Every quote of a contract in the window, enriched with underlying price, IV and greeks. */
  readonly updates$: Observable<ChainQuote>
  /**
   * Full snapshots: the latest one at once (when running), then one on every structural change (listing, re-centre,
   * window change, rollover, status) and every `snapshotIntervalMs` when set.
   */
  readonly snapshots$: Observable<ChainSnapshot>
  /**
   * The chain now, built on demand.
   *
   * @returns The snapshot, or `undefined` while nobody is subscribed (the chain only runs while observed).
   */
  snapshot(): ChainSnapshot | undefined
}

/** Daily p.m.-settled roots of index underlyings. */
const DAILY_ROOT: Readonly<Record<string, string>> = { SPX: 'SPXW', NDX: 'NDXP', RUT: 'RUTW' }

function resolveConfig(
  options: ZeroDteChainOptions,
): ChainEngineConfig & { readonly quotesSource: Observable<unknown> } {
  const parsed = parseConfig(zeroDteChainOptionsSchema, options, 'zero-DTE chain options')
  const { feed, underlying } = parsed
  const listContracts = parsed.listContracts ?? feed.listOptionChain?.bind(feed)
  if (listContracts === undefined) {
    throw new ConfigError('zero-DTE chain options', [
      { path: 'listContracts', reason: `feed "${feed.name}" cannot list option chains; pass listContracts` },
    ])
  }
  const underlyingInstrument =
    parsed.underlyingInstrument ?? (isIndexUnderlying(underlying) ? index(underlying) : equity(underlying))
  return {
    underlying,
    root: (parsed.root ?? DAILY_ROOT[underlying] ?? underlying).toUpperCase(),
    feed,
    clock: parsed.clock,
    selection: parsed.selection,
    recenterThresholdStrikes: parsed.recenterThresholdStrikes,
    rate: parsed.rate,
    dividendYield: parsed.dividendYield,
    underlyingInstrument,
    underlyingId: instrumentId(underlyingInstrument),
    listContracts,
    listRetryMs: parsed.listRetryMs,
    snapshotIntervalMs: parsed.snapshotIntervalMs,
    quotesSource: parsed.quotes$ ?? feed.quotes$,
  }
}

/**
 * The 0DTE option chain of one underlying: today's expiry only (the next session's once today's has expired),
 * the window of contracts chosen by `selection` around the strike nearest the underlying, re-centred with
 * hysteresis (only when the underlying moves more than `recenterThresholdStrikes` listed strikes from the centre),
 * and feed subscriptions that follow the window exactly — contracts leaving it are unsubscribed before contracts
 * entering it are subscribed. Listed strikes come from `feed.listOptionChain` (or `listContracts`).
 *
 * The chain runs while `updates$` or `snapshots$` has a subscriber, and unsubscribes everything it subscribed when
 * the last one leaves. A quote it cannot price (for example a non-finite timestamp) is skipped and counted in
 * `rejectedQuotes`; validate the stream first with `createQuoteValidator` and pass it as `quotes$`.
 *
 * @param options - Underlying, feed, clock, selection and pricing inputs; see {@link ZeroDteChainOptions}.
 * @returns The chain.
 * @throws {ConfigError} When an option is invalid or the feed cannot list contracts and none was given.
 * @example
 * ```ts
 * const chain = createZeroDteChain({ underlying: 'SPY', feed, clock, selection: { mode: 'strikes', strikesEachSide: 10 } })
 * chain.updates$.subscribe((quote) => console.warn(quote.instrumentId, quote.iv, quote.greeks?.delta))
 * ```
 */
export function createZeroDteChain(options: ZeroDteChainOptions): ZeroDteChain {
  const config = resolveConfig(options)
  const quotes$ = config.quotesSource as Observable<Parameters<ChainEngine['onQuote']>[0]>
  const updates = new HotSubject<ChainQuote>()
  const snapshots = new HotSubject<ChainSnapshot>()
  let engine: ChainEngine | undefined
  let latest: ChainSnapshot | undefined

  const running$ = new Observable<never>((subscriber) => {
    const current = new ChainEngine(config, {
      snapshot: (snapshot) => {
        latest = snapshot
        snapshots.next(snapshot)
      },
      update: (quote) => updates.next(quote),
      error: (error) => subscriber.error(error),
    })
    engine = current
    const quoteSubscription = quotes$.subscribe({
      next: (quote) => current.onQuote(quote),
      error: (error: unknown) => subscriber.error(error),
      complete: () => subscriber.complete(),
    })
    try {
      current.start()
    } catch (error) {
      subscriber.error(error)
    }
    return () => {
      quoteSubscription.unsubscribe()
      current.stop()
      engine = undefined
      latest = undefined
    }
  }).pipe(share())

  const attach = <T>(subscriber: Subscriber<T>, subject: HotSubject<T>, first?: T) => {
    const detach = subject.attach(subscriber)
    if (first !== undefined) subscriber.next(first)
    const run = running$.subscribe({
      error: (error: unknown) => subscriber.error(error),
      complete: () => subscriber.complete(),
    })
    return () => {
      detach()
      run.unsubscribe()
    }
  }

  return {
    updates$: new Observable<ChainQuote>((subscriber) => attach(subscriber, updates)),
    snapshots$: new Observable<ChainSnapshot>((subscriber) => attach(subscriber, snapshots, latest)),
    snapshot: () => engine?.snapshot(),
  }
}
