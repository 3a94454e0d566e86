import { ConfigError, Secret } from '@smart-0dte/core'
import { expect, test } from 'vitest'
import * as api from './index.js'
import { parseMassiveOptions } from './massiveOptions.js'

test('the API key becomes a Secret and defaults apply', () => {
  const options = parseMassiveOptions({ apiKey: 'massive-key-123456' })
  expect(options.apiKey).toBeInstanceOf(Secret)
  expect(options.delayed).toBe(false)
  expect(JSON.stringify(options)).not.toContain('massive-key-123456')
})

test('an empty key and a bad URL are both reported', () => {
  expect(() => parseMassiveOptions({ apiKey: '', webSocketUrl: 'not a url' })).toThrow(ConfigError)
  expect(() => parseMassiveOptions({ apiKey: '', webSocketUrl: 'not a url' })).toThrow(/apiKey: .*webSocketUrl/)
})

test('public API is exactly this list', () => {
  expect(Object.keys(api).sort()).toMatchSnapshot()
})
