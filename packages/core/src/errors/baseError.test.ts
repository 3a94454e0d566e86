import { describe, expect, test } from 'vitest'
import { BaseError, PermanentError, RetryableError } from './baseError.js'
import { ConfigError } from './configError.js'
import { REDACTED, redactSecrets, registerSecret } from './secretRegistry.js'

const CANARY = 'canary-sk-9f8e7d6c5b4a'

describe('BaseError', () => {
  test('message carries short message, details, cause and docs path', () => {
    const error = new BaseError('Order rejected', {
      details: 'limit 5 contracts',
      cause: new Error('socket closed'),
      docsPath: 'guides/risk.md',
    })
    expect(error.shortMessage).toBe('Order rejected')
    expect(error.details).toBe('limit 5 contracts')
    expect(error.message).toBe(
      'Order rejected\nDetails: limit 5 contracts\nCaused by: socket closed\nDocs: docs/guides/risk.md',
    )
    expect(error.cause).toBeInstanceOf(Error)
  })

  test('retryable and permanent branches are distinguishable', () => {
    expect(new RetryableError('timeout').retryable).toBe(true)
    expect(new PermanentError('bad key').retryable).toBe(false)
    expect(new ConfigError('x', [])).toBeInstanceOf(PermanentError)
  })

  test('walk finds an error in the cause chain', () => {
    const root = new RetryableError('reset')
    const error = new PermanentError('gave up', { cause: new BaseError('middle', { cause: root }) })
    expect(error.walk((e) => e instanceof RetryableError)).toBe(root)
    expect(error.walk((e) => e instanceof ConfigError)).toBeUndefined()
  })
})

describe('secret redaction', () => {
  registerSecret(CANARY)

  test('a registered secret never appears in message, details, cause text or serialisation', () => {
    const error = new PermanentError(`auth failed for key ${CANARY}`, {
      details: `sent apiKey=${CANARY}`,
      cause: new Error(`server said: bad key ${CANARY}`),
      metaMessages: [`key: ${CANARY}`],
    })
    const everything = [error.message, error.shortMessage, error.details ?? '', String(error), JSON.stringify(error)]
    for (const text of everything) expect(text).not.toContain(CANARY)
    expect(error.message).toContain(REDACTED)
  })

  test('short values are not registered, so ordinary words survive', () => {
    registerSecret('abc')
    expect(redactSecrets('abc def')).toBe('abc def')
  })

  test('extra secrets are redacted without registering them', () => {
    expect(redactSecrets('token=zzzz-1111', ['zzzz-1111'])).toBe(`token=${REDACTED}`)
    expect(redactSecrets('token=zzzz-1111')).toBe('token=zzzz-1111')
  })
})
