import { ConfigError } from '@smart-0dte/core'
import { expect, test } from 'vitest'
import { parseAssistantOptions } from './assistantOptions.js'
import * as api from './index.js'

test('defaults apply and the key is wrapped', () => {
  const options = parseAssistantOptions({ apiKey: 'sk-test-000111222' })
  expect(options.model).toBe('gpt-4o-mini')
  expect(options.maxToolRounds).toBe(8)
  expect(options.apiKey.reveal()).toBe('sk-test-000111222')
})

test('out-of-range tool rounds are rejected', () => {
  expect(() => parseAssistantOptions({ apiKey: 'sk-test-000111222', maxToolRounds: 0 })).toThrow(ConfigError)
  expect(() => parseAssistantOptions({ apiKey: 'sk-test-000111222', maxToolRounds: 0 })).toThrow(/maxToolRounds/)
})

test('public API is exactly this list', () => {
  expect(Object.keys(api).sort()).toMatchSnapshot()
})
