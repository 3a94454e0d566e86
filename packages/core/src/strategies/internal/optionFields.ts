import { z } from 'zod'

const TICKER = /^[A-Z][A-Z0-9.]{0,9}$/

/**
 * Zod field of a strategy id.
 *
 * @param fallback - Default id.
 * @returns The schema.
 * @example
 * ```ts
 * z.object({ id: strategyIdField('pin-risk') })
 * ```
 */
export function strategyIdField(fallback: string) {
  return z.string().trim().min(1).max(64).default(fallback)
}

/**
 * Zod field of one underlying symbol, upper-cased.
 *
 * @returns The schema.
 * @example
 * ```ts
 * z.object({ underlying: underlyingField().default('SPY') })
 * ```
 */
export function underlyingField() {
  return z.string().trim().toUpperCase().regex(TICKER, 'must be a ticker such as SPY')
}

/**
 * Zod field of a list of underlyings: non-empty, unique, upper-cased; the order is the tie-break order.
 *
 * @param fallback - Default list.
 * @returns The schema.
 * @example
 * ```ts
 * z.object({ underlyings: underlyingsField(['SPY', 'QQQ', 'IWM']) })
 * ```
 */
export function underlyingsField(fallback: readonly string[]) {
  return z
    .array(underlyingField())
    .min(1)
    .refine((list) => new Set(list).size === list.length, 'underlyings must be unique')
    .default([...fallback])
}

/**
 * Zod field of a |delta| target, strictly between 0 and 1.
 *
 * @param fallback - Default target.
 * @returns The schema.
 * @example
 * ```ts
 * z.object({ shortDelta: deltaField(0.16) })
 * ```
 */
export function deltaField(fallback: number) {
  return z.number().gt(0).lt(1).default(fallback)
}

/**
 * Zod field of a fraction in (0, 1].
 *
 * @param fallback - Default fraction.
 * @returns The schema.
 * @example
 * ```ts
 * z.object({ maxDebitToWidth: fractionField(0.6) })
 * ```
 */
export function fractionField(fallback: number) {
  return z.number().gt(0).max(1).default(fallback)
}

/**
 * Zod field of a duration in milliseconds, a non-negative integer.
 *
 * @param fallback - Default duration.
 * @returns The schema.
 * @example
 * ```ts
 * z.object({ maxQuoteAgeMs: durationMsField(60_000) })
 * ```
 */
export function durationMsField(fallback: number) {
  return z.number().int().min(0).default(fallback)
}

/**
 * Zod field of minutes before the expiration instant, 0–390.
 *
 * @param fallback - Default minutes.
 * @returns The schema.
 * @example
 * ```ts
 * z.object({ minMinutesToExpiry: minutesField(60) })
 * ```
 */
export function minutesField(fallback: number) {
  return z.number().min(0).max(390).default(fallback)
}

/**
 * Zod field of a width in strike points, positive.
 *
 * @param fallback - Default width.
 * @returns The schema.
 * @example
 * ```ts
 * z.object({ wingWidth: strikeWidthField(2) })
 * ```
 */
export function strikeWidthField(fallback: number) {
  return z.number().positive().default(fallback)
}
