/**
 * One figure a benchmark measured, side by side with the same figure for peer libraries.
 *
 * `peers` maps a peer's name to its figure, or `null` when the peer cannot produce it (say why in `notes`).
 * `target`, when set, is the figure an issue asks for; the table shows whether it is met.
 */
export interface BenchResult {
  /** Stable id, `area.metric` (`iv.solves_per_s`); results.json merges by it. */
  id: string
  /** Our figure. */
  value: number
  /** Unit of `value` and of every peer figure. */
  unit: string
  /** Whether larger figures are better (throughput) or smaller (error, latency). */
  higherIsBetter: boolean
  /** Peer name → figure, or null when the peer has no way to produce it. */
  peers: Record<string, number | null>
  /** Figure the issue asks for, if any. */
  target?: number
  /** Context printed under the table: grid, exclusions, why a peer is null. */
  notes?: string[]
}

/** What every `bench/*.bench.ts` module exports. */
export interface BenchModule {
  run(): Promise<BenchResult[]>
}
