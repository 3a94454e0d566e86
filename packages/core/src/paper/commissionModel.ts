import { Decimal } from 'decimal.js'
import { z } from 'zod'
import { parseConfig } from '../config/parseConfig.js'
import type { Instrument } from '../instruments/instrument.js'
import type { Side } from '../trading/types.js'

/** One leg of one execution, as a commission model sees it. */
export interface CommissionLeg {
  /** The instrument traded. */
  readonly instrument: Instrument
  /** Buy or sell. */
  readonly side: Side
  /** Contracts or shares executed. */
  readonly quantity: number
  /** Price per unit of the instrument. */
  readonly price: Decimal
  /** Contract multiplier (1 for shares). */
  readonly multiplier: number
}

/** What the order already executed and paid, so per-order minimums apply once per order, not per fill. */
export interface CommissionHistory {
  /** Option contracts executed earlier on this order, over all legs. */
  readonly contracts: number
  /** Shares executed earlier on this order. */
  readonly shares: number
  /** Broker commission (excluding pass-through fees) already charged on this order. */
  readonly brokerCommission: Decimal
}

/** Charges of one execution. */
export interface CommissionCharge {
  /** Total charged per leg (broker commission plus fees), same order as the legs, each ≥ 0. */
  readonly perLeg: readonly Decimal[]
  /** The broker-commission part of the total, for the order's history. */
  readonly brokerCommission: Decimal
}

/** Prices the commissions and fees of each execution. */
export interface CommissionModel {
  /** Name for logs. */
  readonly name: string
  /**
   * Charges for one execution of an order (all legs of a combo fill at once).
   *
   * @param legs - The legs executed now.
   * @param history - What the order executed and paid before.
   * @returns Per-leg charges.
   */
  charge(legs: readonly CommissionLeg[], history: CommissionHistory): CommissionCharge
}

const money = z.union([z.number(), z.string()]).transform((value, ctx) => {
  const decimal = new Decimal(value)
  if (!decimal.isFinite() || decimal.lt(0)) {
    ctx.addIssue({ code: 'custom', message: 'must be a non-negative decimal' })
    return z.NEVER
  }
  return decimal
})

/** Options of {@link ibkrCommissionModel}; every amount in USD, numbers or decimal strings. */
export const ibkrCommissionSchema = z.object({
  /** Broker commission per option contract. @default 0.65 */
  perContract: money.prefault(0.65),
  /** Minimum broker commission per option order. @default 1.00 */
  minimumPerOptionOrder: money.prefault(1),
  /** Broker commission per share. @default 0.005 */
  perShare: money.prefault(0.005),
  /** Minimum per stock order. @default 1.00 */
  minimumPerStockOrder: money.prefault(1),
  /** Maximum per stock order as a fraction of trade value. @default 0.01 */
  maximumStockFraction: money.prefault(0.01),
  /** Options Regulatory Fee per contract, bought or sold. @default 0.02685 */
  orfPerContract: money.prefault(0.02685),
  /** OCC clearing fee per contract. @default 0.02 */
  occClearingPerContract: money.prefault(0.02),
  /** FINRA Trading Activity Fee per option contract sold. @default 0.00279 */
  finraTafPerContractSold: money.prefault(0.00279),
  /** FINRA Trading Activity Fee per share sold. @default 0.000166 */
  finraTafPerShareSold: money.prefault(0.000166),
  /** SEC Section 31 fee per dollar of sale proceeds. @default 0.0000278 */
  secFeePerDollarSold: money.prefault(0.0000278),
})

/** Input of {@link ibkrCommissionModel}. */
export type IbkrCommissionOptions = z.input<typeof ibkrCommissionSchema>

function brokerTotal(units: number, perUnit: Decimal, minimum: Decimal): Decimal {
  return units === 0 ? new Decimal(0) : Decimal.max(perUnit.times(units), minimum)
}

