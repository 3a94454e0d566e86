import { isOptionInstrumentId } from '../../feeds/marketEvent.js'
import type { OptionContract } from '../../instruments/instrument.js'
import { parseOccSymbol } from '../../instruments/occSymbol.js'

/**
 * The option contracts a recording holds, as a chain listing: a recording made by the backtest (or by a feed
 * following the 0DTE chains) holds every contract the chains streamed, which is every strike their windows reached,
 * so a chain re-built from this listing selects the same windows.
 */
export class RecordedListing {
  private readonly seen = new Set<string>()
  private readonly byExpiry = new Map<string, OptionContract[]>()

  /**
   * Notes one instrument id of the recording (ids that are not options are ignored).
   *
   * @param instrumentId - Canonical id.
   */
  add(instrumentId: string): void {
    if (this.seen.has(instrumentId) || !isOptionInstrumentId(instrumentId)) return
    this.seen.add(instrumentId)
    const contract = parseOccSymbol(instrumentId)
    for (const name of new Set([contract.underlying, contract.root])) {
      const key = `${name}|${contract.expiry}`
      const list = this.byExpiry.get(key) ?? []
      list.push(contract)
      this.byExpiry.set(key, list)
    }
  }

  /**
   * Contracts of an underlying (or root) expiring on a date, by strike then right.
   *
   * @param underlying - Underlying symbol or root.
   * @param expiry - Expiry `YYYY-MM-DD`.
   * @returns The contracts seen.
   */
  list(underlying: string, expiry: string): readonly OptionContract[] {
    const list = this.byExpiry.get(`${underlying.toUpperCase()}|${expiry}`) ?? []
    return [...list].sort((a, b) => a.strike - b.strike || (a.right < b.right ? -1 : a.right > b.right ? 1 : 0))
  }
}
