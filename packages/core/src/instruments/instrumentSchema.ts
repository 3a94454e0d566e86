import { z } from 'zod'
import { equity, type Instrument, index, optionContract } from './instrument.js'

/**
 * An instrument as stored or sent as JSON, validated again through its factory (`equity`, `index`,
 * `optionContract`), so a stored row can never produce an instrument the SDK would not have created.
 *
 * @example
 * ```ts
 * instrumentSchema.parse({ kind: 'index', symbol: 'VIX' }) // index('VIX')
 * ```
 */
export const instrumentSchema: z.ZodType<Instrument, unknown> = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('equity'), symbol: z.string() }),
    z.object({ kind: z.literal('index'), symbol: z.string() }),
    z.object({
      kind: z.literal('option'),
      underlying: z.string(),
      root: z.string(),
      expiry: z.string(),
      strike: z.number(),
      right: z.enum(['call', 'put']),
      multiplier: z.number(),
    }),
  ])
  .transform((value): Instrument => {
    if (value.kind === 'equity') return equity(value.symbol)
    if (value.kind === 'index') return index(value.symbol)
    return optionContract(value)
  })
