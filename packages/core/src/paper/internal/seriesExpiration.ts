import { nyDate, nyTimeToMs } from '../../calendar/newYorkTime.js'
import { expirationInstantMs, optionsCloseMs } from '../../calendar/optionsHours.js'
import { nextTradingDay } from '../../calendar/tradingDays.js'
import { tradingSession } from '../../calendar/tradingSession.js'
import type { Instrument, OptionContract } from '../../instruments/instrument.js'

/**
 * When an option series stops trading and expires: the calendar's expiration instant for its root and expiry
 * (16:00 New York for SPXW and other p.m.-settled index series, 16:15 for SPY, QQQ, IWM; earlier on early-close
 * days). An expiry that is not a trading day (a malformed or delisted series) expires at 16:00 that day.
 *
 * @param contract - An option contract.
 * @returns Epoch ms.
 * @example
 * ```ts
 * seriesExpirationMs(parseOccSymbol('SPXW  251121C05800000')) // 2025-11-21 16:00 New York
 * ```
 */
export function seriesExpirationMs(contract: OptionContract): number {
  try {
    return expirationInstantMs(contract.root, contract.expiry)
  } catch {
    return nyTimeToMs(contract.expiry, '16:00')
  }
}

/**
 * When a DAY order placed at `placedAtMs` ends: the close of the options session (for option orders, by root) or
 * of the regular equity session (shares) on the trading day it was placed, or on the next trading day when it was
 * placed after that close or on a closed day.
 *
 * @param instrument - The order's first leg.
 * @param placedAtMs - Placement time.
 * @returns Epoch ms of the end of the order's day.
 * @example
 * ```ts
 * dayOrderEndMs(spyCall, Date.UTC(2025, 10, 21, 15)) // 2025-11-21 16:15 New York
 * ```
 */
export function dayOrderEndMs(instrument: Instrument, placedAtMs: number): number {
  let date = nyDate(placedAtMs)
  for (let attempt = 0; attempt < 15; attempt++) {
    const session = tradingSession(date)
    if (session) {
      const close = instrument.kind === 'option' ? optionsCloseMs(instrument.root, date) : session.regularCloseMs
      if (close > placedAtMs) return close
    }
    date = nextTradingDay(date)
  }
  return placedAtMs
}
