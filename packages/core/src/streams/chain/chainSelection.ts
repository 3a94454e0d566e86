import { z } from 'zod'

/**
 * Which contracts of today's expiry the chain streams, around the centre strike (the listed strike nearest to the
 * underlying when the chain last re-centred):
 * - `strikes`: the centre ± `strikesEachSide` listed strikes, calls and puts.
 * - `percent`: strikes within ± `percent` % of the centre strike, calls and puts.
 * - `delta`: each call and put whose |Δ| lies in [`minAbsDelta`, `maxAbsDelta`], among the centre ±
 *   `maxStrikesEachSide` strikes. Δ uses the contract's own implied volatility once it has streamed, else the
 *   at-the-money IV, else `assumedVolatility`; the band is re-evaluated on every re-centre and every
 *   `reselectIntervalMs` (0DTE deltas sharpen as expiry nears).
 */
export const chainSelectionSchema = z
  .discriminatedUnion('mode', [
    z.object({
      mode: z.literal('strikes'),
      /** Listed strikes each side of the centre. @default 10 */
      strikesEachSide: z.number().int().min(0).max(500).default(10),
    }),
    z.object({
      mode: z.literal('percent'),
      /** Half-width of the band, percent of the centre strike. */
      percent: z.number().positive().max(100),
    }),
    z.object({
      mode: z.literal('delta'),
      /** Smallest |Δ| streamed. @default 0.05 */
      minAbsDelta: z.number().min(0).max(1).default(0.05),
      /** Largest |Δ| streamed. @default 0.95 */
      maxAbsDelta: z.number().min(0).max(1).default(0.95),
      /** Volatility for deltas before any IV is known. @default 0.2 */
      assumedVolatility: z.number().positive().max(10).default(0.2),
      /** Cap on strikes examined each side of the centre. @default 50 */
      maxStrikesEachSide: z.number().int().min(0).max(500).default(50),
      /** How often the band is re-evaluated between re-centres. @default 60000 */
      reselectIntervalMs: z.number().positive().default(60_000),
    }),
  ])
  .refine((value) => value.mode !== 'delta' || value.minAbsDelta <= value.maxAbsDelta, {
    message: 'minAbsDelta must not exceed maxAbsDelta',
  })
  .prefault({ mode: 'strikes' })
/** Parsed {@link chainSelectionSchema}. */
export type ChainSelection = z.output<typeof chainSelectionSchema>
/** Input of {@link chainSelectionSchema}. */
export type ChainSelectionInput = z.input<typeof chainSelectionSchema>
