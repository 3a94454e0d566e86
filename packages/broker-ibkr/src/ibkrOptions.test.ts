import { ConfigError } from '@smart-0dte/core'
import { expect, test } from 'vitest'
import { IbkrPort, isLivePort, parseIbkrOptions } from './ibkrOptions.js'
import * as api from './index.js'

test('defaults point at a local TWS paper session', () => {
  expect(parseIbkrOptions()).toEqual({ host: '127.0.0.1', port: 7497, clientId: 0, connectTimeoutMs: 10_000 })
})

test('bad fields are named in one ConfigError', () => {
  expect(() => parseIbkrOptions({ port: 70_000, accountId: 'nope' })).toThrow(ConfigError)
  expect(() => parseIbkrOptions({ port: 70_000, accountId: 'nope' })).toThrow(/port: .*; accountId: must look like/)
})

test('live ports are recognised', () => {
  expect(isLivePort(IbkrPort.TwsLive)).toBe(true)
  expect(isLivePort(IbkrPort.GatewayLive)).toBe(true)
  expect(isLivePort(IbkrPort.TwsPaper)).toBe(false)
})

test('public API is exactly this list', () => {
  expect(Object.keys(api).sort()).toMatchSnapshot()
})
