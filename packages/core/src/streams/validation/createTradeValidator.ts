import { parseConfig } from '../../config/parseConfig.js'
import type { Trade } from '../../marketData/types.js'
import type { Finding, TickRules } from './internal/tickInspector.js'
import { createTickValidator } from './internal/tickValidator.js'
import type { Validator } from './validator.js'
import { type TradeValidatorOptions, tradeValidatorOptionsSchema } from './validatorOptions.js'

function notAnObject(input: unknown): string {
  return `expected a trade object, got ${typeof input}`
}

function notFinite(price: number, size: number): Finding {
  return { rule: 'not_finite', reason: `price ${price} size ${size}` }
}

function nonPositivePrice(price: number): Finding {
  return { rule: 'non_positive_price', reason: `price ${price}` }
}

function nonPositiveSize(size: number): Finding {
  return { rule: 'non_positive_size', reason: `size ${size}` }
}

function malformedTrade(input: unknown): string | undefined {
  if (typeof input !== 'object' || input === null) return notAnObject(input)
  const trade = input as { [K in keyof Trade]: unknown }
  if (typeof trade.instrumentId !== 'string' || trade.instrumentId.length === 0) return 'instrumentId is missing'
  if (typeof trade.price !== 'number') return 'price is not a number'
  if (typeof trade.size !== 'number') return 'size is not a number'
  if (typeof trade.timestampMs !== 'number') return 'timestampMs is not a number'
  return undefined
}

class TradeRules implements TickRules<Trade> {
  readonly dropFlagged = false

  constructor(private readonly requireSizes: boolean) {}

  malformed(input: unknown): string | undefined {
    return malformedTrade(input)
  }

  values(trade: Trade): Finding | undefined {
    const { price, size } = trade
    // The reasons are built out of line: string building inside kept this per-tick check out of its caller.
    if (!Number.isFinite(price + size + trade.timestampMs)) return notFinite(price, size)
    if (price <= 0) return nonPositivePrice(price)
    if (size < 0 || (this.requireSizes && size === 0)) return nonPositiveSize(size)
    return undefined
  }

  flag(): Finding | undefined {
    return undefined
  }

  spikePrice(trade: Trade): number {
    return trade.price
  }

  /** Two prints at one millisecond with the same price and size are ambiguous; they count as a replay. */
  samePayload(a: Trade, b: Trade): boolean {
    return a.price === b.price && a.size === b.size && a.exchange === b.exchange
  }
}

/**
 * Creates a validator for trades: drops malformed, non-finite, non-positive, stale, future, out-of-order,
 * duplicate and spiking prints. Counts go to `quality$`.
 *
 * @param options - Clock and rule settings; see {@link TradeValidatorOptions}.
 * @returns The validator: `operator`, `quality$`, `report()`.
 * @throws {ConfigError} When an option is invalid.
 * @example
 * ```ts
 * const validator = createTradeValidator({ clock: wallClock(), duplicateTimestamps: 'keep' })
 * const clean$ = feed.trades$.pipe(validator.operator)
 * ```
 */
export function createTradeValidator(options: TradeValidatorOptions): Validator<Trade> {
  const parsed = parseConfig(tradeValidatorOptionsSchema, options, 'trade validator options')
  return createTickValidator(parsed, new TradeRules(parsed.requireSizes))
}
