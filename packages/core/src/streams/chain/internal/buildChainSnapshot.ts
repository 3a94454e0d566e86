import { timeToExpiryYears } from '../../../calendar/timeToExpiry.js'
import type { ChainRow, ChainSide, ChainSnapshot, ChainStatus } from '../chainTypes.js'
import type { ChainDay } from './chainDay.js'
import type { ContractState } from './contractState.js'
import type { StrikeLadder } from './strikeLadder.js'

/** The engine state a snapshot is built from. */
export interface ChainState {
  readonly underlying: string
  readonly status: ChainStatus
  readonly day: ChainDay | undefined
  readonly ladder: StrikeLadder | undefined
  readonly window: ReadonlyMap<string, ContractState>
  /** Latest underlying mid, NaN before the first. */
  readonly spot: number
  readonly centerIndex: number | undefined
  readonly listingError: string | undefined
  readonly rejectedQuotes: number
  readonly nowMs: number
}

function side(window: ReadonlyMap<string, ContractState>, id: string): ChainSide | undefined {
  const state = window.get(id)
  return state && { contract: state.contract, instrumentId: state.instrumentId, quote: state.quote }
}

/**
 * Builds an immutable snapshot of the chain: rows of the window's strikes in ascending order.
 *
 * @param state - The engine's state.
 * @returns The snapshot.
 */
export function buildChainSnapshot(state: ChainState): ChainSnapshot {
  const { ladder, window, day, spot, centerIndex } = state
  const rows: ChainRow[] = []
  if (ladder !== undefined) {
    for (const rung of ladder.rungs) {
      const call = rung.call && side(window, rung.call.instrumentId)
      const put = rung.put && side(window, rung.put.instrumentId)
      if (call !== undefined || put !== undefined) rows.push({ strike: rung.strike, call, put })
    }
  }
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
    listedStrikes: ladder?.rungs.map((rung) => rung.strike) ?? [],
    listingError: state.listingError,
    rejectedQuotes: state.rejectedQuotes,
  }
}
