import { Ledger } from '../internal/ledger.js'
import { sortedFills } from '../internal/validateFill.js'
import type { AttributedFill } from '../portfolio/strategyAttribution.js'

/** The time window exposure is measured over. */
export interface ExposureWindow {
  /** Window start, epoch ms. */
  readonly startMs: number
  /** Window end, epoch ms. */
  readonly endMs: number
}

/**
 * Exposure: the share of a time window during which any position was open (any instrument, any strategy). Fills
 * before the window set the position the window starts with.
 *
 * @param fills - Executions, any order.
 * @param window - The window, typically the equity curve's first and last timestamps.
 * @returns A fraction in [0, 1], or `null` when the window is empty or inverted.
 * @throws {ReportInputError} When a fill is malformed.
 * @example
 * ```ts
 * exposureShare(fills, { startMs: sessionOpenMs, endMs: sessionCloseMs }) // 0.25: in a position a quarter of the day
 * ```
 */
export function exposureShare(fills: readonly AttributedFill[], window: ExposureWindow): number | null {
  const { startMs, endMs } = window
  if (!Number.isFinite(startMs) || !Number.isFinite(endMs) || !(endMs > startMs)) return null
  const ledger = new Ledger()
  let openSince: number | null = null
  let openMs = 0
  for (const fill of sortedFills(fills)) {
    ledger.apply(fill)
    const at = Math.min(Math.max(fill.timestampMs, startMs), endMs)
    const open = ledger.hasOpenPosition()
    if (open && openSince === null) openSince = at
    if (!open && openSince !== null) {
      openMs += at - openSince
      openSince = null
    }
  }
  if (openSince !== null) openMs += endMs - openSince
  return openMs / (endMs - startMs)
}
