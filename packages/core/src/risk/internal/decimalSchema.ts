import { Decimal } from 'decimal.js'
import { z } from 'zod'

/**
 * A money amount in config: a finite number, a numeric string or a `Decimal`, parsed to a non-negative `Decimal`.
 * Strings keep exact cents (`'1000.10'`), which a binary float cannot.
 */
export const nonNegativeDecimalSchema = z
  .union([z.number(), z.string(), z.instanceof(Decimal)])
  .transform((value, ctx) => {
    try {
      const parsed = new Decimal(value)
      if (!parsed.isFinite() || parsed.isNegative()) {
        ctx.addIssue({ code: 'custom', message: 'must be a finite amount of at least 0' })
        return z.NEVER
      }
      return parsed
    } catch {
      ctx.addIssue({ code: 'custom', message: 'must be a number' })
      return z.NEVER
    }
  })
