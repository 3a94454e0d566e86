import { ConfigError } from '@smart-0dte/core'
import { expect, test } from 'vitest'
import { liveGatewayFor, parseDatabentoOptions } from './databentoOptions.js'
import * as api from './index.js'

const KEY = `db-${'A1b2C3d4E5'.repeat(3).slice(0, 29)}`

test('defaults to OPRA and wraps the key', () => {
  const options = parseDatabentoOptions({ apiKey: KEY })
  expect(options.dataset).toBe('OPRA.PILLAR')
  expect(options.apiKey.reveal()).toBe(KEY)
  expect(String(options.apiKey)).toBe('[redacted]')
})

test('a malformed key is rejected without echoing it', () => {
  const bad = 'db-short-canary-key'
  expect(() => parseDatabentoOptions({ apiKey: bad })).toThrow(ConfigError)
  try {
    parseDatabentoOptions({ apiKey: bad })
  } catch (error) {
    expect((error as Error).message).not.toContain(bad)
  }
})

test('live gateway host follows the dataset', () => {
  expect(liveGatewayFor('OPRA.PILLAR')).toBe('opra-pillar.lsg.databento.com:13000')
  expect(liveGatewayFor('GLBX.MDP3')).toBe('glbx-mdp3.lsg.databento.com:13000')
})

test('public API is exactly this list', () => {
  expect(Object.keys(api).sort()).toMatchSnapshot()
})
