import { describe, expect, test } from 'vitest'
import { at } from '../../risk/testing/fixtures/riskFixtures.js'
import { parseExitRules } from '../exitRules.js'
import { activeTier } from './activeTier.js'

describe('activeTier', () => {
  test('finds the first tier holding the instant, on each date asked about', () => {
    const rules = parseExitRules()
    const none = parseExitRules({ takeProfit: [{ from: '10:00', until: '11:00', profitFraction: 0.3 }] })
    for (const date of ['2025-06-18', '2025-06-20', '2025-06-18']) {
      expect(['09:31', '11:59', '12:00', '13:59', '14:00', '15:59'].map((t) => activeTier(rules, at(t, date)))).toEqual(
        [0, 0, 1, 1, 2, 2],
      )
      expect([activeTier(none, at('09:59', date)), activeTier(none, at('10:30', date))]).toEqual([undefined, 0])
    }
  })
})
