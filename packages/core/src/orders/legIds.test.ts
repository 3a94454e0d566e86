import { describe, expect, test } from 'vitest'
import { equity, optionContract } from '../instruments/instrument.js'
import { instrumentId } from '../instruments/instrumentId.js'
import type { OrderLeg } from '../trading/types.js'
import { legIds } from './legIds.js'

describe('legIds', () => {
  test('lists the canonical id of every leg, per legs array', () => {
    const call = optionContract({ root: 'SPY', expiry: '2025-11-21', strike: 500, right: 'call' })
    const put = optionContract({ root: 'SPY', expiry: '2025-11-21', strike: 495, right: 'put' })
    const spread: OrderLeg[] = [
      { instrument: call, side: 'buy', ratio: 1 },
      { instrument: put, side: 'sell', ratio: 1 },
    ]
    const shares: OrderLeg[] = [{ instrument: equity('SPY'), side: 'buy', ratio: 100 }]
    expect(legIds(spread)).toEqual([instrumentId(call), instrumentId(put)])
    expect(legIds(spread)).toEqual([instrumentId(call), instrumentId(put)])
    expect(legIds(shares)).toEqual(['SPY'])
    expect(legIds([])).toEqual([])
  })
})