/**
 * Interactive Brokers-like charges for US options and stocks (IBKR Pro "fixed" rates, as published on
 * interactivebrokers.com): $0.65 per option contract with a $1.00 minimum per order; $0.005 per share with a
 * $1.00 minimum and a 1 % of value maximum; plus pass-through fees — ORF $0.02685 per contract, OCC clearing
 * $0.02 per contract, FINRA TAF $0.00279 per contract sold ($0.000166 per share sold), SEC fee on sale proceeds
 * ($27.80 per million). Regulators change these fees several times a year (the SEC set its rate to $0 from
 * 2025-05-14 until its next order, for example): set the current values for your account. Minimums apply per
 * order across partial fills; the per-leg split of the broker commission is exact (no rounding), so the charges of
 * an order always add up to its total.
 *
 * @param options - Rates; every field optional.
 * @returns The model.
 * @throws {ConfigError} When a rate is negative or not a number.
 * @example
 * ```ts
 * const commission = ibkrCommissionModel({ perContract: 0.5 })
 * ```
 */
export function ibkrCommissionModel(options: IbkrCommissionOptions = {}): CommissionModel {
  const rates = parseConfig(ibkrCommissionSchema, options, 'IBKR commission model')
  return {
    name: 'ibkr-fixed',
    charge(legs, history) {
      const contractsNow = legs.reduce((sum, leg) => sum + (leg.instrument.kind === 'option' ? leg.quantity : 0), 0)
      const sharesNow = legs.reduce((sum, leg) => sum + (leg.instrument.kind === 'option' ? 0 : leg.quantity), 0)
      const value = legs.reduce(
        (sum, leg) => (leg.instrument.kind === 'option' ? sum : sum.plus(leg.price.times(leg.quantity))),
        new Decimal(0),
      )
      const optionCommission = brokerTotal(
        history.contracts + contractsNow,
        rates.perContract,
        rates.minimumPerOptionOrder,
      ).minus(brokerTotal(history.contracts, rates.perContract, rates.minimumPerOptionOrder))
      const stockCap = rates.maximumStockFraction.times(value)
      const stockCommission =
        sharesNow === 0
          ? new Decimal(0)
          : Decimal.min(
              brokerTotal(history.shares + sharesNow, rates.perShare, rates.minimumPerStockOrder).minus(
                brokerTotal(history.shares, rates.perShare, rates.minimumPerStockOrder),
              ),
              Decimal.max(stockCap, 0),
            )
      const broker = Decimal.max(optionCommission.plus(stockCommission), 0)
      const shares = splitByQuantity(legs, broker)
      const perLeg = legs.map((leg, index) => (shares[index] ?? new Decimal(0)).plus(fees(leg, rates)))
      return { perLeg, brokerCommission: broker }
    },
  }
}

function fees(leg: CommissionLeg, rates: z.output<typeof ibkrCommissionSchema>): Decimal {
  const sold = leg.side === 'sell'
  if (leg.instrument.kind === 'option') {
    const regulatory = rates.orfPerContract.plus(rates.occClearingPerContract).times(leg.quantity)
    if (!sold) return regulatory
    const proceeds = leg.price.times(leg.quantity).times(leg.multiplier)
    return regulatory
      .plus(rates.finraTafPerContractSold.times(leg.quantity))
      .plus(rates.secFeePerDollarSold.times(proceeds))
  }
  if (!sold) return new Decimal(0)
  return rates.finraTafPerShareSold
    .times(leg.quantity)
    .plus(rates.secFeePerDollarSold.times(leg.price.times(leg.quantity)))
}

/**
 * Splits an amount over legs in proportion to quantity, exactly: each leg but the last gets its share rounded
 * down to 1/10,000 of a dollar, the last gets the rest, so the parts add up to the whole.
 */
function splitByQuantity(legs: readonly CommissionLeg[], amount: Decimal): Decimal[] {
  const total = legs.reduce((sum, leg) => sum + leg.quantity, 0)
  if (total === 0) return legs.map(() => new Decimal(0))
  let assigned = new Decimal(0)
  return legs.map((leg, index) => {
    if (index === legs.length - 1) return amount.minus(assigned)
    const share = amount.times(leg.quantity).dividedBy(total).toDecimalPlaces(4, Decimal.ROUND_DOWN)
    assigned = assigned.plus(share)
    return share
  })
}

/**
 * A model that charges nothing, for tests and idealised backtests.
 *
 * @returns The model.
 * @example
 * ```ts
 * createPaperBroker({ ...options, commission: zeroCommissionModel() })
 * ```
 */
export function zeroCommissionModel(): CommissionModel {
  return {
    name: 'zero',
    charge: (legs) => ({ perLeg: legs.map(() => new Decimal(0)), brokerCommission: new Decimal(0) }),
  }
}
