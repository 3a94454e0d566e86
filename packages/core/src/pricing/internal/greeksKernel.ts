/**
 * The shared Black–Scholes–Merton price-and-greeks kernel behind {@link bsPrice}, {@link bsGreeks} and
 * {@link bsGreeksBatch}. Loops over caller-owned columns in one function (no per-row call) and allocates nothing.
 *
 * The price is the discounted intrinsic value plus the out-of-the-money time value S·e^{−qT}·φ(d1)·(b/b'), where
 * b/b' comes from the accurate normalised Black function, so short-dated and far out-of-the-money prices keep
 * their relative precision instead of vanishing in the difference S·Φ(d1) − K·Φ(d2). Φ(±d1), Φ(±d2) reuse φ(d1)
 * through Φ(z) = φ(z)·Y(z), with Y the scaled Mills ratio.
 */
import { PricingStatus } from '../pricingStatus.js'
import { millsY, normalisedBlack, Region, scaledBlackScratch, scaledNormalisedBlack } from './normalisedBlack.js'

const ONE_OVER_SQRT_TWO_PI = 0.3989422804014327
/**
 * Total volatility σ·√T at or below which the option is priced as if it were zero: the time value is then below
 * 1e-150 of spot, and 1/(σ·√T) in gamma would overflow.
 */
const MIN_TOTAL_VOL = 1e-150
/** Largest |ln(F/K)|, |r·T| and |q·T| accepted, so every exponential stays in double range. */
const MAX_EXPONENT = 700

/**
 * Discount factors of the previous row, reused when the next row has the same expiry, rate and yield (as every
 * row of one option chain does): [T, r, q, e^{−qT} − 1, e^{−rT} − 1, √T].
 */
const discountCache = new Float64Array([Number.NaN, Number.NaN, Number.NaN, 0, 0, 0])

/** Φ(z) given φ(z). */
function cdfFromPdf(z: number, pdf: number): number {
  return z <= 0 ? pdf * millsY(z) : 1 - pdf * millsY(-z)
}

/**
 * Writes one priced row, or marks it invalid when inputs so extreme that a figure came out NaN (say a rate of
 * 1e300 against a strike of 1e10) slipped past the range checks.
 *
 * @returns 1 when written, 0 when marked invalid.
 */
function writeRow(
  outPrice: Float64Array,
  outDelta: Float64Array,
  outGamma: Float64Array,
  outTheta: Float64Array,
  outVega: Float64Array,
  outRho: Float64Array,
  outStatus: Uint8Array | undefined,
  i: number,
  price: number,
  delta: number,
  gamma: number,
  theta: number,
  vega: number,
  rho: number,
): number {
  if (Number.isNaN(price + delta + gamma + theta + vega + rho)) {
    writeInvalid(outPrice, outDelta, outGamma, outTheta, outVega, outRho, outStatus, i)
    return 0
  }
  outPrice[i] = price
  outDelta[i] = delta
  outGamma[i] = gamma
  outTheta[i] = theta
  outVega[i] = vega
  outRho[i] = rho
  if (outStatus) outStatus[i] = PricingStatus.Ok
  return 1
}

/** Zeros row `i` of every output and marks it invalid. */
function writeInvalid(
  outPrice: Float64Array,
  outDelta: Float64Array,
  outGamma: Float64Array,
  outTheta: Float64Array,
  outVega: Float64Array,
  outRho: Float64Array,
  outStatus: Uint8Array | undefined,
  i: number,
): void {
  outPrice[i] = 0
  outDelta[i] = 0
  outGamma[i] = 0
  outTheta[i] = 0
  outVega[i] = 0
  outRho[i] = 0
  if (outStatus) outStatus[i] = PricingStatus.InvalidInput
}

/**
 * Prices rows [0, n) and their greeks into the output arrays. Invalid rows (right not ±1, NaN or infinite numbers,
 * spot or strike not positive, negative time or volatility, exponents beyond ±700) get zeros and, when `outStatus`
 * is given, `InvalidInput`.
 *
 * @returns The number of rows priced.
 */
