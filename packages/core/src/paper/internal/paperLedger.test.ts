import { describe, expect, test } from 'vitest'
import type { LedgerPosition } from '../positionLedger.js'
import { openPaperLedger } from './paperLedger.js'
import { d, spy } from './paperTestKit.js'

const held = (strike: number, quantity: number): LedgerPosition => ({
  position: {
    instrumentId: `SPY${strike}`,
    instrument: spy(strike),
    side: 'long',
    quantity,
    averagePrice: d(1),
    multiplier: 100,
  },
  openCost: d(quantity),
})

describe('openPaperLedger', () => {
  test('shares one frozen, sorted list of positions until a commit changes them', () => {
    const ledger = openPaperLedger(undefined, 'A', d(1000), 0, '2025-11-21')
    const account = ledger.account()
    ledger.commit({ account, positions: [held(505, 1), held(500, 2)] })
    const first = ledger.positions()
    expect(first.map((entry) => entry.position.instrumentId)).toEqual(['SPY500', 'SPY505'])
    expect(ledger.heldPositions()).toEqual(first.map((entry) => entry.position))
    expect(Object.isFrozen(first) && Object.isFrozen(ledger.heldPositions())).toBe(true)
    ledger.commit({ account: { ...account, sequence: 1 } })
    expect(ledger.positions()).toBe(first)
    ledger.commit({ account, positions: [held(500, 3)] })
    expect(ledger.positions().map((entry) => entry.position.quantity)).toEqual([3, 1])
    ledger.commit({ account, closedPositions: ['SPY505'] })
    expect(ledger.heldPositions().map((position) => position.instrumentId)).toEqual(['SPY500'])
    expect(first).toHaveLength(2)
  })
})
