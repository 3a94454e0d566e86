import { describe, expect, it } from 'vitest'
import { registerSecret } from '../errors/secretRegistry.js'
import { createLogger, silentLogger } from './logger.js'

function capture() {
  const lines: string[] = []
  return { lines, sink: (line: string) => lines.push(line) }
}

describe('createLogger', () => {
  it('writes one JSON object per line with ts, level, mode and msg', () => {
    const { lines, sink } = capture()
    const log = createLogger({ mode: 'paper', sink, clock: { now: () => Date.UTC(2025, 0, 2, 15) } })
    log.info('order sent', { clientOrderId: 'a-1' })
    expect(lines).toHaveLength(1)
    expect(JSON.parse(lines[0] ?? '')).toEqual({
      ts: '2025-01-02T15:00:00.000Z',
      level: 'info',
      mode: 'paper',
      msg: 'order sent',
      clientOrderId: 'a-1',
    })
  })

  it('drops lines below the minimum level', () => {
    const { lines, sink } = capture()
    const log = createLogger({ mode: 'live', sink, level: 'warn' })
    log.debug('a')
    log.info('b')
    log.warn('c')
    log.error('d')
    expect(lines.map((line) => JSON.parse(line).msg)).toEqual(['c', 'd'])
  })

  it('keeps the logger mode even when a field tries to override it', () => {
    const { lines, sink } = capture()
    createLogger({ mode: 'live', sink }).info('x', { mode: 'paper', level: 'debug' })
    const parsed = JSON.parse(lines[0] ?? '')
    expect(parsed.mode).toBe('live')
    expect(parsed.level).toBe('info')
  })

  it('redacts registered secrets anywhere in the line', () => {
    registerSecret('sk-logger-secret-123')
    const { lines, sink } = capture()
    createLogger({ mode: 'paper', sink }).error('auth failed sk-logger-secret-123', {
      error: new Error('bad key sk-logger-secret-123'),
    })
    expect(lines[0]).not.toContain('sk-logger-secret-123')
    expect(lines[0]).toContain('[redacted]')
  })

  it('binds fields in children', () => {
    const { lines, sink } = capture()
    createLogger({ mode: 'paper', sink, fields: { app: 'bot' } })
      .child({ component: 'oms' })
      .info('hi')
    expect(JSON.parse(lines[0] ?? '')).toMatchObject({ app: 'bot', component: 'oms', mode: 'paper' })
  })

  it('serialises bigint values as strings', () => {
    const { lines, sink } = capture()
    createLogger({ mode: 'paper', sink }).info('t', { ns: 10n })
    expect(JSON.parse(lines[0] ?? '').ns).toBe('10')
  })
})

describe('silentLogger', () => {
  it('reports its mode and returns itself as child', () => {
    const log = silentLogger('paper')
    expect(log.mode).toBe('paper')
    expect(log.child({ a: 1 })).toBe(log)
  })
})
