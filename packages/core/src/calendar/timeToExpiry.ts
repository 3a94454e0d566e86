import { CalendarInputError } from './calendarInputError.js'

/** Seconds in an ACT/365 year. */
const SECONDS_PER_YEAR = 365 * 86_400

/**
 * Time to expiry in years for option pricing, ACT/365: calendar time (nights and weekends included) divided by
 * 365 days.
 *
 * The remaining time is truncated to whole seconds, so every quote within the same second gets the identical
 * value (greeks caches hit, replays are reproducible) and the last fraction of a second counts as expired. The
 * result is never negative: at or after expiry it is 0.
 *
 * @param nowMs - Current instant, epoch ms (read it from the injected `Clock`).
 * @param expiryMs - Expiration instant, epoch ms (from {@link expirationInstantMs}).
 * @returns Years to expiry, ≥ 0.
 * @throws {CalendarInputError} When either instant is not finite.
 * @example
 * ```ts
 * const t = timeToExpiryYears(clock.now(), expirationInstantMs('SPY', nyDate(clock.now())))
 * ```
 */
export function timeToExpiryYears(nowMs: number, expiryMs: number): number {
  if (!Number.isFinite(nowMs)) throw new CalendarInputError('instant', String(nowMs), 'expected finite epoch ms')
  if (!Number.isFinite(expiryMs)) {
    throw new CalendarInputError('instant', String(expiryMs), 'expected finite epoch ms')
  }
  const seconds = Math.floor((expiryMs - nowMs) / 1000)
  return seconds > 0 ? seconds / SECONDS_PER_YEAR : 0
}
