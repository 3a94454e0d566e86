import { inspect } from 'node:util'
import { describe, expect, test } from 'vitest'
import { z } from 'zod'
import { ConfigError } from '../errors/configError.js'
import { parseConfig, secretSchema } from './parseConfig.js'
import { Secret } from './secret.js'

const schema = z.object({
  apiKey: secretSchema,
  port: z.number().int().min(1).max(65535).default(7497),
  risk: z.object({ maxContracts: z.number().positive() }),
})

describe('parseConfig', () => {
  test('returns typed values with defaults applied', () => {
    const config = parseConfig(schema, { apiKey: 'k-123456', risk: { maxContracts: 5 } }, 'test options')
    expect(config.port).toBe(7497)
    expect(config.apiKey).toBeInstanceOf(Secret)
    expect(config.apiKey.reveal()).toBe('k-123456')
  })

  test('one error names every bad field and the reason', () => {
    let caught: unknown
    try {
      parseConfig(schema, { apiKey: '', port: 'x', risk: { maxContracts: -1 } }, 'test options')
    } catch (error) {
      caught = error
    }
    expect(caught).toBeInstanceOf(ConfigError)
    const error = caught as ConfigError
    expect(error.issues.map((i) => i.path)).toEqual(['apiKey', 'port', 'risk.maxContracts'])
    expect(error.shortMessage).toMatch(/^Invalid test options: apiKey: .+; port: .+; risk\.maxContracts: .+$/)
    expect(error.configName).toBe('test options')
  })

  test('a rejected secret value is not echoed in the error', () => {
    const canary = 'canary-secret-value-77'
    const strict = z.object({ apiKey: z.string().max(3) })
    expect(() => parseConfig(strict, { apiKey: canary }, 'strict')).toThrow(ConfigError)
    try {
      parseConfig(strict, { apiKey: canary }, 'strict')
    } catch (error) {
      expect(String((error as Error).message)).not.toContain(canary)
    }
  })
})

describe('Secret', () => {
  test('never shows its value when printed or serialised', () => {
    const secret = new Secret('canary-abcdef-123')
    const shown = [String(secret), `${secret}`, JSON.stringify({ secret }), inspect(secret), inspect({ secret })]
    for (const text of shown) expect(text).not.toContain('canary-abcdef-123')
    expect(secret.reveal()).toBe('canary-abcdef-123')
  })
})
