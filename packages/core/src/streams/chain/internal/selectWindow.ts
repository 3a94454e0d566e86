import type { ChainSelection } from '../chainSelection.js'
import type { LadderContract, StrikeLadder } from './strikeLadder.js'

/** |Δ| of a listed contract at the current spot and time, for the delta band. */
export type AbsDeltaOf = (entry: LadderContract) => number

/**
 * The contracts the chain streams for a centre strike.
 *
 * @param ladder - Listed strikes.
 * @param centerIndex - Index of the centre strike on the ladder.
 * @param selection - Parsed selection.
 * @param absDeltaOf - |Δ| of a contract; used by the `delta` mode only.
 * @returns The selected contracts, by instrument id, in ascending strike order (call before put).
 */
export function selectWindow(
  ladder: StrikeLadder,
  centerIndex: number,
  selection: ChainSelection,
  absDeltaOf: AbsDeltaOf,
): Map<string, LadderContract> {
  const window = new Map<string, LadderContract>()
  const add = (entry: LadderContract | undefined, keep: boolean) => {
    if (entry !== undefined && keep) window.set(entry.instrumentId, entry)
  }
  const last = ladder.size - 1
  if (selection.mode === 'strikes') {
    const from = Math.max(0, centerIndex - selection.strikesEachSide)
    const to = Math.min(last, centerIndex + selection.strikesEachSide)
    for (let i = from; i <= to; i++) {
      const rung = ladder.rungs[i]
      add(rung?.call, true)
      add(rung?.put, true)
    }
    return window
  }
  if (selection.mode === 'percent') {
    const center = ladder.strikeAt(centerIndex)
    const halfWidth = (center * selection.percent) / 100
    // A small relative tolerance keeps strikes exactly on the band edge despite float rounding.
    const tolerance = center * 1e-9
    for (const rung of ladder.rungs) {
      const inside = Math.abs(rung.strike - center) <= halfWidth + tolerance
      add(rung.call, inside)
      add(rung.put, inside)
    }
    return window
  }
  const from = Math.max(0, centerIndex - selection.maxStrikesEachSide)
  const to = Math.min(last, centerIndex + selection.maxStrikesEachSide)
  const inBand = (entry: LadderContract | undefined) => {
    if (entry === undefined) return false
    const delta = absDeltaOf(entry)
    return delta >= selection.minAbsDelta && delta <= selection.maxAbsDelta
  }
  for (let i = from; i <= to; i++) {
    const rung = ladder.rungs[i]
    add(rung?.call, inBand(rung?.call))
    add(rung?.put, inBand(rung?.put))
  }
  return window
}
