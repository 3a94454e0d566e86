import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { WindowLookup } from './windowLookup.js'

const spy = ['SPY   251121C00590000', 'SPY   251121P00590000', 'SPY   251121C00591000']

describe('WindowLookup', () => {
  test('finds the ids of a window whose ids share a shape and turns others away', () => {
    const window = new Map(spy.map((id, index) => [id, index]))
    const lookup = new WindowLookup(window)
    expect(spy.map((id) => lookup.get(id))).toEqual([0, 1, 2])
    // Built character by character: equal content, a different string than the map's key.
    expect(lookup.get([...'SPY   251121P00590000'].join(''))).toBe(1)
    expect(lookup.get('QQQ   251121C00500000')).toBeUndefined()
    expect(lookup.get('SPY   251121C00592000')).toBeUndefined()
    expect(lookup.get('SPY')).toBeUndefined()
    expect(lookup.get(undefined)).toBeUndefined()
    expect(lookup.get(42)).toBeUndefined()
  })

  test('an empty window finds nothing', () => {
    const lookup = new WindowLookup(new Map<string, number>())
    expect(lookup.get('SPY   251121C00590000')).toBeUndefined()
    expect(lookup.get('')).toBeUndefined()
  })

  test('windows of mixed shapes, or with an empty id, still find every id', () => {
    const mixed = new WindowLookup(new Map([...spy, 'QQQ   251121C00500000', 'ES'].map((id, index) => [id, index])))
    expect(mixed.get('QQQ   251121C00500000')).toBe(3)
    expect(mixed.get('ES')).toBe(4)
    expect(mixed.get('SPY   251121C00591000')).toBe(2)
    const empty = new WindowLookup(new Map([['', 7]]))
    expect(empty.get('')).toBe(7)
  })

  test('answers exactly what the map answers, for any window and id', () => {
    const id = fc.oneof(fc.constantFrom(...spy, 'QQQ   251121C00500000', 'SPY', ''), fc.string({ maxLength: 22 }))
    fc.assert(
      fc.property(fc.uniqueArray(id, { maxLength: 8 }), id, (ids, probe) => {
        const window = new Map(ids.map((key, index) => [key, index]))
        expect(new WindowLookup(window).get(probe)).toBe(window.get(probe))
      }),
    )
  })
})
