/**
 * Delay before the next reconnect attempt: exponential backoff with full jitter (a uniform draw between 0 and
 * `min(maxDelayMs, initialDelayMs · 2^(failures − 1))`), so many clients cut off together do not reconnect
 * together.
 *
 * @param failures - Consecutive failures so far, ≥ 1.
 * @param initialDelayMs - Ceiling after the first failure.
 * @param maxDelayMs - Cap of the ceiling.
 * @param random - Uniform source in [0, 1); inject a seeded one for reproducible tests.
 * @returns Whole milliseconds in [0, ceiling].
 * @example
 * ```ts
 * backoffDelayMs(3, 1_000, 30_000, () => 0.5) // 2000 (ceiling 4000)
 * ```
 */
export function backoffDelayMs(failures: number, initialDelayMs: number, maxDelayMs: number, random: () => number) {
  return Math.floor(random() * (backoffCeilingMs(failures, initialDelayMs, maxDelayMs) + 1))
}

/**
 * The upper bound {@link backoffDelayMs} draws below: `min(maxDelayMs, initialDelayMs · 2^(failures − 1))`.
 *
 * @param failures - Consecutive failures so far, ≥ 1.
 * @param initialDelayMs - Ceiling after the first failure.
 * @param maxDelayMs - Cap.
 * @returns The ceiling, ms.
 * @example
 * ```ts
 * backoffCeilingMs(10, 1_000, 30_000) // 30000
 * ```
 */
export function backoffCeilingMs(failures: number, initialDelayMs: number, maxDelayMs: number): number {
  return Math.min(maxDelayMs, initialDelayMs * 2 ** Math.max(0, failures - 1))
}
