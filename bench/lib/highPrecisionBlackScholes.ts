/**
 * Black–Scholes–Merton price and vega in 50-digit decimal arithmetic (decimal.js), the reference the accuracy
 * benchmarks compare against. Independent of the library: Φ comes from its Taylor series
 * Φ(z) = ½ + φ(z)·Σ z^{2n+1}/(2n+1)!! for |z| ≤ 5 and from the Laplace continued fraction of the Mills ratio
 * Φ(−a)/φ(a) = 1/(a + 1/(a + 2/(a + 3/(a + …)))) beyond, both summed far past 50 digits.
 */
import Decimal from 'decimal.js'

const D = Decimal.clone({ precision: 50, rounding: Decimal.ROUND_HALF_EVEN, toExpNeg: -9e15, toExpPos: 9e15 })
type Dec = InstanceType<typeof D>

const ONE = new D(1)
const HALF = new D(0.5)
const SQRT_TWO_PI = new D(2).times(D.acos(-1)).sqrt()
const TINY = new D('1e-60')

/**
 * The exact value of a double as a decimal (to 50 digits). `new Decimal(0.3)` would read the shortest decimal
 * string "0.3" instead of the double 0.299999999999999988897769753748…, an error of 1e-17 that an accuracy
 * benchmark at the 1e-16 level cannot afford.
 *
 * @param value - A finite double.
 * @returns Its value in 50-digit decimal arithmetic.
 */
export function exactDecimal(value: number): Dec {
  if (value === 0) return new D(0)
  const view = new DataView(new ArrayBuffer(8))
  view.setFloat64(0, value)
  const bits = view.getBigUint64(0)
  const sign = bits >> 63n === 1n ? '-' : ''
  const exponentBits = Number((bits >> 52n) & 0x7ffn)
  const fraction = bits & 0xfffffffffffffn
  const significand = exponentBits === 0 ? fraction : fraction | (1n << 52n)
  const exponent = exponentBits === 0 ? -1074 : exponentBits - 1075
  if (exponent >= 0) return new D(`${sign}${(significand << BigInt(exponent)).toString()}`)
  // m·2^e = m·5^{−e}·10^{e}: an exact decimal digit string with a decimal exponent.
  const digits = (significand * 5n ** BigInt(-exponent)).toString()
  return new D(`${sign}${digits}e${exponent}`)
}

/** φ(z) in 50 digits. */
function pdf(z: Dec): Dec {
  return z.times(z).div(-2).exp().div(SQRT_TWO_PI)
}

/** Φ(z) in 50 digits. */
export function cdfDecimal(input: Dec | number): Dec {
  const z = typeof input === 'number' ? exactDecimal(input) : input
  const a = z.abs()
  if (a.lte(5)) {
    let term = z
    let sum = z
    const z2 = z.times(z)
    for (let n = 1; n < 2000; n++) {
      term = term.times(z2).div(2 * n + 1)
      sum = sum.plus(term)
      if (term.abs().lt(TINY.times(sum.abs()))) break
    }
    return HALF.plus(pdf(z).times(sum))
  }
  const depth = 80 + Math.ceil(6000 / a.toNumber() ** 2)
  let fraction = a
  for (let k = depth; k >= 1; k--) fraction = a.plus(new D(k).div(fraction))
  const tail = pdf(a).div(fraction)
  return z.isNegative() ? tail : ONE.minus(tail)
}

/** Reference price and vega of one option, computed from the exact double inputs. */
export interface ReferenceFigures {
  /** Premium, 50 digits. */
  price: Dec
  /** ∂V/∂σ, 50 digits. */
  vega: Dec
}

/**
 * Price and vega of a European option in 50-digit arithmetic from double inputs taken as exact.
 *
 * @param theta - +1 call, −1 put.
 * @returns Price and vega.
 */
export function referenceBlackScholes(
  theta: number,
  spot: number,
  strike: number,
  timeYears: number,
  vol: number,
  rate: number,
  dividendYield: number,
): ReferenceFigures {
  const S = exactDecimal(spot)
  const K = exactDecimal(strike)
  const T = exactDecimal(timeYears)
  const sigma = exactDecimal(vol)
  const r = exactDecimal(rate)
  const q = exactDecimal(dividendYield)
  const sqrtT = T.sqrt()
  const s = sigma.times(sqrtT)
  const d1 = S.div(K)
    .ln()
    .plus(r.minus(q).plus(sigma.times(sigma).div(2)).times(T))
    .div(s)
  const d2 = d1.minus(s)
  const spotPv = S.times(q.negated().times(T).exp())
  const strikePv = K.times(r.negated().times(T).exp())
  const sign = new D(theta)
  const price = sign.times(spotPv.times(cdfDecimal(d1.times(sign))).minus(strikePv.times(cdfDecimal(d2.times(sign)))))
  const vega = spotPv.times(pdf(d1)).times(sqrtT)
  return { price, vega }
}
