import type { SpikeOptions } from '../validatorOptions.js'
import { RollingWindows } from './rollingWindows.js'

/**
 * Judges each price against the rolling median of its instrument; see `spikeOptionsSchema`. Instruments are dense
 * indices (`0, 1, 2, …`, assigned by the caller) so a tick finds its window without a keyed lookup.
 */
export class SpikeGuard {
  private readonly windows: RollingWindows
  private readonly windowMs: number
  private readonly minSamples: number

  constructor(private readonly options: SpikeOptions) {
    // Windows below `minSamples` are never judged, so they need no sorted run.
    this.windows = new RollingWindows(options.windowSize, options.minSamples)
    this.windowMs = options.windowMs
    this.minSamples = options.minSamples
  }

  /**
   * Checks `price` against the recent window of instrument `instrument` (values of the last `windowMs` of event
   * time), then adds it to the window.
   *
   * @returns A reason when the price is a spike, otherwise `undefined`.
   */
  check(instrument: number, price: number, timeMs: number): string | undefined {
    const windows = this.windows
    while (windows.length <= instrument) windows.add()
    windows.evictBefore(instrument, timeMs - this.windowMs)
    const reason = windows.count(instrument) >= this.minSamples ? this.judge(instrument, price) : undefined
    windows.push(instrument, price, timeMs)
    return reason
  }

  private judge(instrument: number, price: number): string | undefined {
    const median = this.windows.median(instrument)
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
    const limit = Math.max(options.multiple * this.windows.mad(instrument), floor)
    return deviation > limit ? `${price} is ${deviation} from median ${median} (limit ${limit})` : undefined
  }
}
