/**
 * Single-row scratch buffers and input checks for the scalar pricing functions, which reuse the batch kernel.
 */
import { PricingInputError } from '../pricingInputError.js'
import { computeGreeksRows } from './greeksKernel.js'

const scratchRight = new Int8Array(1)
const scratchSpot = new Float64Array(1)
const scratchStrike = new Float64Array(1)
const scratchTime = new Float64Array(1)
const scratchVol = new Float64Array(1)
const scratchRate = new Float64Array(1)
const scratchDividend = new Float64Array(1)
/** The last scalar call's premium. */
export const scratchPrice = new Float64Array(1)
/** The last scalar call's delta. */
export const scratchDelta = new Float64Array(1)
/** The last scalar call's gamma. */
export const scratchGamma = new Float64Array(1)
/** The last scalar call's theta. */
export const scratchTheta = new Float64Array(1)
/** The last scalar call's vega. */
export const scratchVega = new Float64Array(1)
/** The last scalar call's rho. */
export const scratchRho = new Float64Array(1)

/** Throws the {@link PricingInputError} naming the first invalid input. */
function rejectInputs(
  right: string,
  spot: number,
  strike: number,
  timeYears: number,
  vol: number,
  rate: number,
  dividendYield: number,
): never {
  if (right !== 'call' && right !== 'put') throw new PricingInputError('right', Number.NaN, "'call' or 'put'")
  if (!(spot > 0 && spot < Number.POSITIVE_INFINITY)) throw new PricingInputError('spot', spot, 'finite and positive')
  if (!(strike > 0 && strike < Number.POSITIVE_INFINITY)) {
    throw new PricingInputError('strike', strike, 'finite and positive')
  }
  if (!(timeYears >= 0 && timeYears < Number.POSITIVE_INFINITY)) {
    throw new PricingInputError('timeYears', timeYears, 'finite and at least 0')
  }
  if (!(vol >= 0 && vol < Number.POSITIVE_INFINITY)) throw new PricingInputError('vol', vol, 'finite and at least 0')
  if (!Number.isFinite(rate)) throw new PricingInputError('rate', rate, 'finite')
  if (!Number.isFinite(dividendYield)) throw new PricingInputError('dividendYield', dividendYield, 'finite')
  throw new PricingInputError(
    'inputs',
    Number.NaN,
    'moderate enough that |ln(F/K)|, |r·T| and |q·T| stay below 700 and no figure overflows into NaN',
  )
}

/**
 * Runs the kernel for one option into the scratch buffers, throwing on invalid input.
 *
 * @throws {PricingInputError} When an input is outside the domain.
 */
export function computeScalar(
  right: string,
  spot: number,
  strike: number,
  timeYears: number,
  vol: number,
  rate: number,
  dividendYield: number,
): void {
  scratchRight[0] = right === 'call' ? 1 : right === 'put' ? -1 : 0
  scratchSpot[0] = spot
  scratchStrike[0] = strike
  scratchTime[0] = timeYears
  scratchVol[0] = vol
  scratchRate[0] = rate
  scratchDividend[0] = dividendYield
  const priced = computeGreeksRows(
    scratchRight,
    scratchSpot,
    scratchStrike,
    scratchTime,
    scratchVol,
    scratchRate,
    scratchDividend,
    scratchPrice,
    scratchDelta,
    scratchGamma,
    scratchTheta,
    scratchVega,
    scratchRho,
    undefined,
    1,
  )
  if (priced !== 1) rejectInputs(right, spot, strike, timeYears, vol, rate, dividendYield)
}
