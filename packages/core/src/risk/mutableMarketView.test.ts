import { describe, expect, test } from 'vitest'
import { createMutableMarketView } from './mutableMarketView.js'

const greeks = { delta: 0.5, gamma: 0.02, theta: -1, vega: 0.1, rho: 0.01 }

describe('createMutableMarketView', () => {
  test('stores marks and greeks whether or not anyone watches the changes', () => {
    const view = createMutableMarketView({ SPY: 500 })
    view.setMark('QQQ', 400)
    view.setGreeks('OPT', greeks)
    expect(view.mark('SPY')).toBe(500)
    expect(view.mark('QQQ')).toBe(400)
    expect(view.greeks('OPT')).toEqual(greeks)
    view.setMark('QQQ', undefined)
    expect(view.mark('QQQ')).toBeUndefined()
  })

  test('emits every change to subscribers, from the first one subscribed', () => {
    const view = createMutableMarketView()
    view.setMark('SPY', 1)
    const seen: string[] = []
    const subscription = view.changes$.subscribe((id) => seen.push(id))
    view.setMark('SPY', 2)
    view.setGreeks('OPT', greeks)
    view.setGreeks('OPT', undefined)
    subscription.unsubscribe()
    view.setMark('SPY', 3)
    expect(seen).toEqual(['SPY', 'OPT', 'OPT'])
  })

  test('still refuses invalid values and a closed change stream', () => {
    const view = createMutableMarketView()
    expect(() => view.setMark('SPY', Number.NaN)).toThrow(RangeError)
    expect(() => view.setGreeks('OPT', { ...greeks, gamma: Number.POSITIVE_INFINITY })).toThrow(RangeError)
    view.changes$.unsubscribe()
    expect(() => view.setMark('SPY', 1)).toThrow()
  })
})
