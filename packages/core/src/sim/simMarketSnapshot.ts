/** The state of the simulated market at its last step (SIMULATED). */
export interface SimMarketSnapshot {
  /** Always `true`. */
  readonly simulated: true
  /** Time of the last simulated step, epoch ms. */
  readonly timestampMs: number
  /** Simulated trading day. */
  readonly date: string
  /** Annualised volatility of the market factor right now (√variance). */
  readonly volatility: number
  /** Efficient price of each underlying (quotes straddle it). */
  readonly prices: Readonly<Record<string, number>>
  /** Latest VIX9D, VIX, VIX3M and VIX6M values. */
  readonly indices: Readonly<Record<string, number>>
}
