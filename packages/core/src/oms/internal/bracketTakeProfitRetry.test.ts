import { describe, expect, it } from 'vitest'
import {
  afterTakeProfitAttempt,
  NO_TAKE_PROFIT_RETRY,
  takeProfitAllowed,
  targetLost,
} from './bracketTakeProfitRetry.js'

const policy = { retryMs: 5000, retryMaxMs: 30_000 }

describe('take-profit cooldown', () => {
  it('doubles per unfilled attempt up to the cap and starts over after a fill', () => {
    let state = NO_TAKE_PROFIT_RETRY
    const waits: number[] = []
    for (const filled of [0, 0, 0, 0, 0, 1, 0]) {
      const at = (state.retryAtMs ?? 0) + 1
      state = afterTakeProfitAttempt(state, filled, at, policy)
      waits.push((state.retryAtMs ?? 0) - at)
    }
    expect(waits).toEqual([5000, 10_000, 20_000, 30_000, 30_000, 5000, 5000])
  })

  it('keeps at least the base wait after the last attempt when the target is lost', () => {
    const state = { unfilledAttempts: 4, lastAttemptMs: 100, retryAtMs: 30_100 }
    expect(targetLost(state, policy)).toEqual({ unfilledAttempts: 0, lastAttemptMs: 100, retryAtMs: 5100 })
    expect(targetLost(NO_TAKE_PROFIT_RETRY, policy)).toBe(NO_TAKE_PROFIT_RETRY)
    expect(takeProfitAllowed(state, 30_099)).toBe(false)
    expect(takeProfitAllowed(state, 30_100)).toBe(true)
    expect(takeProfitAllowed(NO_TAKE_PROFIT_RETRY, 0)).toBe(true)
  })
})
