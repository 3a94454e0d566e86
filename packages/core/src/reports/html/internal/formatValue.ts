// Locale-free formatting, so the rendered report is byte-identical on every machine (no toLocaleString).
import { formatInTimeZone } from 'date-fns-tz'
import { NEW_YORK } from '../../../calendar/newYorkTime.js'

/** Shown for a metric that is undefined for the run (`null`). */
export const NOT_AVAILABLE = 'n/a'

const MINUS = '\u2212'

function group(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',')
}

/** `1234.5` → `1,234.50`, `-3` → `−3.00`. */
export function formatNumber(value: number, decimals = 2): string {
  const fixed = Math.abs(value).toFixed(decimals)
  const [whole = '0', fraction] = fixed.split('.')
  const body = fraction === undefined ? group(whole) : `${group(whole)}.${fraction}`
  return value < 0 && Number(fixed) !== 0 ? `${MINUS}${body}` : body
}

/** Money with a currency code: `USD 1,234.50`, `USD −20.00`. */
export function formatMoney(value: number | null, currency: string): string {
  return value === null ? NOT_AVAILABLE : `${currency} ${formatNumber(value)}`
}

/** A fraction as a percentage: `0.1234` → `12.34%`. */
export function formatPercent(value: number | null, decimals = 2): string {
  return value === null ? NOT_AVAILABLE : `${formatNumber(value * 100, decimals)}%`
}

/** A ratio with two decimals. */
export function formatRatio(value: number | null): string {
  return value === null ? NOT_AVAILABLE : formatNumber(value)
}

/** A duration: `2d 3h 15m`, `45m`, `30s`. */
export function formatDuration(ms: number | null): string {
  if (ms === null) return NOT_AVAILABLE
  const totalMinutes = Math.floor(ms / 60_000)
  if (totalMinutes === 0) return `${Math.round(ms / 1000)}s`
  const days = Math.floor(totalMinutes / 1440)
  const hours = Math.floor((totalMinutes % 1440) / 60)
  const minutes = totalMinutes % 60
  return [days > 0 ? `${days}d` : '', hours > 0 ? `${hours}h` : '', minutes > 0 ? `${minutes}m` : '']
    .filter((part) => part !== '')
    .join(' ')
}

/** New York date and time: `2025-03-21 10:05 ET`. */
export function formatTime(ms: number): string {
  return `${formatInTimeZone(ms, NEW_YORK, 'yyyy-MM-dd HH:mm')} ET`
}
