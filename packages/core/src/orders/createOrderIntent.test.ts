import { Decimal } from 'decimal.js'
import { describe, expect, test } from 'vitest'
import { equity, index, optionContract } from '../instruments/instrument.js'
import type { OrderIntent } from '../trading/types.js'
import { createOrderIntent } from './createOrderIntent.js'
import { verticalSpread } from './optionStructures.js'
import { InvalidOrderError } from './orderErrors.js'
import { orderIntentIssues } from './orderIntentIssues.js'

const call = (strike: number, expiry = '2025-11-21') => optionContract({ root: 'SPY', expiry, strike, right: 'call' })
const d = (value: string) => new Decimal(value)

function issuesOf(input: Partial<OrderIntent>): string[] {
  const intent: OrderIntent = {
    clientOrderId: 'x',
    legs: [{ instrument: call(500), side: 'buy', ratio: 1 }],
    quantity: 1,
    type: 'LMT',
    limitPrice: d('1'),
    timeInForce: 'DAY',
    mode: 'paper',
    ...input,
  }
  return orderIntentIssues(intent)
}

describe('createOrderIntent', () => {
  test('builds a frozen combo intent with defaults LMT, DAY, paper', () => {
    const intent = createOrderIntent({
      clientOrderId: 'v1',
      structure: verticalSpread({ long: call(500), short: call(505) }),
      quantity: 2,
      limitPrice: d('1.25'),
    })
    expect(intent).toMatchObject({ type: 'LMT', timeInForce: 'DAY', mode: 'paper', quantity: 2 })
    expect(intent.legs).toHaveLength(2)
    expect(Object.isFrozen(intent)).toBe(true)
  })

  test('throws one error listing every problem', () => {
    try {
      createOrderIntent({ clientOrderId: '', legs: [], quantity: 0, type: 'LMT' })
      expect.unreachable()
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidOrderError)
      expect((error as InvalidOrderError).issues).toEqual(
        expect.arrayContaining([
          'clientOrderId must be a non-empty string',
          'quantity must be a positive integer, got 0',
          'an order needs at least one leg',
        ]),
      )
    }
  })

  test('refuses structure and legs together', () => {
    const structure = verticalSpread({ long: call(500), short: call(505) })
    expect(() =>
      createOrderIntent({ clientOrderId: 'a', structure, legs: structure.legs, quantity: 1, limitPrice: d('1') }),
    ).toThrow(/either structure or legs/)
  })
})

describe('orderIntentIssues', () => {
  test('a valid intent has none', () => {
    expect(issuesOf({})).toEqual([])
  })

  test.each([
    ['LMT without limit', { limitPrice: undefined }, 'LMT order needs a limit price'],
    ['MKT with limit', { type: 'MKT' }, 'MKT order takes no limit price'],
    ['STP without stop', { type: 'STP', limitPrice: undefined }, 'STP order needs a stop price'],
    ['STP_LMT IOC', { type: 'STP_LMT', stopPrice: d('1'), timeInForce: 'IOC' }, 'stop orders cannot be IOC'],
    ['fractional quantity', { quantity: 1.5 }, 'quantity must be a positive integer, got 1.5'],
    ['off-tick SPY price', { limitPrice: d('1.005') }, 'limit price 1.005 is not a multiple of 0.01'],
    ['number instead of Decimal', { limitPrice: 1 as unknown as Decimal }, 'limit price must be a Decimal'],
    ['unknown mode', { mode: 'demo' as never }, 'unknown trading mode demo'],
    ['an index leg', { legs: [{ instrument: index('SPX'), side: 'buy', ratio: 1 }] }, 'index SPX is not tradable'],
    [
      'a ratio-2 single leg',
      { legs: [{ instrument: call(500), side: 'buy', ratio: 2 }] },
      'a single-leg order has ratio 1',
    ],
  ] as const)('%s', (_name, input, issue) => {
    expect(issuesOf(input as Partial<OrderIntent>)).toContain(issue)
  })

  test('combo legs must be options on one expiry, reduced ratios, no repeated instrument', () => {
    expect(
      issuesOf({
        legs: [
          { instrument: call(500), side: 'buy', ratio: 2 },
          { instrument: call(505, '2025-11-24'), side: 'sell', ratio: 4 },
        ],
      }),
    ).toEqual(
      expect.arrayContaining([
        'leg ratios must be reduced (divide by 2 and multiply the quantity)',
        'combo legs must share the expiry',
      ]),
    )
    expect(
      issuesOf({
        legs: [
          { instrument: call(500), side: 'buy', ratio: 1 },
          { instrument: call(500), side: 'sell', ratio: 1 },
        ],
      }),
    ).toContain(`instrument ${'SPY   251121C00500000'} appears in two legs`)
    expect(
      issuesOf({
        legs: [
          { instrument: call(500), side: 'buy', ratio: 1 },
          { instrument: equity('SPY'), side: 'sell', ratio: 1 },
        ],
      }),
    ).toContain('combo legs must all be options')
  })

  test('a combo credit is a valid limit price', () => {
    const legs = verticalSpread({ long: call(505), short: call(500) }).legs
    expect(issuesOf({ legs, limitPrice: d('-1.2') })).toEqual([])
  })
})
