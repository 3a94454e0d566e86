import { Decimal } from 'decimal.js'
import { z } from 'zod'

/**
 * A money amount as stored (journal rows, the paper account): a decimal string, parsed to a finite `Decimal`.
 * Stored as a string so cents stay exact; anything else is a typed validation issue, never a silent NaN.
 *
 * @example
 * ```ts
 * storedDecimalSchema.parse('1000.10') // Decimal 1000.1
 * ```
 */
export const storedDecimalSchema = z.string().transform((value, ctx) => {
  try {
    const parsed = new Decimal(value)
    if (parsed.isFinite()) return parsed
  } catch {
    // reported below
  }
  ctx.addIssue({ code: 'custom', message: 'not a finite decimal' })
  return z.NEVER
})
