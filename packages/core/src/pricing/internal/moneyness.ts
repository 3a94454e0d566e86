/**
 * Log-moneyness x = ln(F/K) = ln(S/K) + (r − q)·T. Near the money ln(S/K) comes from log1p of the exact
 * difference S − K, so x keeps full relative precision even when S and K agree to many digits (a strike 0.01 %
 * from spot), which matters for 0DTE options where the implied volatility scales with |x|.
 *
 * @param spot - Spot price, positive.
 * @param strike - Strike, positive.
 * @param carryTimesT - (r − q)·T.
 * @returns ln(F/K).
 */
export function logMoneyness(spot: number, strike: number, carryTimesT: number): number {
  const ratio = spot / strike
  const lnRatio = ratio >= 0.5 && ratio <= 2 ? Math.log1p((spot - strike) / strike) : Math.log(spot) - Math.log(strike)
  return lnRatio + carryTimesT
}
