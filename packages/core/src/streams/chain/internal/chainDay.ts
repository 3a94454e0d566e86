import { nyDate } from '../../../calendar/newYorkTime.js'
import { expirationInstantMs } from '../../../calendar/optionsHours.js'
import { nextTradingDay } from '../../../calendar/tradingDays.js'
import { tradingSession } from '../../../calendar/tradingSession.js'
import { hasZeroDteExpiration } from '../../../calendar/zeroDte.js'

/** The session date the chain serves, its expiry (if any) and when to move on. */
export interface ChainDay {
  /** The session date, `YYYY-MM-DD`. */
  readonly date: string
  /** Expiry streamed that date: the date itself, or `undefined` when the root has no expiration then. */
  readonly expiry: string | undefined
  /** When the expiring series stop trading. */
  readonly expiryMs: number | undefined
  /** When the chain rolls to the next session: the expiration instant, or the close on a day without one. */
  readonly rollAtMs: number
}

/**
 * The 0DTE expiry the chain streams at an instant: today's while its series still trade, otherwise the next trading
 * day's (after today's expiration, overnight, on weekends and holidays).
 *
 * @param root - Option root whose expirations count (`SPY`, `SPXW`).
 * @param nowMs - Clock time.
 * @returns The chain day.
 */
export function chainDayAt(root: string, nowMs: number): ChainDay {
  let date = nyDate(nowMs)
  for (;;) {
    const session = tradingSession(date)
    if (session !== undefined) {
      if (hasZeroDteExpiration(root, date)) {
        const expiryMs = expirationInstantMs(root, date)
        if (nowMs < expiryMs) return { date, expiry: date, expiryMs, rollAtMs: expiryMs }
      } else if (nowMs < session.regularCloseMs) {
        return { date, expiry: undefined, expiryMs: undefined, rollAtMs: session.regularCloseMs }
      }
    }
    // nextTradingDay always moves forward and throws past the calendar's last year, so this ends.
    date = nextTradingDay(date)
  }
}
