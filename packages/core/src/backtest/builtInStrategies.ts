import { createCorrelationBreakdownStrategy } from '../strategies/correlationBreakdownStrategy.js'
import { createMomentumBreakoutStrategy } from '../strategies/momentumBreakoutStrategy.js'
import { createPinRiskStrategy } from '../strategies/pinRiskStrategy.js'
import type { Strategy } from '../strategies/strategy.js'
import { createVixSpikeReversionStrategy } from '../strategies/vixSpikeReversionStrategy.js'
import { createVolatilityContractionStrategy } from '../strategies/volatilityContractionStrategy.js'

/**
 * The five built-in strategies with their default options, in a fixed order: momentum breakout, volatility
 * contraction, correlation breakdown, VIX spike reversion and pin risk. Fresh instances on every call.
 *
 * @returns The strategies.
 * @example
 * ```ts
 * const result = await runBacktest({ data: { kind: 'sim' }, date: '2025-11-21', strategies: builtInStrategies() })
 * ```
 */
export function builtInStrategies(): Strategy[] {
  return [
    createMomentumBreakoutStrategy(),
    createVolatilityContractionStrategy(),
    createCorrelationBreakdownStrategy(),
    createVixSpikeReversionStrategy(),
    createPinRiskStrategy(),
  ]
}
