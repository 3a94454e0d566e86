/**
 * Price plus all five greeks on the 0DTE grid: throughput of our batch API, side by side with the peers that offer
 * greeks. Also checks our batch prices against the 50-digit reference on a seeded sample, so the speed is not
 * bought with accuracy.
 */
import { BlackScholes } from '@uqee/black-scholes'
import { bsGreeksBatch } from '../packages/core/src/pricing/bsGreeksBatch.js'
import type { BenchResult } from './lib/benchResult.js'
import { referenceBlackScholes } from './lib/highPrecisionBlackScholes.js'
import { bestThroughput } from './lib/timing.js'
import { sampleIndices, zeroDteGrid } from './lib/zeroDteGrid.js'

const PEER_IV = 'implied-volatility'
const PEER_UQEE = '@uqee/black-scholes (defaults)'
const PEER_UQEE_DOUBLE = '@uqee/black-scholes (double CDF)'
/** Grid points whose batch price is compared with the 50-digit reference. */
const CHECKED_POINTS = 1000
/** Prices below this are in or near the subnormal range, where relative precision ends. */
const MIN_PRICE = 1e-290

/**
 * Runs the greeks benchmark.
 *
 * @returns `greeks.per_s`.
 */
export async function run(): Promise<BenchResult[]> {
  const grid = zeroDteGrid()
  const n = grid.size
  const out = {
    price: new Float64Array(n),
    delta: new Float64Array(n),
    gamma: new Float64Array(n),
    theta: new Float64Array(n),
    vega: new Float64Array(n),
    rho: new Float64Array(n),
    status: new Uint8Array(n),
  }
  const ours = bestThroughput(n, () => bsGreeksBatch(grid, out))

  const peer = (model: BlackScholes) =>
    bestThroughput(
      n,
      () => {
        let sum = 0
        for (let i = 0; i < n; i++) {
          const option = model.option({
            rate: grid.rate[i] as number,
            sigma: grid.vol[i] as number,
            strike: grid.strike[i] as number,
            time: grid.timeYears[i] as number,
            type: grid.right[i] === 1 ? 'call' : 'put',
            underlying: grid.spot[i] as number,
          })
          sum += option.delta + option.gamma + option.theta + option.vega + option.rho + option.price
        }
        return sum
      },
      5,
    )

  // Accuracy spot check of the prices the batch produced.
  const checked = sampleIndices(
    Array.from({ length: n }, (_, i) => i),
    CHECKED_POINTS,
    99,
  )
  let worstPriceError = 0
  let worstInUlps = 0
  let compared = 0
  for (const i of checked) {
    const reference = referenceBlackScholes(
      grid.right[i] as number,
      grid.spot[i] as number,
      grid.strike[i] as number,
      grid.timeYears[i] as number,
      grid.vol[i] as number,
      grid.rate[i] as number,
      grid.dividendYield[i] as number,
    ).price.toNumber()
    if (!(reference >= MIN_PRICE)) continue
    compared++
    const error = Math.abs((out.price[i] as number) - reference) / reference
    worstPriceError = Math.max(worstPriceError, error)
    // A price e^{−L} of spot inherits about L ulps of relative error from the last bits of σ, T and K.
    const inherent = Number.EPSILON * (1 + Math.abs(Math.log(reference / (grid.spot[i] as number))))
    worstInUlps = Math.max(worstInUlps, error / inherent)
  }

  return [
    {
      id: 'greeks.per_s',
      value: ours,
      unit: 'options/s',
      higherIsBetter: true,
      target: 10_000_000,
      peers: {
        [PEER_IV]: null,
        [PEER_UQEE]: peer(new BlackScholes()),
        [PEER_UQEE_DOUBLE]: peer(new BlackScholes({ sigmaToPricePrecision: 'double' })),
      },
      notes: [
        `ours: bsGreeksBatch (price, delta, gamma, theta, vega, rho into Float64Arrays) over all ${n} grid points, best of 15 rounds of CPU time, one thread`,
        `peers: @uqee/black-scholes option() per row (returns an object with price and the five greeks), best of 5 rounds`,
        `${PEER_IV} has no greeks (it only inverts prices), hence n/a`,
        `our batch prices vs the 50-digit reference on ${compared} sampled points with prices ≥ ${MIN_PRICE}: max relative error ${worstPriceError.toExponential(2)}, at most ${worstInUlps.toFixed(1)} × ε·(1 + |ln(price/spot)|), the error a last-bit change of the inputs causes`,
      ],
    },
  ]
}
