import { BehaviorSubject, EMPTY, NEVER } from 'rxjs'
import { describe, expect, it } from 'vitest'
import { parseConfig } from '../config/parseConfig.js'
import { ConfigError } from '../errors/configError.js'
import type { BrokerInterface, BrokerState } from '../execution/brokerInterface.js'
import type { TradingMode } from '../trading/types.js'
import { tradingModeConfigSchema } from './tradingModeConfig.js'
import { TradingModeError } from './tradingModeError.js'
import { assertTradingMode, verifyTradingMode } from './verifyTradingMode.js'

const parse = (input: unknown) => parseConfig(tradingModeConfigSchema, input, 'trading mode')

function brokerWith(state: BrokerState, mode: TradingMode): BrokerInterface {
  const fail = () => Promise.reject(new Error('not used'))
  return {
    name: 'stub',
    mode,
    capabilities: { comboOrders: true, brackets: false, orderTypes: ['LMT'], timeInForce: ['DAY'], modify: false },
    state$: new BehaviorSubject(state),
    orders$: NEVER,
    fills$: NEVER,
    positions$: EMPTY,
    account$: EMPTY,
    connect: () => Promise.resolve(),
    placeOrder: fail,
    cancelOrder: fail,
    modifyOrder: fail,
    reconcile: fail,
    close: () => Promise.resolve(),
  }
}

function reasonOf(run: () => unknown): string | undefined {
  try {
    run()
  } catch (error) {
    if (error instanceof TradingModeError) return error.reason
    throw error
  }
  return undefined
}

describe('tradingModeConfigSchema', () => {
  it('defaults to paper', () => {
    expect(parse({}).mode).toBe('paper')
  })

  it('rejects unknown modes and unknown keys', () => {
    expect(() => parse({ mode: 'real' })).toThrow(ConfigError)
    expect(() => parse({ mode: 'live', confirm: true })).toThrow(ConfigError)
  })
})

describe('assertTradingMode', () => {
  it('accepts paper with a paper broker', () => {
    expect(assertTradingMode(parse({}), { accountId: 'DU1', mode: 'paper' })).toBe('paper')
  })

  it('refuses a live broker under a paper config', () => {
    expect(reasonOf(() => assertTradingMode(parse({}), { accountId: 'U1', mode: 'live' }))).toBe('broker_mode_mismatch')
  })

  it('refuses live without a confirmation', () => {
    expect(reasonOf(() => assertTradingMode(parse({ mode: 'live' }), { accountId: 'U1234567', mode: 'live' }))).toBe(
      'live_not_confirmed',
    )
  })

  it('refuses live when the confirmed account is not the connected one', () => {
    const config = parse({ mode: 'live', liveTrading: { confirmAccountId: 'U7654321' } })
    expect(reasonOf(() => assertTradingMode(config, { accountId: 'U1234567', mode: 'live' }))).toBe('account_mismatch')
  })

  it('accepts live when the confirmed account matches', () => {
    const config = parse({ mode: 'live', liveTrading: { confirmAccountId: ' U1234567 ' } })
    expect(assertTradingMode(config, { accountId: 'U1234567', mode: 'live' })).toBe('live')
  })

  it('raises a permanent error whose message names both accounts', () => {
    const config = parse({ mode: 'live', liveTrading: { confirmAccountId: 'U7654321' } })
    try {
      assertTradingMode(config, { accountId: 'U1234567', mode: 'live' })
      expect.unreachable()
    } catch (error) {
      expect(error).toBeInstanceOf(TradingModeError)
      expect((error as TradingModeError).retryable).toBe(false)
      expect((error as TradingModeError).message).toMatch(/U7654321.*U1234567/)
    }
  })
})

describe('verifyTradingMode', () => {
  it('reads the connected account from the broker state', async () => {
    const config = parse({ mode: 'live', liveTrading: { confirmAccountId: 'U1234567' } })
    const broker = brokerWith({ status: 'connected', accountId: 'U1234567', mode: 'live' }, 'live')
    await expect(verifyTradingMode(config, broker)).resolves.toBe('live')
  })

  it('refuses when the broker closed', async () => {
    await expect(verifyTradingMode(parse({}), brokerWith({ status: 'closed' }, 'paper'))).rejects.toMatchObject({
      reason: 'broker_not_connected',
    })
  })

  it('refuses when the broker declares another mode than its connection', async () => {
    const broker = brokerWith({ status: 'connected', accountId: 'U1', mode: 'live' }, 'paper')
    await expect(
      verifyTradingMode(parse({ mode: 'live', liveTrading: { confirmAccountId: 'U1' } }), broker),
    ).rejects.toMatchObject({
      reason: 'broker_mode_mismatch',
    })
  })
})
