import type { ContractState } from './contractState.js'
import type { StrikeLadder } from './strikeLadder.js'

/** One strike of the window with the states of its call and put, when they are in the window. */
export interface WindowRow {
  readonly strike: number
  readonly call: ContractState | undefined
  readonly put: ContractState | undefined
}

/**
 * The strikes of the ladder that have a call or a put in the window, ascending, with those contracts' states.
 *
 * @param ladder - Listed strikes.
 * @param window - The contracts streamed, by instrument id.
 * @returns The rows of a snapshot, in the order the ladder lists them.
 */
export function windowRows(ladder: StrikeLadder, window: ReadonlyMap<string, ContractState>): WindowRow[] {
  const rows: WindowRow[] = []
  if (window.size === 0) return rows
  for (const rung of ladder.rungs) {
    const call = rung.call && window.get(rung.call.instrumentId)
    const put = rung.put && window.get(rung.put.instrumentId)
    if (call !== undefined || put !== undefined) rows.push({ strike: rung.strike, call, put })
  }
  return rows
}

/**
 * {@link windowRows} remembered for the last ladder and window: the engine replaces both (never mutates them), so
 * snapshots between two re-centres walk only the window's strikes instead of every listed strike.
 */
export class WindowRowsMemo {
  private ladder: StrikeLadder | undefined
  private window: ReadonlyMap<string, ContractState> | undefined
  private rows: readonly WindowRow[] = []

  /**
   * The rows of `window` on `ladder`.
   *
   * @param ladder - Listed strikes, or `undefined` before the listing (no rows).
   * @param window - The contracts streamed; a new map whenever the window changes.
   * @returns The rows, shared between calls with the same ladder and window: do not mutate.
   */
  rowsOf(ladder: StrikeLadder | undefined, window: ReadonlyMap<string, ContractState>): readonly WindowRow[] {
    if (ladder === undefined) return []
    if (ladder !== this.ladder || window !== this.window) {
      this.rows = windowRows(ladder, window)
      this.ladder = ladder
      this.window = window
    }
    return this.rows
  }
}
