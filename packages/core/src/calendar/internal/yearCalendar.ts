import { earlyCloseDates } from '../earlyCloses.js'
import { marketClosures } from '../marketClosures.js'

/** Closed and early-close dates of one year, as sets for O(1) look-ups. */
export interface YearCalendar {
  readonly closed: ReadonlySet<string>
  readonly earlyClose: ReadonlySet<string>
}

const cache = new Map<number, YearCalendar>()

/** The cached calendar of a supported year (validated by the caller). */
export function yearCalendar(year: number): YearCalendar {
  let calendar = cache.get(year)
  if (!calendar) {
    calendar = {
      closed: new Set(marketClosures(year).map((closure) => closure.date)),
      earlyClose: new Set(earlyCloseDates(year)),
    }
    cache.set(year, calendar)
  }
  return calendar
}
