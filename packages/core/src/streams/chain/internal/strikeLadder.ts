import type { OptionContract } from '../../../instruments/instrument.js'
import { instrumentId } from '../../../instruments/instrumentId.js'

/** A listed contract with its canonical id. */
export interface LadderContract {
  readonly contract: OptionContract
  readonly instrumentId: string
}

/** One listed strike with its call and put, when listed. */
export interface LadderRung {
  readonly strike: number
  readonly call: LadderContract | undefined
  readonly put: LadderContract | undefined
}

/** The listed strikes of one expiry, ascending, with a fractional position of any price among them. */
export class StrikeLadder {
  readonly rungs: readonly LadderRung[]
  private readonly strikes: Float64Array
  private readonly strikeList: readonly number[]

  constructor(contracts: readonly OptionContract[]) {
    const byStrike = new Map<number, { call?: LadderContract; put?: LadderContract }>()
    for (const contract of contracts) {
      const rung = byStrike.get(contract.strike) ?? {}
      rung[contract.right] = { contract, instrumentId: instrumentId(contract) }
      byStrike.set(contract.strike, rung)
    }
    this.rungs = [...byStrike.entries()]
      .sort(([a], [b]) => a - b)
      .map(([strike, rung]) => ({ strike, call: rung.call, put: rung.put }))
    this.strikes = Float64Array.from(this.rungs, (rung) => rung.strike)
    this.strikeList = this.rungs.map((rung) => rung.strike)
  }

  /**
   * Every listed strike, ascending: a fresh array on each call (snapshots hand it out), copied from one built once.
   *
   * @returns The strikes.
   */
  listedStrikes(): number[] {
    return this.strikeList.slice()
  }

  get size(): number {
    return this.rungs.length
  }

  strikeAt(index: number): number {
    return this.strikes[index] ?? Number.NaN
  }

  /**
   * Where `price` sits on the ladder in strike steps: 3.25 is a quarter of the way from the 4th to the 5th listed
   * strike. Uneven spacing (1-wide near the money, 5-wide further out) is measured in listed steps, not dollars.
   * Clamped to the ends.
   */
  position(price: number): number {
    const rungs = this.rungs
    const last = rungs.length - 1
    if (last < 0) return Number.NaN
    if (price <= this.strikeAt(0)) return 0
    if (price >= this.strikeAt(last)) return last
    let low = 0
    let high = last
    while (high - low > 1) {
      const mid = (low + high) >> 1
      if (this.strikeAt(mid) <= price) low = mid
      else high = mid
    }
    const from = this.strikeAt(low)
    return low + (price - from) / (this.strikeAt(high) - from)
  }

  /** Index of the listed strike nearest to `price` (the higher one on an exact tie). */
  nearest(price: number): number {
    return Math.min(this.rungs.length - 1, Math.round(this.position(price)))
  }
}
