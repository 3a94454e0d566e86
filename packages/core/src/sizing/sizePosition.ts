import type { Decimal } from 'decimal.js'
import { PermanentError } from '../errors/baseError.js'
import type { RiskLimits } from '../risk/riskLimits.js'
import { lookupFactor } from './factorTable.js'
import type { SizingConfig } from './sizingConfig.js'

/** What a trade's size depends on. Give the regime either as a VIX level or as a factor computed elsewhere. */
export type SizingInput = {
  /** Account equity (net liquidation value). */
  readonly equity: Decimal
  /** Maximum loss of one unit of the spread in dollars (see `orderMaxLoss`), > 0. */
  readonly maxLossPerUnit: Decimal
  /** Signal confidence, 0–1. */
  readonly confidence: number
  /** Mean |correlation| of the underlying with open positions; omit when nothing is open (factor 1). */
  readonly correlation?: number
  /** Largest leg ratio of the structure (contracts per unit of its biggest leg). @default 1 */
  readonly maxLegRatio?: number
} & ({ readonly vix: number; readonly regimeFactor?: never } | { readonly regimeFactor: number; readonly vix?: never })

/** Why the size is what it is. */
export const SizingLimit = {
  /** The risk budget set the size. */
  Budget: 'budget',
  /** `maxContracts` capped it. */
  MaxContracts: 'max_contracts',
  /** The risk engine's `maxContractsPerOrder` capped it. */
  RiskContracts: 'risk_contracts',
  /** The risk engine's `maxLossPerOrder` capped it. */
  RiskMaxLoss: 'risk_max_loss',
  /** Confidence below `minConfidence`: zero. */
  LowConfidence: 'low_confidence',
  /** The budget does not cover one unit: zero. */
  NoBudget: 'no_budget',
  /** The size came out below `minContracts`: zero (never rounded up past the budget). */
  BelowMinimum: 'below_minimum',
} as const
/** One of {@link SizingLimit}. */
export type SizingLimit = (typeof SizingLimit)[keyof typeof SizingLimit]

/** A sized trade with its reasoning. */
export interface SizingResult {
  /** Units to trade, an integer ≥ 0. */
  readonly contracts: number
  /** What bound the size. */
  readonly limitedBy: SizingLimit
  /** Dollars the trade may lose: equity × riskFraction × combined factor. */
  readonly riskBudget: Decimal
  /** Factors applied. */
  readonly factors: {
    readonly regime: number
    readonly confidence: number
    readonly correlation: number
    /** Product of the three, capped at `maxCombinedFactor`. */
    readonly combined: number
  }
}

/**
 * Sizes a defined-risk trade: `floor(equity × riskFraction × factors / maxLossPerUnit)` units, capped by
 * `maxContracts` and the risk limits (`maxContractsPerOrder`, `maxLossPerOrder`), zero when confidence is below
 * the minimum, when the budget does not cover one unit, or when the result is below `minContracts`. Never rounds
 * up: the trade's maximum loss never exceeds the budget.
 *
 * @param input - Equity, maximum loss per unit, regime, confidence and correlation.
 * @param config - Sizing config.
 * @param limits - Risk limits to respect, if any.
 * @returns The size and why.
 * @throws {PermanentError} When equity is negative or the maximum loss per unit is not positive.
 * @example
 * ```ts
 * const { contracts } = sizePosition(
 *   { equity: new Decimal(50_000), maxLossPerUnit: new Decimal(380), vix: 18, confidence: 0.82 },
 *   parseSizingConfig(),
 * ) // 50 000 × 1 % × 1.5 / 380 → 1
 * ```
 */
export function sizePosition(
  input: SizingInput,
  config: SizingConfig,
  limits?: Pick<RiskLimits, 'maxContractsPerOrder' | 'maxLossPerOrder'>,
): SizingResult {
  if (!input.maxLossPerUnit.isFinite() || input.maxLossPerUnit.lte(0)) {
    throw new PermanentError('Cannot size a trade without a positive maximum loss per unit')
  }
  if (!input.equity.isFinite() || input.equity.isNegative())
    throw new PermanentError('Equity must be a non-negative amount')
  const regime =
    input.regimeFactor !== undefined
      ? Math.max(0, Number.isFinite(input.regimeFactor) ? input.regimeFactor : 0)
      : lookupFactor(config.vixFactors, input.vix)
  const confidence = lookupFactor(config.confidenceFactors, input.confidence)
  const correlation =
    input.correlation === undefined ? 1 : lookupFactor(config.correlationFactors, Math.abs(input.correlation))
  const combined = Math.min(config.maxCombinedFactor, regime * confidence * correlation)
  const factors = { regime, confidence, correlation, combined }
  const riskBudget = input.equity.times(config.riskFraction).times(combined)
  const result = (contracts: number, limitedBy: SizingLimit): SizingResult => ({
    contracts,
    limitedBy,
    riskBudget,
    factors,
  })
  if (!(input.confidence >= config.minConfidence)) return result(0, 'low_confidence')
  const byBudget = riskBudget.div(input.maxLossPerUnit).floor().toNumber()
  if (byBudget < 1) return result(0, 'no_budget')
  let contracts = byBudget
  let limitedBy: SizingLimit = 'budget'
  const cap = (value: number, reason: SizingLimit) => {
    if (value < contracts) {
      contracts = value
      limitedBy = reason
    }
  }
  cap(config.maxContracts, 'max_contracts')
  if (limits !== undefined) {
    cap(Math.floor(limits.maxContractsPerOrder / (input.maxLegRatio ?? 1)), 'risk_contracts')
    cap(limits.maxLossPerOrder.div(input.maxLossPerUnit).floor().toNumber(), 'risk_max_loss')
  }
  if (contracts < config.minContracts) return result(0, 'below_minimum')
  return result(contracts, limitedBy)
}
