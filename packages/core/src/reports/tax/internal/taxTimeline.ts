import { Decimal } from 'decimal.js'
import { nyDate } from '../../../calendar/newYorkTime.js'
import type { Instrument } from '../../../instruments/instrument.js'
import type { Fill } from '../../../trading/types.js'
import { roundQuantity } from '../../internal/quantity.js'
import { sortedFills } from '../../internal/validateFill.js'
import type { InstrumentResolver } from '../../portfolio/instrumentResolver.js'
import { multiplierOf } from '../../portfolio/instrumentResolver.js'
import { ReportInputError } from '../../reportInputError.js'
import { isSection1256Contract } from '../section1256.js'
import { type LotPiece, newPiece } from './lotPiece.js'

/** A closing of units: a closing fill or an expiration. */
export interface CloseEvent {
  readonly kind: 'close'
  readonly seq: number
  readonly date: string
  readonly instrumentId: string
  /** Direction of the lots it closes. */
  readonly closes: 'long' | 'short'
  readonly quantity: number
  readonly price: Decimal
  readonly commission: Decimal
  readonly fillId: string | null
  readonly reason: 'sale' | 'expiration'
}

/** The Section 1256 year-end mark. */
export interface YearEndEvent {
  readonly kind: 'year_end'
  readonly seq: number
  readonly date: string
  readonly year: number
}

/** Events in processing order and every lot the run opens. */
export interface TaxTimeline {
  readonly events: readonly (CloseEvent | YearEndEvent)[]
  readonly pieces: LotPiece[]
  readonly asOfDate: string
}

interface InstrumentState {
  position: number
  readonly instrument: Instrument
  readonly expiry: string | null
}

/**
 * Turns fills into opening lots and closing events at account level (all strategies together, as the tax
 * return sees them), adding expirations of options still held after their expiry date and a year-end event for
 * every 31 December up to `asOfDate`. On one date: fills, then expirations, then the year-end mark.
 */
export function buildTaxTimeline(
  fills: readonly Fill[],
  resolve: InstrumentResolver,
  settlement: (instrumentId: string, expiry: string) => Decimal | undefined,
  asOfDate: string | undefined,
): TaxTimeline {
  const ordered = sortedFills(fills)
  const lastFill = ordered[ordered.length - 1]
  const firstFill = ordered[0]
  const endDate = asOfDate ?? (lastFill === undefined ? '1970-01-01' : nyDate(lastFill.timestampMs))
  if (lastFill !== undefined && nyDate(lastFill.timestampMs) > endDate) {
    throw new ReportInputError('asOfDate', `is before the last fill (${nyDate(lastFill.timestampMs)})`)
  }
  const events: (CloseEvent | YearEndEvent)[] = []
  const pieces: LotPiece[] = []
  const states = new Map<string, InstrumentState>()
  // Options currently held: the only candidates for an expiration, so the daily check does not scan a year of contracts.
  const held = new Map<string, InstrumentState>()
  let seq = 0
  let nextYear =
    firstFill === undefined ? Number(endDate.slice(0, 4)) + 1 : Number(nyDate(firstFill.timestampMs).slice(0, 4))

  const flush = (bound: string, inclusive: boolean): void => {
    for (;;) {
      const before = (date: string): boolean => (inclusive ? date <= bound : date < bound) && date <= endDate
      const due = [...held].filter(([, state]) => state.position !== 0 && state.expiry !== null && before(state.expiry))
      const yearEnd = `${nextYear}-12-31`
      const dates = due.map(([, state]) => state.expiry ?? '').concat(before(yearEnd) ? [yearEnd] : [])
      if (dates.length === 0) return
      const [date = bound] = dates.sort()
      for (const [instrumentId, state] of due.sort(([a], [b]) => (a < b ? -1 : 1))) {
        if (state.expiry !== date) continue
        const price = settlement(instrumentId, date) ?? new Decimal(0)
        const quantity = Math.abs(state.position)
        const closes = state.position > 0 ? 'long' : 'short'
        events.push({
          kind: 'close',
          seq: seq++,
          date,
          instrumentId,
          closes,
          quantity,
          price,
          commission: new Decimal(0),
          fillId: null,
          reason: 'expiration',
        })
        state.position = 0
        held.delete(instrumentId)
      }
      if (date === yearEnd) {
        events.push({ kind: 'year_end', seq: seq++, date, year: nextYear })
        nextYear += 1
      }
    }
  }

  let flushedBefore = ''
  ordered.forEach((fill) => {
    const date = nyDate(fill.timestampMs)
    if (date !== flushedBefore) flush(date, false)
    flushedBefore = date
    let state = states.get(fill.instrumentId)
    if (state === undefined) {
      const resolved = resolve(fill.instrumentId)
      state = { position: 0, instrument: resolved, expiry: resolved.kind === 'option' ? resolved.expiry : null }
      states.set(fill.instrumentId, state)
    }
    const { instrument } = state
    if (state.expiry !== null && date > state.expiry) {
      throw new ReportInputError(`fills.${fill.fillId}`, `trades ${fill.instrumentId} after its expiry ${state.expiry}`)
    }
    const direction = fill.side === 'buy' ? 1 : -1
    const closing = Math.sign(state.position) === -direction ? Math.min(fill.quantity, Math.abs(state.position)) : 0
    const opening = roundQuantity(fill.quantity - closing)
    const closeCommission = fill.commission.times(closing).dividedBy(fill.quantity)
    if (closing > 0) {
      const closes = state.position > 0 ? 'long' : 'short'
      events.push({
        kind: 'close',
        seq: seq++,
        date,
        instrumentId: fill.instrumentId,
        closes,
        quantity: closing,
        price: fill.price,
        commission: closeCommission,
        fillId: fill.fillId,
        reason: 'sale',
      })
      state.position = roundQuantity(state.position + direction * closing)
    }
    if (opening > 0) {
      const multiplier = multiplierOf(instrument)
      const perUnitCommission = fill.commission.minus(closeCommission).dividedBy(opening)
      const gross = fill.price.times(multiplier)
      pieces.push(
        newPiece({
          openFillId: fill.fillId,
          instrumentId: fill.instrumentId,
          instrument,
          multiplier,
          direction: direction > 0 ? 'long' : 'short',
          seq: seq++,
          openedDate: date,
          quantity: opening,
          openValuePerUnit: direction > 0 ? gross.plus(perUnitCommission) : gross.minus(perUnitCommission),
          section1256: isSection1256Contract(instrument),
        }),
      )
      state.position = roundQuantity(state.position + direction * opening)
    }
    if (state.position !== 0 && state.expiry !== null) held.set(fill.instrumentId, state)
    else held.delete(fill.instrumentId)
  })
  flush(endDate, true)
  return { events, pieces, asOfDate: endDate }
}
