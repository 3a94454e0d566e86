import type { Decimal } from 'decimal.js'
import { nyDate } from '../../calendar/newYorkTime.js'
import type { OptionContract } from '../../instruments/instrument.js'
import { quoteDecimal } from '../../orders/quoteDecimal.js'
import { type Order, TradingMode } from '../../trading/types.js'
import { bookExecutions } from '../bookExecutions.js'
import { EXPIRATION_ORDER_PREFIX, expirationExecutions } from '../expirationExecutions.js'
import { underlyingIdOf } from '../marginRequirement.js'
import type { ResolvedPaperBrokerOptions } from '../paperBrokerOptions.js'
import type { PaperCommit } from '../paperBrokerStore.js'
import type { PaperLedger } from './paperLedger.js'
import type { PaperQuoteBook } from './paperQuoteBook.js'
import type { PaperTimers } from './paperTimers.js'
import { seriesExpirationMs } from './seriesExpiration.js'

/** What the expiry handler works with. */
export interface PaperExpiryDeps {
  /** Resolved broker options. */
  readonly options: ResolvedPaperBrokerOptions
  /** The account. */
  readonly ledger: PaperLedger
  /** The market. */
  readonly book: PaperQuoteBook
  /** Timers on the clock. */
  readonly timers: PaperTimers
  /** Commits a change atomically and queues its events. */
  readonly commit: (commit: PaperCommit) => void
  /** Ends an order on an expired series. */
  readonly expireOrder: (clientOrderId: string, reason: string) => void
}

/** Expiration of option series in the paper broker. */
export interface PaperExpiry {
  /** Makes sure every option series of an order has its expiration timer. */
  trackOrder(order: Order): void
  /** Retries settlements that waited for a quote of this instrument. */
  onQuote(instrumentId: string): void
  /** After loading an account: timers for every series held or ordered (past ones run at once). */
  resume(): void
}

interface Series {
  readonly contract: OptionContract
  readonly key: string
}

/**
 * Creates the expiry handler: at each series' expiration instant (calendar `expirationInstantMs`), orders on the
 * series end as `expired` and positions settle (see `expirationExecutions`) against the settlement price — the
 * `settlementPrice` option when it answers, else the mark of the underlying's last quote (`^SPX`, `SPY`; XSP falls
 * back to ^SPX / 10). Without any price, settlement waits for the next quote of the underlying instead of guessing.
 * All fills, positions and cash of one series settle in one commit.
 *
 * @param deps - Options, ledger, quotes, timers, commit and order expiry.
 * @returns The handler.
 * @example
 * ```ts
 * const expiry = createPaperExpiry({ options, ledger, book, timers, commit, expireOrder: desk.expire })
 * ```
 */
export function createPaperExpiry(deps: PaperExpiryDeps): PaperExpiry {
  const { options, ledger, book, timers } = deps
  const waiting = new Map<string, Series>()
  const keyOf = (contract: OptionContract) => `${contract.root}|${contract.expiry}`
  const inSeries = (series: Series, contract: OptionContract) => keyOf(contract) === series.key

  function track(contract: OptionContract): void {
    const key = keyOf(contract)
    if (timers.has(`expiry:${key}`) || waiting.has(key)) return
    timers.at(`expiry:${key}`, seriesExpirationMs(contract), () => settle({ contract, key }))
  }

  function settlementPrice(contract: OptionContract): Decimal | undefined {
    const given = options.settlementPrice?.(contract.underlying, contract.expiry)
    if (given !== undefined && Number.isFinite(given) && given > 0) return quoteDecimal(given)
    const mark = book.markOf(underlyingIdOf(contract))
    if (mark || contract.underlying !== 'XSP') return mark
    return book.markOf('^SPX')?.dividedBy(10)
  }

  function settle(series: Series): void {
    for (const { order } of ledger.orders()) {
      const onSeries = order.legs.some((leg) => leg.instrument.kind === 'option' && inSeries(series, leg.instrument))
      if (onSeries)
        deps.expireOrder(order.clientOrderId, `series ${series.contract.root} ${series.contract.expiry} expired`)
    }
    const positions = ledger
      .positions()
      .filter(({ position }) => position.instrument.kind === 'option' && inSeries(series, position.instrument))
    if (positions.length === 0) {
      waiting.delete(series.key)
      return
    }
    const price = settlementPrice(series.contract)
    if (!price) {
      waiting.set(series.key, series)
      return
    }
    waiting.delete(series.key)
    const nowMs = options.clock.now()
    const booked = bookExecutions({
      account: ledger.account(),
      positionOf: ledger.position,
      executions: expirationExecutions(positions, price),
      clientOrderId: `${EXPIRATION_ORDER_PREFIX}${series.contract.root}:${series.contract.expiry}`,
      nowMs,
      sessionDate: nyDate(nowMs),
      mode: TradingMode.Paper,
    })
    deps.commit(booked)
  }

  return {
    trackOrder(order) {
      for (const leg of order.legs) if (leg.instrument.kind === 'option') track(leg.instrument)
    },
    onQuote(instrumentId) {
      if (waiting.size === 0) return
      for (const series of [...waiting.values()]) {
        const underlying = underlyingIdOf(series.contract)
        if (instrumentId === underlying || (series.contract.underlying === 'XSP' && instrumentId === '^SPX')) {
          settle(series)
        }
      }
    },
    resume() {
      for (const { position } of ledger.positions())
        if (position.instrument.kind === 'option') track(position.instrument)
    },
  }
}
