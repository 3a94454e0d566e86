import type { SpikeOptions } from '../validatorOptions.js'
import { RollingMedian } from './rollingMedian.js'

/** Judges each price against the rolling median of its instrument; see `spikeOptionsSchema`. */
export class SpikeGuard {
  private readonly windows = new Map<string, RollingMedian>()

  constructor(private readonly options: SpikeOptions) {}

  /**
   * Checks `price` against the recent window of `instrumentId` (values of the last `windowMs` of event time),
   * then adds it to the window.
   *
   * @returns A reason when the price is a spike, otherwise `undefined`.
   */
  check(instrumentId: string, price: number, timeMs: number): string | undefined {
    let window = this.windows.get(instrumentId)
    if (window === undefined) {
      window = new RollingMedian(this.options.windowSize)
      this.windows.set(instrumentId, window)
    }
    window.evictBefore(timeMs - this.options.windowMs)
    const reason = window.count >= this.options.minSamples ? this.judge(window, price) : undefined
    window.push(price, timeMs)
    return reason
  }

  private judge(window: RollingMedian, price: number): string | undefined {
    const median = window.median()
    const deviation = Math.abs(price - median)
    const options = this.options
    if (options.method === 'percent') {
      const limit = (Math.abs(median) * options.percent) / 100
      return deviation > limit
        ? `${price} is ${deviation} from median ${median} (limit ${options.percent}%)`
        : undefined
    }
    const floor = Math.max(options.minRelativeDeviation * Math.abs(median), options.minAbsoluteDeviation)
    // Within the floor a tick is never a spike, so the MAD (the costly part) is only needed beyond it.
    if (deviation <= floor) return undefined
    const limit = Math.max(options.multiple * window.mad(), floor)
    return deviation > limit ? `${price} is ${deviation} from median ${median} (limit ${limit})` : undefined
  }
}
