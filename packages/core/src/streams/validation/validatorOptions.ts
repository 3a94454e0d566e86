import { z } from 'zod'
import type { Clock } from '../../clock/clock.js'

const clockSchema = z.custom<Clock>(
  (value) =>
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Clock).now === 'function' &&
    typeof (value as Clock).scheduler === 'object',
  'must be a Clock ({ now(), scheduler })',
)

const windowFields = {
  /** Ticks per instrument in the rolling window. @default 15 */
  windowSize: z.number().int().min(3).max(1000).default(15),
  /** Ticks needed in the window before spikes are judged. @default 5 */
  minSamples: z.number().int().min(1).default(5),
  /**
   * Only ticks of the last `windowMs` of event time count, so a rarely quoted contract is not judged against prices
   * from before the underlying moved. @default 10000
   */
  windowMs: z.number().positive().default(10_000),
}

/**
 * Spike rule. `mad`: a price is a spike when |price − median| exceeds `multiple` × the median absolute deviation of
 * the window, and also exceeds both floors (so a flat market, where the MAD is 0, does not turn every one-tick move
 * into a spike). `percent`: when |price − median| / median exceeds `percent` / 100. Every tick that passed the
 * other rules enters the window, spikes included, so a genuine level shift is accepted once it holds for about half
 * the window.
 */
export const spikeOptionsSchema = z.discriminatedUnion('method', [
  z.object({
    method: z.literal('mad'),
    ...windowFields,
    /** Multiples of the MAD. @default 10 */
    multiple: z.number().positive().default(10),
    /**
     * Deviations up to this fraction of the median never count. Spikes are for gross errors (a misplaced decimal,
     * a stray print): an in-the-money 0DTE option legitimately moves a few percent within seconds. @default 0.02
     */
    minRelativeDeviation: z.number().min(0).default(0.02),
    /** Deviations up to this many price units never count (ten 0DTE option ticks of 0.01). @default 0.1 */
    minAbsoluteDeviation: z.number().min(0).default(0.1),
  }),
  z.object({
    method: z.literal('percent'),
    ...windowFields,
    /** Largest accepted distance from the median, in percent of it. */
    percent: z.number().positive(),
  }),
])
/** Parsed {@link spikeOptionsSchema}. */
export type SpikeOptions = z.output<typeof spikeOptionsSchema>
/** Input of {@link spikeOptionsSchema}. */
export type SpikeOptionsInput = z.input<typeof spikeOptionsSchema>

/** How to treat a tick whose timestamp equals the previous one of the same instrument and source. */
export const DuplicatePolicy = {
  /** Drop it when its prices and sizes are identical too (a replayed tick); keep bursts within one timestamp. */
  DropIdentical: 'drop_identical',
  /** Drop every tick that repeats the timestamp. */
  Drop: 'drop',
  /** Keep them all. */
  Keep: 'keep',
} as const
/** One of {@link DuplicatePolicy}. */
export type DuplicatePolicy = (typeof DuplicatePolicy)[keyof typeof DuplicatePolicy]

/** Options shared by the quote and trade validators. */
export const validatorOptionsSchema = z.object({
  /** Clock the staleness rules read. */
  clock: clockSchema,
  /** Ticks older than this behind the clock are stale; `false` disables the rule. @default 5000 */
  maxAgeMs: z.union([z.number().positive(), z.literal(false)]).default(5000),
  /** Ticks further ahead of the clock than this are rejected; `false` disables the rule. @default 2000 */
  maxFutureMs: z.union([z.number().min(0), z.literal(false)]).default(2000),
  /** Duplicate timestamps. @default 'drop_identical' */
  duplicateTimestamps: z.enum(['drop_identical', 'drop', 'keep']).default('drop_identical'),
  /** Spike rule; `false` disables it. @default { method: 'mad' } with the defaults of `spikeOptionsSchema` */
  spike: z.union([spikeOptionsSchema, z.literal(false)]).prefault({ method: 'mad' }),
  /**
   * Require a positive size on every side that has a price. Turn off for index values, which carry no size.
   * @default true
   */
  requireSizes: z.boolean().default(true),
})

/** Options of `createQuoteValidator`. */
export const quoteValidatorOptionsSchema = validatorOptionsSchema.extend({
  /**
   * Locked quotes (bid = ask): `flag` keeps them and counts them under `locked`; `drop` removes them; `accept` keeps
   * them uncounted, for series that publish one value as both bid and ask (index values such as ^VIX are locked on
   * every tick, so flagging them only buries real incidents). @default 'flag'
   */
  lockedQuotes: z.enum(['flag', 'drop', 'accept']).default('flag'),
  /** Accept a zero bid as "no bid" (common on far out-of-the-money options). @default true */
  allowZeroBid: z.boolean().default(true),
})
/** Input of `createQuoteValidator`. */
export type QuoteValidatorOptions = z.input<typeof quoteValidatorOptionsSchema>

/** Options of `createTradeValidator`. */
export const tradeValidatorOptionsSchema = validatorOptionsSchema
/** Input of `createTradeValidator`. */
export type TradeValidatorOptions = z.input<typeof tradeValidatorOptionsSchema>
/** Parsed options shared by both validators. */
export type ParsedValidatorOptions = z.output<typeof validatorOptionsSchema>
