import { timeToExpiryYears } from '../../../calendar/timeToExpiry.js'
import type { ChainRow, ChainSide, ChainSnapshot, ChainStatus } from '../chainTypes.js'
import type { ChainDay } from './chainDay.js'
import type { ContractState } from './contractState.js'
import type { StrikeLadder } from './strikeLadder.js'
import type { WindowRow } from './windowRows.js'

/** The engine state a snapshot is built from. */
export interface ChainState {
  readonly underlying: string
  readonly status: ChainStatus
  readonly day: ChainDay | undefined
  readonly ladder: StrikeLadder | undefined
  /** The window's strikes with their contracts (see `windowRows`). */
  readonly windowRows: readonly WindowRow[]
  /** Latest underlying mid, NaN before the first. */
  readonly spot: number
  readonly centerIndex: number | undefined
  readonly listingError: string | undefined
  readonly rejectedQuotes: number
  readonly nowMs: number
}

function side(state: ContractState | undefined): ChainSide | undefined {
  return state && { contract: state.contract, instrumentId: state.instrumentId, quote: state.quote }
}

/**
 * Builds an immutable snapshot of the chain: rows of the window's strikes in ascending order.
 *
 * @param state - The engine's state.
 * @returns The snapshot.
 */
export function buildChainSnapshot(state: ChainState): ChainSnapshot {
  const { ladder, windowRows, day, spot, centerIndex } = state
  const rows: ChainRow[] = []
  for (const row of windowRows) rows.push({ strike: row.strike, call: side(row.call), put: side(row.put) })
  return {
    underlying: state.underlying,
    status: state.status,
    expiry: day?.expiry,
    expiryMs: day?.expiryMs,
    underlyingPrice: Number.isNaN(spot) ? undefined : spot,
    centerStrike: centerIndex === undefined ? undefined : ladder?.strikeAt(centerIndex),
    timeToExpiryYears: day?.expiryMs === undefined ? undefined : timeToExpiryYears(state.nowMs, day.expiryMs),
    asOfMs: state.nowMs,
    rows,
    listedStrikes: ladder?.listedStrikes() ?? [],
    listingError: state.listingError,
    rejectedQuotes: state.rejectedQuotes,
  }
}
