import { describe, expect, it } from 'vitest'
import * as core from '../index.js'

/**
 * Functions that can issue or redeem approvals, or reach `broker.placeOrder` without the risk engine. They live in
 * `internal/` modules and must never become part of the public API.
 */
const INTERNAL = [
  'issueApproval',
  'redeemApproval',
  'registerRiskEngine',
  'isGenuineRiskEngine',
  'createSendPath',
  'createOmsCore',
  'createKillSwitch',
  'recover',
  'reconcileLive',
]

describe('public API', () => {
  it('exports no path to the broker that skips the risk engine', () => {
    const exported = new Set(Object.keys(core))
    expect(INTERNAL.filter((name) => exported.has(name))).toEqual([])
  })
})
