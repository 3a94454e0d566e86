import type { Decimal } from 'decimal.js'
import { instrumentId } from '../../instruments/instrumentId.js'
import type { Position } from '../../trading/types.js'
import type { Execution } from '../bookExecutions.js'
import { type MarginRules, marginRequirement, type PriceLookup } from '../marginRequirement.js'
import { applyPositionFill, type LedgerPosition } from '../positionLedger.js'

/** Input of {@link paperRiskCheck}. */
export interface PaperRiskInput {
  /** Cash now. */
  readonly cash: Decimal
  /** Positions now. */
  readonly positions: readonly LedgerPosition[]
  /** Executions the order would cause (estimated at its worst price, or the actual fill). */
  readonly executions: readonly Omit<Execution, 'commission'>[]
  /** Cash change of those executions, negative when paying. */
  readonly cashDelta: Decimal
  /** Prices for stock value and the naked-call stress price. */
  readonly priceOf: PriceLookup
  /** Margin rules. */
  readonly rules: MarginRules
  /** Whether option contracts may be sold beyond the longs of their series. */
  readonly allowNakedShorts: boolean
}

function project(positions: readonly LedgerPosition[], executions: PaperRiskInput['executions']) {
  const byId = new Map(positions.map((position) => [position.position.instrumentId, position]))
  for (const execution of executions) {
    const id = instrumentId(execution.instrument)
    const { next } = applyPositionFill(byId.get(id), execution)
    if (next) byId.set(id, next)
    else byId.delete(id)
  }
  return [...byId.values()].map((entry): Position => entry.position)
}

/**
 * The paper broker's buying-power rule, applied when an order is acknowledged (at its worst price) and again
 * before each fill (at the fill price): the trade is allowed when buying power (cash minus the margin requirement)
 * stays ≥ 0 afterwards, or when the trade does not lower it (closing and risk-reducing trades always pass).
 * Selling options beyond the longs of their series (naked) is refused unless `allowNakedShorts`.
 *
 * @param input - Account, positions, the executions and the rules.
 * @returns Why the trade is refused, or `undefined` when allowed.
 * @example
 * ```ts
 * const reason = paperRiskCheck({ cash, positions, executions, priceOf, rules, allowNakedShorts: false })
 * if (reason) reject(reason)
 * ```
 */
export function paperRiskCheck(input: PaperRiskInput): string | undefined {
  const current = input.positions.map((entry) => entry.position)
  const before = marginRequirement(current, input.priceOf, input.rules)
  const after = project(input.positions, input.executions)
  const afterMargin = marginRequirement(after, input.priceOf, input.rules)
  if (!input.allowNakedShorts && afterMargin.nakedShortContracts > before.nakedShortContracts) {
    return 'naked short options are disabled (allowNakedShorts is false)'
  }
  const powerBefore = input.cash.minus(before.requirement)
  const powerAfter = input.cash.plus(input.cashDelta).minus(afterMargin.requirement)
  if (powerAfter.gte(0) || powerAfter.gte(powerBefore)) return undefined
  return `insufficient buying power: needs ${powerBefore.minus(powerAfter).toFixed(2)}, available ${powerBefore.toFixed(2)}`
}
