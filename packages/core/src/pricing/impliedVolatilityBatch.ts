import { IV_ABOVE_MAXIMUM, IV_BELOW_INTRINSIC, IV_EXPIRED, impliedVolatilityKernel } from './internal/ivKernel.js'
import { PricingInputError } from './pricingInputError.js'
import { PricingStatus } from './pricingStatus.js'

/** Column inputs of {@link impliedVolatilityBatch}: one row per option, all arrays of the same length. */
export interface IvBatchInput {
  /** {@link OptionRightCode}: +1 call, −1 put. */
  readonly right: Int8Array
  /** Option premiums. */
  readonly price: Float64Array
  /** Spot prices of the underlying. */
  readonly spot: Float64Array
  /** Strikes. */
  readonly strike: Float64Array
  /** Times to expiry in years. */
  readonly timeYears: Float64Array
  /** Continuously compounded risk-free rates. */
  readonly rate: Float64Array
  /** Continuous dividend yields. */
  readonly dividendYield: Float64Array
}

/**
 * Implied volatilities of many European options at once, into caller-owned typed arrays; allocates nothing. Row i
 * gets the same value as {@link impliedVolatility} on row i. Rows without a volatility get `outIv[i] = 0` and a
 * non-zero {@link PricingStatus} in `outStatus[i]`.
 *
 * @param input - Column arrays, all of length n.
 * @param outIv - Receives the annualised volatilities; length at least n.
 * @param outStatus - Receives a {@link PricingStatus} per row; length at least n.
 * @returns The number of rows solved (status `Ok`).
 * @throws {PricingInputError} When the arrays have different lengths or an output is too short.
 * @example
 * ```ts
 * const n = 2
 * const input = {
 *   right: Int8Array.of(OptionRightCode.Call, OptionRightCode.Put),
 *   price: Float64Array.of(1.2, 0.8),
 *   spot: new Float64Array(n).fill(500),
 *   strike: Float64Array.of(501, 499),
 *   timeYears: new Float64Array(n).fill(1 / 365),
 *   rate: new Float64Array(n).fill(0.05),
 *   dividendYield: new Float64Array(n).fill(0.013),
 * }
 * const iv = new Float64Array(n)
 * const status = new Uint8Array(n)
 * impliedVolatilityBatch(input, iv, status)
 * ```
 */
export function impliedVolatilityBatch(input: IvBatchInput, outIv: Float64Array, outStatus: Uint8Array): number {
  const n = input.price.length
  const columns = [input.right, input.spot, input.strike, input.timeYears, input.rate, input.dividendYield]
  const names = ['right', 'spot', 'strike', 'timeYears', 'rate', 'dividendYield']
  for (let c = 0; c < columns.length; c++) {
    const column = columns[c]
    if (column?.length !== n) throw new PricingInputError(names[c] ?? 'column', column?.length ?? 0, `of length ${n}`)
  }
  if (outIv.length < n) throw new PricingInputError('outIv', outIv.length, `at least ${n} long`)
  if (outStatus.length < n) throw new PricingInputError('outStatus', outStatus.length, `at least ${n} long`)
  const { right, price, spot, strike, timeYears, rate, dividendYield } = input
  let solved = 0
  for (let i = 0; i < n; i++) {
    const value = impliedVolatilityKernel(
      right[i] as number,
      price[i] as number,
      spot[i] as number,
      strike[i] as number,
      timeYears[i] as number,
      rate[i] as number,
      dividendYield[i] as number,
    )
    if (value >= 0) {
      outIv[i] = value
      outStatus[i] = PricingStatus.Ok
      solved++
    } else {
      outIv[i] = 0
      outStatus[i] =
        value === IV_BELOW_INTRINSIC
          ? PricingStatus.BelowIntrinsic
          : value === IV_ABOVE_MAXIMUM
            ? PricingStatus.AboveMaximum
            : value === IV_EXPIRED
              ? PricingStatus.Expired
              : PricingStatus.InvalidInput
    }
  }
  return solved
}
