import { describe, expect, test } from 'vitest'
import { VersionedMap } from './versionedMap.js'

describe('VersionedMap', () => {
  test('moves its version on every change and only then', () => {
    const map = new VersionedMap<string, number>()
    const seen = [map.version]
    map.set('a', 1)
    seen.push(map.version)
    map.set('a', 2)
    seen.push(map.version)
    map.get('a')
    map.has('b')
    map.delete('b')
    seen.push(map.version)
    map.delete('a')
    seen.push(map.version)
    map.clear()
    seen.push(map.version)
    map.set('c', 3)
    map.clear()
    seen.push(map.version)
    expect(seen).toEqual([0, 1, 2, 2, 3, 3, 5])
    expect([...map.entries()]).toEqual([])
  })

  test('behaves as a Map', () => {
    const map = new VersionedMap<string, number>()
    map.set('x', 1).set('y', 2)
    expect([...map.keys()]).toEqual(['x', 'y'])
    expect(map.get('y')).toBe(2)
    expect(map.size).toBe(2)
    expect(map instanceof Map).toBe(true)
  })
})
