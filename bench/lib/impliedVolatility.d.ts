/** Types for the untyped CommonJS peer package `implied-volatility` (v1.0.0), as its source defines it. */
declare module 'implied-volatility' {
  interface ImpliedVolatilityPackage {
    /**
     * Bisection-style search for σ such that the Black–Scholes price (no dividends) matches `expectedCost` to the
     * cent, at most 100 iterations.
     */
    getImpliedVolatility(
      expectedCost: number,
      spot: number,
      strike: number,
      timeYears: number,
      rate: number,
      callPut: 'call' | 'put',
      estimate?: number,
    ): number
  }
  const impliedVolatility: ImpliedVolatilityPackage
  export default impliedVolatility
}
