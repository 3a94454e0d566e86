import { backoffCeilingMs } from '../../feeds/backoffDelay.js'

/** How long a bracket waits between take-profit attempts that leave units open. */
export interface TakeProfitRetryPolicy {
  /** Wait after an attempt that filled something, and after the first that filled nothing, ms. */
  readonly retryMs: number
  /** Cap of the wait, which doubles with every further attempt that fills nothing, ms. */
  readonly retryMaxMs: number
}

/** Where a bracket's take-profit attempts stand; see {@link afterTakeProfitAttempt}. */
export interface TakeProfitRetry {
  /** Consecutive attempts that filled nothing (the backoff exponent). */
  readonly unfilledAttempts: number
  /** When the last attempt that left units open ended, epoch ms. */
  readonly lastAttemptMs: number | undefined
  /** Earliest next attempt, epoch ms; `undefined` when none waits. */
  readonly retryAtMs: number | undefined
}

/** No attempt yet: the take-profit may be tried as soon as its price shows. */
export const NO_TAKE_PROFIT_RETRY: TakeProfitRetry = Object.freeze({
  unfilledAttempts: 0,
  lastAttemptMs: undefined,
  retryAtMs: undefined,
})

/**
 * The cooldown after a take-profit attempt that left units open. An attempt that filled something starts a new
 * series (wait `retryMs`); each further one that fills nothing doubles the wait up to `retryMaxMs`. A quote that
 * shows the target while the book cannot fill it (stale, size gone) thus costs one cancel → IOC → re-place cycle
 * per wait instead of one per evaluation, and the position stays under a resting stop in between.
 *
 * @param state - Before the attempt.
 * @param filledQuantity - Units the attempt filled.
 * @param atMs - When its outcome was known, epoch ms.
 * @param policy - Waits.
 * @returns The state after it.
 * @example
 * ```ts
 * afterTakeProfitAttempt(NO_TAKE_PROFIT_RETRY, 0, 1_000, { retryMs: 5_000, retryMaxMs: 60_000 }).retryAtMs // 6000
 * ```
 */
export function afterTakeProfitAttempt(
  state: TakeProfitRetry,
  filledQuantity: number,
  atMs: number,
  policy: TakeProfitRetryPolicy,
): TakeProfitRetry {
  const unfilledAttempts = filledQuantity > 0 ? 0 : state.unfilledAttempts + 1
  const waitMs = backoffCeilingMs(Math.max(unfilledAttempts, 1), policy.retryMs, policy.retryMaxMs)
  return { unfilledAttempts, lastAttemptMs: atMs, retryAtMs: atMs + waitMs }
}

/**
 * The quote no longer shows the target: the backoff starts over, but the next attempt still waits at least
 * `retryMs` after the last one, so a quote flickering around the target cannot bring the cycle back every second.
 *
 * @param state - Current state.
 * @param policy - Waits.
 * @returns The state with the backoff reset.
 * @example
 * ```ts
 * targetLost({ unfilledAttempts: 3, lastAttemptMs: 0, retryAtMs: 20_000 }, { retryMs: 5_000, retryMaxMs: 60_000 })
 * // { unfilledAttempts: 0, lastAttemptMs: 0, retryAtMs: 5000 }
 * ```
 */
export function targetLost(state: TakeProfitRetry, policy: TakeProfitRetryPolicy): TakeProfitRetry {
  if (state.unfilledAttempts === 0 || state.lastAttemptMs === undefined || state.retryAtMs === undefined) return state
  return {
    unfilledAttempts: 0,
    lastAttemptMs: state.lastAttemptMs,
    retryAtMs: Math.min(state.retryAtMs, state.lastAttemptMs + policy.retryMs),
  }
}

/**
 * Whether a take-profit attempt may start now.
 *
 * @param state - Current state.
 * @param nowMs - Now, epoch ms.
 * @returns `true` when no cooldown runs.
 * @example
 * ```ts
 * takeProfitAllowed({ unfilledAttempts: 1, lastAttemptMs: 0, retryAtMs: 5_000 }, 4_999) // false
 * ```
 */
export function takeProfitAllowed(state: TakeProfitRetry, nowMs: number): boolean {
  return state.retryAtMs === undefined || nowMs >= state.retryAtMs
}
