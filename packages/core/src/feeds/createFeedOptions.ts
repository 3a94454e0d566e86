import { z } from 'zod'
import type { Clock } from '../clock/clock.js'

const clockSchema = z.custom<Clock>(
  (value) =>
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Clock).now === 'function' &&
    typeof (value as Clock).scheduler === 'object',
  'must be a Clock (now() and scheduler)',
)

const positiveMs = z.number().int().positive()

/** Schema of {@link CreateFeedOptions}; defaults applied by `parseConfig`. */
export const createFeedOptionsSchema = z
  .object({
    clock: clockSchema,
    initialRetryDelayMs: positiveMs.default(1_000),
    maxRetryDelayMs: positiveMs.default(30_000),
    maxAttempts: z
      .union([z.number().int().min(1), z.literal(Number.POSITIVE_INFINITY)])
      .default(Number.POSITIVE_INFINITY),
    staleAfterMs: z.number().int().min(0).default(30_000),
    openTimeoutMs: z.number().int().min(0).default(30_000),
    pollIntervalMs: positiveMs.default(5_000),
    pollAfterFailures: z.number().int().min(1).default(3),
    streamRetryIntervalMs: positiveMs.default(60_000),
    random: z.custom<() => number>((value) => typeof value === 'function', 'must be a function').optional(),
  })
  .refine((options) => options.maxRetryDelayMs >= options.initialRetryDelayMs, {
    message: 'must be ≥ initialRetryDelayMs',
    path: ['maxRetryDelayMs'],
  })

/** Options of {@link createFeed}. */
export interface CreateFeedOptions {
  /** Source of time; every timer (backoff, stale check, polling) runs on `clock.scheduler`. */
  clock: Clock
  /** Backoff ceiling after the first failure, ms. @default 1000 */
  initialRetryDelayMs?: number
  /** Cap of the backoff ceiling, ms. @default 30000 */
  maxRetryDelayMs?: number
  /**
   * Consecutive failed connection attempts (or polls, in polling mode) after which the feed gives up and closes
   * with {@link FeedRetriesExhaustedError}. @default Infinity
   */
  maxAttempts?: number
  /**
   * Silence (no event, no heartbeat) while instruments are subscribed after which the connection counts as dead
   * and is reopened, ms; 0 turns stale detection off. @default 30000
   */
  staleAfterMs?: number
  /** Longest wait for `open()` before the attempt counts as failed (retryable), ms; 0 waits forever. @default 30000 */
  openTimeoutMs?: number
  /** Interval between polls when the feed has fallen back to polling, ms. @default 5000 */
  pollIntervalMs?: number
  /**
   * Consecutive streaming failures after which an adapter with `poll` switches to polling (state `live`, mode
   * `polling`). @default 3
   */
  pollAfterFailures?: number
  /** While polling, how often streaming is tried again, ms. @default 60000 */
  streamRetryIntervalMs?: number
  /**
   * Uniform [0, 1) source of the backoff jitter. @default a seeded generator (`createPrng`) seeded from the
   * feed name and the clock's time at creation, so virtual-clock runs are reproducible.
   */
  random?: () => number
}
