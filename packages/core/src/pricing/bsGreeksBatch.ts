import { computeGreeksRows } from './internal/greeksKernel.js'
import { PricingInputError } from './pricingInputError.js'

/** Column inputs of {@link bsGreeksBatch}: one row per option, all arrays of the same length. */
export interface GreeksBatchInput {
  /** {@link OptionRightCode}: +1 call, −1 put. */
  readonly right: Int8Array
  /** Spot prices of the underlying. */
  readonly spot: Float64Array
  /** Strikes. */
  readonly strike: Float64Array
  /** Times to expiry in years. */
  readonly timeYears: Float64Array
  /** Annualised volatilities. */
  readonly vol: Float64Array
  /** Continuously compounded risk-free rates. */
  readonly rate: Float64Array
  /** Continuous dividend yields. */
  readonly dividendYield: Float64Array
}

/** Caller-owned output columns of {@link bsGreeksBatch}, each at least as long as the input. */
export interface GreeksBatchOutput {
  /** Option premiums. */
  readonly price: Float64Array
  /** ∂V/∂S. */
  readonly delta: Float64Array
  /** ∂²V/∂S². */
  readonly gamma: Float64Array
  /** ∂V/∂t per year (calendar time passing). */
  readonly theta: Float64Array
  /** ∂V/∂σ per 1.00 of volatility. */
  readonly vega: Float64Array
  /** ∂V/∂r per 1.00 of rate. */
  readonly rho: Float64Array
  /** Optional per-row {@link PricingStatus}: `Ok` or `InvalidInput`. */
  readonly status?: Uint8Array
}

/**
 * Prices and greeks of many European options at once, into caller-owned typed arrays; allocates nothing. Row i
 * equals {@link bsGreeks} on row i. Invalid rows (see {@link PricingInputError} for the domain) get zeros in every
 * column and `InvalidInput` in `status` when given; they never throw.
 *
 * @param input - Column arrays, all of length n.
 * @param out - Output columns, each of length at least n.
 * @returns The number of rows priced.
 * @throws {PricingInputError} When the arrays have different lengths or an output is too short.
 * @example
 * ```ts
 * const n = 1
 * const out = {
 *   price: new Float64Array(n), delta: new Float64Array(n), gamma: new Float64Array(n),
 *   theta: new Float64Array(n), vega: new Float64Array(n), rho: new Float64Array(n),
 * }
 * bsGreeksBatch(
 *   {
 *     right: Int8Array.of(OptionRightCode.Call),
 *     spot: Float64Array.of(500), strike: Float64Array.of(505), timeYears: Float64Array.of(1 / 365),
 *     vol: Float64Array.of(0.15), rate: Float64Array.of(0.05), dividendYield: Float64Array.of(0.013),
 *   },
 *   out,
 * )
 * ```
 */
export function bsGreeksBatch(input: GreeksBatchInput, out: GreeksBatchOutput): number {
  const n = input.spot.length
  const columns = [input.right, input.strike, input.timeYears, input.vol, input.rate, input.dividendYield]
  const names = ['right', 'strike', 'timeYears', 'vol', 'rate', 'dividendYield']
  for (let c = 0; c < columns.length; c++) {
    const column = columns[c]
    if (column?.length !== n) throw new PricingInputError(names[c] ?? 'column', column?.length ?? 0, `of length ${n}`)
  }
  const outputs = [out.price, out.delta, out.gamma, out.theta, out.vega, out.rho]
  const outNames = ['price', 'delta', 'gamma', 'theta', 'vega', 'rho']
  for (let c = 0; c < outputs.length; c++) {
    const column = outputs[c]
    if (!(column && column.length >= n)) {
      throw new PricingInputError(`out.${outNames[c]}`, column?.length ?? 0, `at least ${n} long`)
    }
  }
  const status = out.status
  if (status && status.length < n) throw new PricingInputError('out.status', status.length, `at least ${n} long`)
  return computeGreeksRows(
    input.right,
    input.spot,
    input.strike,
    input.timeYears,
    input.vol,
    input.rate,
    input.dividendYield,
    out.price,
    out.delta,
    out.gamma,
    out.theta,
    out.vega,
    out.rho,
    status,
    n,
  )
}
