import { Decimal } from 'decimal.js'
import { EMPTY } from 'rxjs'
import { describe, expect, test } from 'vitest'
import { nyTimeToMs } from '../calendar/newYorkTime.js'
import { driveVirtualClock } from '../clock/driveVirtualClock.js'
import { createVirtualClock } from '../clock/virtualClock.js'
import { createPaperBroker } from '../paper/createPaperBroker.js'
import { createSimFeed } from '../sim/createSimFeed.js'
import { createMomentumBreakoutStrategy } from '../strategies/momentumBreakoutStrategy.js'
import type { Strategy } from '../strategies/strategy.js'
import { createVolatilityContractionStrategy } from '../strategies/volatilityContractionStrategy.js'
import type { SignalDecision } from './signalDecision.js'
import { createTradingSystem } from './tradingSystem.js'

const DAY = '2025-11-21'

function system(strategies: readonly Strategy[], seed = 42) {
  const clock = createVirtualClock(nyTimeToMs(DAY, '09:30'))
  const feed = createSimFeed({ clock, seed })
  const trading = createTradingSystem({
    clock,
    feed,
    strategies,
    risk: { maxContractsPerOrder: 10, maxPositionsTotal: 12 },
  })
  return { clock, trading }
}

describe('trading system on the simulator', () => {
  test('trades a whole day within risk limits and ends flat before expiration', async () => {
    const { clock, trading } = system([createMomentumBreakoutStrategy(), createVolatilityContractionStrategy()])
    const decisions: SignalDecision[] = []
    trading.decisions$.subscribe((d) => decisions.push(d))
    await trading.start()
    await driveVirtualClock(clock, { untilMs: nyTimeToMs(DAY, '16:20') })
    const snapshot = trading.snapshot()
    await trading.stop()

    const submitted = decisions.filter((d) => d.outcome === 'submitted')
    expect(submitted.length).toBeGreaterThan(0)
    const entries = trading.oms.orders().filter((o) => o.purpose === 'entry')
    expect(entries.length).toBe(submitted.length)
    for (const order of entries) {
      expect(order.quantity).toBeLessThanOrEqual(10)
      expect(order.mode).toBe('paper')
      expect(order.strategyId).toMatch(/momentum-breakout|volatility-contraction/)
    }
    expect(entries.some((o) => o.status === 'filled')).toBe(true)
    // Time exits close everything before the close, so nothing is exercised or assigned into shares.
    expect(snapshot.positions).toEqual([])
    expect(snapshot.workingOrders).toBe(0)
    // Cash moved by exactly the realised P&L (flat book, every commission included).
    expect(snapshot.pnl.unrealized.toNumber()).toBe(0)
    expect(snapshot.pnl.cash.minus(100_000).toNumber()).toBeCloseTo(snapshot.pnl.realized.toNumber(), 6)
    expect(snapshot.pnl.commissions.toNumber()).toBeGreaterThan(0)
  })

  test('the same seed gives the same orders', async () => {
    const run = async () => {
      const { clock, trading } = system([createVolatilityContractionStrategy()], 7)
      await trading.start()
      await driveVirtualClock(clock, { untilMs: nyTimeToMs(DAY, '13:00') })
      const orders = trading.oms
        .orders()
        .map(
          (o) =>
            `${o.clientOrderId} ${o.status} ${o.quantity} ${o.limitPrice?.toString()} ${o.averageFillPrice?.toString()}`,
        )
      await trading.stop()
      return orders
    }
    expect(await run()).toEqual(await run())
  })

  test('a strategy that throws does not stop the others', async () => {
    const broken: Strategy = {
      id: 'broken',
      description: 'always throws',
      evaluate() {
        throw new Error('boom')
      },
    }
    const { clock, trading } = system([broken, createVolatilityContractionStrategy()])
    const outcomes: string[] = []
    trading.decisions$.subscribe((d) => outcomes.push(d.signal.strategyId))
    await trading.start()
    await driveVirtualClock(clock, { untilMs: nyTimeToMs(DAY, '12:00') })
    await trading.stop()
    expect(outcomes).toContain('volatility-contraction')
    expect(outcomes).not.toContain('broken')
  })

  test('the kill switch flattens every position and halts new entries', async () => {
    const { clock, trading } = system([createMomentumBreakoutStrategy(), createVolatilityContractionStrategy()])
    await trading.start()
    let until = nyTimeToMs(DAY, '10:30')
    while (trading.oms.positions().length === 0 && until < nyTimeToMs(DAY, '15:00')) {
      await driveVirtualClock(clock, { untilMs: until })
      until += 15 * 60_000
    }
    expect(trading.oms.positions().length).toBeGreaterThan(0)
    await trading.killSwitch('test')
    await trading.killSwitch('test again')
    await driveVirtualClock(clock, { untilMs: clock.now() + 5 * 60_000 })
    expect(trading.oms.positions()).toEqual([])
    expect(trading.risk.state.status).toBe('halted')
    const entriesBefore = trading.oms.orders().filter((o) => o.purpose === 'entry').length
    await driveVirtualClock(clock, { untilMs: clock.now() + 60 * 60_000 })
    expect(trading.oms.orders().filter((o) => o.purpose === 'entry').length).toBe(entriesBefore)
    await trading.stop()
  })

  test('a broker in another mode than the trading mode is refused', () => {
    const clock = createVirtualClock(nyTimeToMs(DAY, '09:30'))
    const feed = createSimFeed({ clock, seed: 1 })
    const paper = createPaperBroker({ clock, quotes$: EMPTY, startingCash: new Decimal(1000) })
    expect(() =>
      createTradingSystem({
        clock,
        feed,
        strategies: [],
        broker: paper,
        tradingMode: { mode: 'live', liveTrading: { confirmAccountId: 'U1234567' } },
      }),
    ).toThrow(/differs from the trading mode/)
  })
})
