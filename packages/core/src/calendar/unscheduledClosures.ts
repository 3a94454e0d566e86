import type { NyseHoliday } from './nyseHolidays.js'

/**
 * Known historical full-day NYSE closures that no holiday rule predicts, 2000 onward: the September 11 attacks,
 * national days of mourning for former presidents, and Hurricane Sandy. These are facts of history, not rules:
 * a future closure of this kind is announced only days ahead and is missing here until the table is updated, so
 * a live system should also honour an exchange's own status messages.
 *
 * Partial-day disruptions are not modelled either (late opens for moments of silence, the 2005-06-01 systems
 * problem that ended trading at 15:56).
 *
 * Sources: NYSE and Cboe notices; cross-checked with pandas_market_calendars' NYSE history.
 *
 * @example
 * ```ts
 * UNSCHEDULED_CLOSURES.some((closure) => closure.date === '2025-01-09') // true
 * ```
 */
export const UNSCHEDULED_CLOSURES: readonly NyseHoliday[] = Object.freeze(
  [
    { date: '2001-09-11', name: 'September 11 attacks' },
    { date: '2001-09-12', name: 'September 11 attacks' },
    { date: '2001-09-13', name: 'September 11 attacks' },
    { date: '2001-09-14', name: 'September 11 attacks' },
    { date: '2004-06-11', name: 'National Day of Mourning for President Ronald Reagan' },
    { date: '2007-01-02', name: 'National Day of Mourning for President Gerald Ford' },
    { date: '2012-10-29', name: 'Hurricane Sandy' },
    { date: '2012-10-30', name: 'Hurricane Sandy' },
    { date: '2018-12-05', name: 'National Day of Mourning for President George H. W. Bush' },
    { date: '2025-01-09', name: 'National Day of Mourning for President Jimmy Carter' },
  ].map((closure) => Object.freeze(closure)),
)