export function computeGreeksRows(
  right: Int8Array,
  spotColumn: Float64Array,
  strikeColumn: Float64Array,
  timeColumn: Float64Array,
  volColumn: Float64Array,
  rateColumn: Float64Array,
  dividendColumn: Float64Array,
  outPrice: Float64Array,
  outDelta: Float64Array,
  outGamma: Float64Array,
  outTheta: Float64Array,
  outVega: Float64Array,
  outRho: Float64Array,
  outStatus: Uint8Array | undefined,
  n: number,
): number {
  let priced = 0
  for (let i = 0; i < n; i++) {
    const theta = right[i] as number
    const spot = spotColumn[i] as number
    const strike = strikeColumn[i] as number
    const timeYears = timeColumn[i] as number
    const vol = volColumn[i] as number
    const rate = rateColumn[i] as number
    const dividendYield = dividendColumn[i] as number
    if (
      !(theta === 1 || theta === -1) ||
      !(spot > 0 && spot < Number.POSITIVE_INFINITY) ||
      !(strike > 0 && strike < Number.POSITIVE_INFINITY) ||
      !(timeYears >= 0 && timeYears < Number.POSITIVE_INFINITY) ||
      !(vol >= 0 && vol < Number.POSITIVE_INFINITY) ||
      !(rate > Number.NEGATIVE_INFINITY && rate < Number.POSITIVE_INFINITY) ||
      !(dividendYield > Number.NEGATIVE_INFINITY && dividendYield < Number.POSITIVE_INFINITY)
    ) {
      writeInvalid(outPrice, outDelta, outGamma, outTheta, outVega, outRho, outStatus, i)
      continue
    }
    const rateT = rate * timeYears
    const dividendT = dividendYield * timeYears
    if (!(Math.abs(rateT) <= MAX_EXPONENT && Math.abs(dividendT) <= MAX_EXPONENT)) {
      writeInvalid(outPrice, outDelta, outGamma, outTheta, outVega, outRho, outStatus, i)
      continue
    }
    if (timeYears !== discountCache[0] || rate !== discountCache[1] || dividendYield !== discountCache[2]) {
      discountCache[0] = timeYears
      discountCache[1] = rate
      discountCache[2] = dividendYield
      discountCache[3] = Math.expm1(-dividendT)
      discountCache[4] = Math.expm1(-rateT)
      discountCache[5] = Math.sqrt(timeYears)
    }
    const dividendDiscountM1 = discountCache[3] as number
    const rateDiscountM1 = discountCache[4] as number
    const sqrtT = discountCache[5] as number
    // ln(F/K), written out rather than calling logMoneyness() so the hot loop keeps it inlined.
    const ratio = spot / strike
    const x =
      (ratio >= 0.5 && ratio <= 2 ? Math.log1p((spot - strike) / strike) : Math.log(ratio)) + (rateT - dividendT)
    if (!(Math.abs(x) <= MAX_EXPONENT)) {
      writeInvalid(outPrice, outDelta, outGamma, outTheta, outVega, outRho, outStatus, i)
      continue
    }
    const dividendDiscount = 1 + dividendDiscountM1
    const rateDiscount = 1 + rateDiscountM1
    const spotPv = spot * dividendDiscount
    const strikePv = strike * rateDiscount
    const s = vol * sqrtT
    const inTheMoney = theta * x > 0
    // θ·(S·e^{−qT} − K·e^{−rT}) without cancellation near the money.
    const intrinsic = inTheMoney ? theta * (spot - strike + spot * dividendDiscountM1 - strike * rateDiscountM1) : 0
    if (!(s > MIN_TOTAL_VOL)) {
      // Zero total volatility: the discounted forward intrinsic value and its one-sided limits (half at the money).
      const weight = inTheMoney ? 1 : x === 0 ? 0.5 : 0
      const written = writeRow(
        outPrice,
        outDelta,
        outGamma,
        outTheta,
        outVega,
        outRho,
        outStatus,
        i,
        intrinsic,
        weight * theta * dividendDiscount,
        0,
        weight === 0 ? 0 : weight * theta * (dividendYield * spotPv - rate * strikePv),
        x === 0 ? spotPv * sqrtT * ONE_OVER_SQRT_TWO_PI : 0,
        weight === 0 ? 0 : weight * theta * strike * timeYears * rateDiscount,
      )
      priced += written
      continue
    }
    const t = 0.5 * s
    const d1 = x / s + t
    const d2 = d1 - s
    const pdf1 = ONE_OVER_SQRT_TWO_PI * Math.exp(-0.5 * d1 * d1)
    const pdf2 = pdf1 * (spotPv / strikePv)
    // The out-of-the-money call at −|x| has arguments u = −|x|/s + t and v = u − s: (d1, d2) when x ≤ 0,
    // (−d2, −d1) when x > 0.
    const otmX = -Math.abs(x)
    let timeValue: number
    let cdfThetaD1: number
    let cdfThetaD2: number
    const scaled = scaledNormalisedBlack(otmX, s)
    const region = scaledBlackScratch[0]
    if (region === Region.Direct) {
      // Large total volatility above the money: b/b' may overflow, so price directly and take Φ from erfcx.
      timeValue = Math.sqrt(spotPv) * Math.sqrt(strikePv) * normalisedBlack(otmX, s)
      cdfThetaD1 = cdfFromPdf(theta * d1, pdf1)
      cdfThetaD2 = cdfFromPdf(theta * d2, pdf2)
    } else {
      timeValue = spotPv * pdf1 * scaled
      let millsU: number
      let millsV: number
      if (region === Region.Taylor) {
        const even = scaledBlackScratch[1] as number
        millsU = even + 0.5 * scaled
        millsV = even - 0.5 * scaled
      } else {
        millsU = region === Region.Asymptotic ? (scaledBlackScratch[1] as number) : millsY(otmX / s + t)
        millsV = millsU - scaled
      }
      if (x <= 0) {
        const cdfU = pdf1 * millsU
        const cdfV = pdf2 * millsV
        cdfThetaD1 = theta === 1 ? cdfU : 1 - cdfU
        cdfThetaD2 = theta === 1 ? cdfV : 1 - cdfV
      } else {
        const cdfU = pdf2 * millsU
        const cdfV = pdf1 * millsV
        cdfThetaD1 = theta === 1 ? 1 - cdfV : cdfV
        cdfThetaD2 = theta === 1 ? 1 - cdfU : cdfU
      }
    }
    const spotPvPdf = spotPv * pdf1
    priced += writeRow(
      outPrice,
      outDelta,
      outGamma,
      outTheta,
      outVega,
      outRho,
      outStatus,
      i,
      intrinsic + timeValue,
      theta * dividendDiscount * cdfThetaD1,
      (dividendDiscount * pdf1) / (spot * s),
      (-spotPvPdf * vol) / (2 * sqrtT) -
        theta * rate * strikePv * cdfThetaD2 +
        theta * dividendYield * spotPv * cdfThetaD1,
      spotPvPdf * sqrtT,
      theta * strike * timeYears * rateDiscount * cdfThetaD2,
    )
  }
  return priced
}
