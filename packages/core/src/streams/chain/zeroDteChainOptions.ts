import type { Observable } from 'rxjs'
import { z } from 'zod'
import type { Clock } from '../../clock/clock.js'
import type { MarketDataFeed } from '../../feeds/marketDataFeed.js'
import type { Instrument } from '../../instruments/instrument.js'
import type { OptionQuote, Quote } from '../../marketData/types.js'
import { chainSelectionSchema } from './chainSelection.js'

/** Lists the contracts of an underlying expiring on a date; synchronous answers are used at once. */
export type ListContracts = (
  underlying: string,
  expiry: string,
) => Promise<readonly Instrument[]> | readonly Instrument[]

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null

/** Options of `createZeroDteChain`. */
export const zeroDteChainOptionsSchema = z.object({
  /** Underlying symbol (`SPY`, `QQQ`, `IWM`, `SPX`). */
  underlying: z
    .string()
    .regex(/^[A-Za-z][A-Za-z0-9.]{0,9}$/, 'expected a ticker such as SPY')
    .transform((value) => value.toUpperCase()),
  /** The feed to subscribe contracts on and (unless `quotes$` is given) read quotes from. */
  feed: z.custom<MarketDataFeed>(
    (value) => isObject(value) && typeof value.subscribe === 'function' && typeof value.unsubscribe === 'function',
    'must be a MarketDataFeed',
  ),
  /** Clock for the expiry, time to expiry and timers. */
  clock: z.custom<Clock>((value) => isObject(value) && typeof value.now === 'function', 'must be a Clock'),
  /** Which contracts to stream. @default { mode: 'strikes', strikesEachSide: 10 } */
  selection: chainSelectionSchema,
  /**
   * Re-centre when the underlying is more than this many listed strikes away from the current centre. Above 0.5 so
   * a price between two strikes does not flap the window. @default 1.5
   */
  recenterThresholdStrikes: z.number().min(0.5).max(100).default(1.5),
  /** Risk-free rate for IV and greeks, continuously compounded (0.045 = 4.5 %). @default 0 */
  rate: z.number().min(-0.1).max(1).default(0),
  /** Dividend yield of the underlying, continuously compounded. @default 0 */
  dividendYield: z.number().min(-0.1).max(1).default(0),
  /**
   * Option root of the 0DTE series. @default the underlying, except SPX → SPXW, NDX → NDXP, RUT → RUTW
   * (the p.m.-settled daily series)
   */
  root: z
    .string()
    .regex(/^[A-Za-z][A-Za-z0-9]{0,5}$/)
    .optional(),
  /** The instrument whose quotes give the underlying price. @default an index for SPX-like symbols, else equity */
  underlyingInstrument: z.custom<Instrument>((value) => isObject(value) && typeof value.kind === 'string').optional(),
  /** Quotes to read (for example the validated stream). @default feed.quotes$ */
  quotes$: z.custom<Observable<Quote | OptionQuote>>((value) => isObject(value) && 'subscribe' in value).optional(),
  /** Contract listing. @default feed.listOptionChain */
  listContracts: z.custom<ListContracts>((value) => typeof value === 'function').optional(),
  /** Delay before retrying a failed or empty listing. @default 5000 */
  listRetryMs: z.number().positive().default(5_000),
  /** Also emit a snapshot this often; structural changes always emit one. @default undefined (off) */
  snapshotIntervalMs: z.number().positive().optional(),
})
/** Input of `createZeroDteChain`. */
export type ZeroDteChainOptions = z.input<typeof zeroDteChainOptionsSchema>
/** Parsed {@link zeroDteChainOptionsSchema}. */
export type ParsedZeroDteChainOptions = z.output<typeof zeroDteChainOptionsSchema>
