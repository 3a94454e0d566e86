import { parseConfig } from '../../config/parseConfig.js'
import type { Quote } from '../../marketData/types.js'
import { PriceMemo } from './internal/priceMemo.js'
import type { Finding, TickRules } from './internal/tickInspector.js'
import { createTickValidator } from './internal/tickValidator.js'
import type { Validator } from './validator.js'
import { type QuoteValidatorOptions, quoteValidatorOptionsSchema } from './validatorOptions.js'

function notAnObject(input: unknown): string {
  return `expected a quote object, got ${typeof input}`
}

function malformedQuote(input: unknown): string | undefined {
  if (typeof input !== 'object' || input === null) return notAnObject(input)
  const quote = input as { [K in keyof Quote]: unknown }
  // Field by field rather than a loop over names: this runs on every tick and keyed loads would be megamorphic.
  if (typeof quote.instrumentId !== 'string' || quote.instrumentId.length === 0) return 'instrumentId is missing'
  if (typeof quote.bid !== 'number') return 'bid is not a number'
  if (typeof quote.ask !== 'number') return 'ask is not a number'
  if (typeof quote.bidSize !== 'number') return 'bidSize is not a number'
  if (typeof quote.askSize !== 'number') return 'askSize is not a number'
  if (typeof quote.timestampMs !== 'number') return 'timestampMs is not a number'
  return undefined
}

function notFinite(bid: number, ask: number, bidSize: number, askSize: number): Finding {
  return { rule: 'not_finite', reason: `non-finite field in bid ${bid} ask ${ask} sizes ${bidSize}/${askSize}` }
}

function nonPositivePrice(bid: number, ask: number): Finding {
  return { rule: 'non_positive_price', reason: `bid ${bid} ask ${ask}` }
}

function nonPositiveSize(bidSize: number, askSize: number): Finding {
  return { rule: 'non_positive_size', reason: `bid size ${bidSize} ask size ${askSize}` }
}

function crossed(bid: number, ask: number): Finding {
  return { rule: 'crossed', reason: `bid ${bid} > ask ${ask}` }
}

function locked(ask: number): Finding {
  return { rule: 'locked', reason: `bid = ask = ${ask}` }
}

class QuoteRules implements TickRules<Quote> {
  /**
   * Locked findings by price. Index values are locked on every tick (tens of thousands a day) and repeat a few
   * hundred prices, and formatting a double costs several times this lookup.
   */
  private readonly lockedFindings = new PriceMemo(locked)

  readonly dropFlagged: boolean
  private readonly flagLocked: boolean

  constructor(
    private readonly allowZeroBid: boolean,
    private readonly requireSizes: boolean,
    lockedQuotes: 'flag' | 'drop' | 'accept',
  ) {
    this.dropFlagged = lockedQuotes === 'drop'
    this.flagLocked = lockedQuotes !== 'accept'
  }

  malformed(input: unknown): string | undefined {
    return malformedQuote(input)
  }

  values(quote: Quote): Finding | undefined {
    const { bid, ask, bidSize, askSize } = quote
    // The reasons are built out of line: string building inside kept this per-tick check out of its caller.
    if (!Number.isFinite(bid + ask + bidSize + askSize + quote.timestampMs)) {
      return notFinite(bid, ask, bidSize, askSize)
    }
    if (ask <= 0 || bid < 0 || (bid === 0 && !this.allowZeroBid)) return nonPositivePrice(bid, ask)
    if (bidSize < 0 || askSize < 0 || (this.requireSizes && (askSize === 0 || (bid > 0 && bidSize === 0)))) {
      return nonPositiveSize(bidSize, askSize)
    }
    if (bid > ask) return crossed(bid, ask)
    return undefined
  }

  flag(quote: Quote): Finding | undefined {
    return quote.bid === quote.ask && this.flagLocked ? this.lockedFindings.get(quote.ask) : undefined
  }

  /** One-sided option quotes (no bid) are judged on the ask. */
  spikePrice(quote: Quote): number {
    return quote.bid > 0 ? (quote.bid + quote.ask) / 2 : quote.ask
  }

  samePayload(a: Quote, b: Quote): boolean {
    return a.bid === b.bid && a.ask === b.ask && a.bidSize === b.bidSize && a.askSize === b.askSize
  }
}

/**
 * Creates a validator for quotes (option quotes included): drops malformed, non-finite, non-positive, crossed,
 * stale, future, out-of-order, duplicate and spiking quotes; flags locked quotes (or drops or accepts them:
 * `lockedQuotes`). Counts go to `quality$`.
 *
 * @param options - Clock and rule settings; see {@link QuoteValidatorOptions}.
 * @returns The validator: `operator`, `quality$`, `report()`.
 * @throws {ConfigError} When an option is invalid.
 * @example
 * ```ts
 * const validator = createQuoteValidator({ clock: wallClock(), maxAgeMs: 2000 })
 * const clean$ = feed.quotes$.pipe(validator.operator)
 * validator.quality$.subscribe((report) => console.warn(report.byRule))
 * ```
 */
export function createQuoteValidator(options: QuoteValidatorOptions): Validator<Quote> {
  const parsed = parseConfig(quoteValidatorOptionsSchema, options, 'quote validator options')
  return createTickValidator(parsed, new QuoteRules(parsed.allowZeroBid, parsed.requireSizes, parsed.lockedQuotes))
}
