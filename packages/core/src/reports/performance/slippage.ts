import { Decimal } from 'decimal.js'
import type { Fill, Side } from '../../trading/types.js'
import { finiteOrNull } from '../internal/finite.js'
import { type InstrumentResolver, instrumentFromId, multiplierOf } from '../portfolio/instrumentResolver.js'

/** One execution with the mid of its instrument when the order was placed. */
export interface SlippageSample {
  /** Buy or sell. */
  readonly side: Side
  /** Execution price per unit. */
  readonly price: Decimal
  /** Mid (bid + ask) / 2 when the order was submitted. */
  readonly midAtOrder: Decimal
  /** Units executed. */
  readonly quantity: number
  /** Contract multiplier. @default 1 */
  readonly multiplier?: number
}

/** Slippage against the mid at order time. Positive is worse than mid (paid above it, or sold below it). */
export interface SlippageSummary {
  /** Samples counted. */
  readonly sampleCount: number
  /** Quantity-weighted slippage per unit, in price points (0.03 = 3 cents a contract-point). */
  readonly averagePerUnit: number
  /** `Σ slippage × quantity × multiplier`, the money the fills cost against mid. */
  readonly totalCost: number
  /** Slippage relative to the mids, in basis points of the quantity-weighted mid, or `null` when the mids sum to 0. */
  readonly averageBps: number | null
}

/**
 * Average slippage of executions against the mid at order time. For a buy, slippage is `price − mid`; for a
 * sell, `mid − price`; both positive when the fill was worse than mid.
 *
 * @param samples - Executions with their mids.
 * @returns The summary, or `null` without samples (or when every quantity is 0).
 * @example
 * ```ts
 * averageSlippage([{ side: 'buy', price: new Decimal('2.05'), midAtOrder: new Decimal('2.00'), quantity: 1, multiplier: 100 }])
 * // { sampleCount: 1, averagePerUnit: 0.05, totalCost: 5, averageBps: 250 }
 * ```
 */
export function averageSlippage(samples: readonly SlippageSample[]): SlippageSummary | null {
  let units = new Decimal(0)
  let slipUnits = new Decimal(0)
  let midUnits = new Decimal(0)
  let cost = new Decimal(0)
  for (const sample of samples) {
    const perUnit =
      sample.side === 'buy' ? sample.price.minus(sample.midAtOrder) : sample.midAtOrder.minus(sample.price)
    units = units.plus(sample.quantity)
    slipUnits = slipUnits.plus(perUnit.times(sample.quantity))
    midUnits = midUnits.plus(sample.midAtOrder.times(sample.quantity))
    cost = cost.plus(perUnit.times(sample.quantity).times(sample.multiplier ?? 1))
  }
  if (samples.length === 0 || units.isZero()) return null
  return {
    sampleCount: samples.length,
    averagePerUnit: slipUnits.dividedBy(units).toNumber(),
    totalCost: cost.toNumber(),
    averageBps: midUnits.isZero() ? null : finiteOrNull(slipUnits.dividedBy(midUnits).times(10_000).toNumber()),
  }
}

/**
 * Pairs fills with the mid of their instrument at order time, skipping fills without a known mid.
 *
 * @param fills - Executions.
 * @param midAtOrder - The mid for a fill's order and instrument (for a combo, the leg's own mid), or `undefined`.
 * @param instrumentResolver - Instrument id → instrument, for multipliers. @default instrumentFromId
 * @returns Samples for {@link averageSlippage}.
 * @example
 * ```ts
 * const mids = new Map([['ord-1', new Decimal('2.00')]])
 * averageSlippage(slippageSamples(fills, (fill) => mids.get(fill.clientOrderId)))
 * ```
 */
export function slippageSamples(
  fills: readonly Fill[],
  midAtOrder: (fill: Fill) => Decimal | undefined,
  instrumentResolver: InstrumentResolver = instrumentFromId,
): SlippageSample[] {
  const samples: SlippageSample[] = []
  for (const fill of fills) {
    const mid = midAtOrder(fill)
    if (mid === undefined || !mid.isFinite()) continue
    const multiplier = multiplierOf(instrumentResolver(fill.instrumentId))
    samples.push({ side: fill.side, price: fill.price, midAtOrder: mid, quantity: fill.quantity, multiplier })
  }
  return samples
}
