import { z } from 'zod'
import type { MarketEvent } from '../feeds/marketEvent.js'
import { ReplayLineError } from './replayErrors.js'

const price = z.number()
const amount = z.number().min(0)
const epochMs = z.number()
const epochNs = z
  .string()
  .regex(/^-?\d{1,30}$/, 'must be an integer string (nanoseconds)')
  .transform((digits) => BigInt(digits))

const quoteFields = {
  instrumentId: z.string().min(1),
  bid: price,
  ask: price,
  bidSize: amount,
  askSize: amount,
  timestampMs: epochMs,
  timestampNs: epochNs.optional(),
  exchange: z.string().optional(),
  source: z.string().optional(),
}

// Schema of a `quote` line (without its `type`).
const quoteLineSchema = z.object(quoteFields)

// Schema of a `option_quote` line (without its `type`).
const optionQuoteLineSchema = z.object({
  ...quoteFields,
  underlyingPrice: price.optional(),
  iv: z.number().min(0).optional(),
  greeks: z
    .object({ delta: z.number(), gamma: z.number(), theta: z.number(), vega: z.number(), rho: z.number() })
    .optional(),
  openInterest: amount.optional(),
  volume: amount.optional(),
})

// Schema of a `trade` line (without its `type`).
const tradeLineSchema = z.object({
  instrumentId: z.string().min(1),
  price,
  size: amount,
  timestampMs: epochMs,
  timestampNs: epochNs.optional(),
  exchange: z.string().optional(),
  conditions: z.array(z.number().int()).optional(),
  source: z.string().optional(),
})

// Schema of a `bar` line (without its `type`).
const barLineSchema = z.object({
  instrumentId: z.string().min(1),
  intervalMs: z.number().int().positive(),
  startMs: epochMs,
  open: price,
  high: price,
  low: price,
  close: price,
  volume: amount,
  vwap: price.optional(),
  source: z.string().optional(),
})

function describe(issues: readonly z.core.$ZodIssue[]): string {
  return issues
    .slice(0, 3)
    .map((issue) => `${issue.path.join('.') || '(line)'}: ${issue.message}`)
    .join('; ')
}

/**
 * Parses and validates one line of an NDJSON recording: a JSON object with a `type` (`quote`, `option_quote`,
 * `trade`, `bar`) and the fields of that core type; times in epoch ms, `timestampNs` as a decimal string.
 *
 * @param line - The line, without its newline.
 * @param lineNumber - 1-based line number, for the error.
 * @returns The event.
 * @throws {ReplayLineError} When the line is not a valid event.
 * @example
 * ```ts
 * parseNdjsonLine('{"type":"trade","instrumentId":"SPY","price":590.1,"size":100,"timestampMs":1763735400000}', 1)
 * ```
 */
export function parseNdjsonLine(line: string, lineNumber: number): MarketEvent {
  let raw: unknown
  try {
    raw = JSON.parse(line)
  } catch {
    throw new ReplayLineError(lineNumber, 'not valid JSON', line)
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new ReplayLineError(lineNumber, 'not a JSON object', line)
  }
  const type = (raw as { type?: unknown }).type
  switch (type) {
    case 'quote': {
      const parsed = quoteLineSchema.safeParse(raw)
      if (!parsed.success) throw new ReplayLineError(lineNumber, describe(parsed.error.issues), line)
      return { type, data: parsed.data }
    }
    case 'option_quote': {
      const parsed = optionQuoteLineSchema.safeParse(raw)
      if (!parsed.success) throw new ReplayLineError(lineNumber, describe(parsed.error.issues), line)
      return { type, data: parsed.data }
    }
    case 'trade': {
      const parsed = tradeLineSchema.safeParse(raw)
      if (!parsed.success) throw new ReplayLineError(lineNumber, describe(parsed.error.issues), line)
      return { type, data: parsed.data }
    }
    case 'bar': {
      const parsed = barLineSchema.safeParse(raw)
      if (!parsed.success) throw new ReplayLineError(lineNumber, describe(parsed.error.issues), line)
      return { type, data: parsed.data }
    }
    default:
      throw new ReplayLineError(lineNumber, `unknown type ${JSON.stringify(type) ?? 'undefined'}`, line)
  }
}
