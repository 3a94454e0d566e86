import { describe, expect, test } from 'vitest'
import { ConfigError } from '../errors/configError.js'
import { equity, optionContract } from '../instruments/instrument.js'
import { type CommissionLeg, ibkrCommissionModel, zeroCommissionModel } from './commissionModel.js'
import { d, intent, paperHarness, spy } from './internal/paperTestKit.js'

const call = optionContract({ root: 'SPY', expiry: '2025-11-21', strike: 500, right: 'call' })
const none = { contracts: 0, shares: 0, brokerCommission: d(0) }
const leg = (side: 'buy' | 'sell', quantity: number, price = '1'): CommissionLeg => ({
  instrument: call,
  side,
  quantity,
  price: d(price),
  multiplier: 100,
})

describe('ibkrCommissionModel', () => {
  const feesOnly = ibkrCommissionModel({
    orfPerContract: 0,
    occClearingPerContract: 0,
    finraTafPerContractSold: 0,
    secFeePerDollarSold: 0,
  })

  test('one contract pays the $1.00 minimum, three pay $0.65 each', () => {
    expect(feesOnly.charge([leg('buy', 1)], none).perLeg.map(String)).toEqual(['1'])
    expect(feesOnly.charge([leg('buy', 3)], none).perLeg.map(String)).toEqual(['1.95'])
  })

  test('the minimum applies once per order across partial fills', () => {
    const first = feesOnly.charge([leg('buy', 1)], none)
    const second = feesOnly.charge([leg('buy', 1)], {
      contracts: 1,
      shares: 0,
      brokerCommission: first.brokerCommission,
    })
    expect(first.brokerCommission.plus(second.brokerCommission).toString()).toBe('1.3')
  })

  test('combo commission splits over the legs and adds up exactly', () => {
    const charge = feesOnly.charge([leg('buy', 1), leg('sell', 1), leg('sell', 1)], none)
    expect(charge.perLeg.reduce((sum, value) => sum.plus(value), d(0)).toString()).toBe('1.95')
  })

  test('default fees: ORF and OCC on every contract, FINRA TAF and SEC fee on sales', () => {
    const model = ibkrCommissionModel()
    expect(model.charge([leg('buy', 10, '2')], none).perLeg[0]?.toString()).toBe('6.9685')
    // 6.50 + 10 × (0.02685 + 0.02) + 10 × 0.00279 + 0.0000278 × $2,000 of proceeds
    expect(model.charge([leg('sell', 10, '2')], none).perLeg[0]?.toString()).toBe('7.052')
  })

  test('shares: $0.005 per share, $1.00 minimum, capped at 1 % of value', () => {
    const model = ibkrCommissionModel({ finraTafPerShareSold: 0, secFeePerDollarSold: 0 })
    const shares = (quantity: number, price: string): CommissionLeg => ({
      instrument: equity('SPY'),
      side: 'sell',
      quantity,
      price: d(price),
      multiplier: 1,
    })
    expect(model.charge([shares(1000, '500')], none).perLeg[0]?.toString()).toBe('5')
    expect(model.charge([shares(10, '500')], none).perLeg[0]?.toString()).toBe('1')
    expect(model.charge([shares(10, '5')], none).perLeg[0]?.toString()).toBe('0.5')
  })

  test('negative rates are a ConfigError', () => {
    expect(() => ibkrCommissionModel({ perContract: -1 })).toThrow(ConfigError)
  })

  test('the zero model charges nothing', () => {
    expect(
      zeroCommissionModel()
        .charge([leg('buy', 5)], none)
        .perLeg.map(String),
    ).toEqual(['0'])
  })
})

test('paper fills carry commissions and cash pays them', async () => {
  const h = await paperHarness({ commission: ibkrCommissionModel() })
  h.quote(spy(500), 1.2, 1.25)
  await h.broker.placeOrder(intent('b', [[spy(500), 'buy']], { type: 'MKT', quantity: 1 }))
  const fill = h.fills[0]
  expect(fill?.commission.toString()).toBe('1.04685')
  expect(h.latestAccount().cash.toString()).toBe(d(100_000).minus(125).minus('1.04685').toString())
  expect(h.latestAccount().realizedPnl.toString()).toBe('-1.04685')
})
