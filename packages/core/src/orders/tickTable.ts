import { Decimal } from 'decimal.js'
import { z } from 'zod'
import { parseConfig } from '../config/parseConfig.js'
import type { Instrument } from '../instruments/instrument.js'
import { InvalidOrderError } from './orderErrors.js'

/**
 * Minimum price increments of one product: `tickBelow` for premiums under `thresholdPrice`, `tickAtOrAbove` from
 * it up, and `complexTick` for the net price of a multi-leg (complex) order.
 */
export interface TickRule {
  /** Premium at which the larger tick starts (3.00 for options). */
  readonly thresholdPrice: Decimal
  /** Increment below the threshold. */
  readonly tickBelow: Decimal
  /** Increment at or above the threshold. */
  readonly tickAtOrAbove: Decimal
  /** Increment of a combo's net price. */
  readonly complexTick: Decimal
}

/** Tick rules for every tradable instrument: options by underlying, a default for other options, and shares. */
export interface TickTable {
  /** Option rules by underlying symbol (`SPX` covers the `SPXW` root). */
  readonly options: ReadonlyMap<string, TickRule>
  /** Rule for options whose underlying is not listed. */
  readonly defaultOption: TickRule
  /** Rule for stocks and ETFs. */
  readonly equity: TickRule
}

const price = z
  .union([z.number(), z.string()])
  .transform((value, ctx) => {
    try {
      return new Decimal(value)
    } catch {
      ctx.addIssue({ code: 'custom', message: 'must be a decimal number' })
      return z.NEVER
    }
  })
  .refine((value) => value.isFinite() && value.gt(0), 'must be a positive decimal')

const tickRuleSchema = z.object({
  thresholdPrice: price,
  tickBelow: price,
  tickAtOrAbove: price,
  complexTick: price,
})

/**
 * Config of {@link createTickTable}: rules given here replace the defaults of the same underlying; prices as
 * numbers or decimal strings.
 */
export const tickTableConfigSchema = z.object({
  options: z.record(z.string(), tickRuleSchema).optional(),
  defaultOption: tickRuleSchema.optional(),
  equity: tickRuleSchema.optional(),
})

/** Input of {@link createTickTable}. */
export type TickTableConfig = z.input<typeof tickTableConfigSchema>

function rule(thresholdPrice: string, tickBelow: string, tickAtOrAbove: string, complexTick: string): TickRule {
  return Object.freeze({
    thresholdPrice: new Decimal(thresholdPrice),
    tickBelow: new Decimal(tickBelow),
    tickAtOrAbove: new Decimal(tickAtOrAbove),
    complexTick: new Decimal(complexTick),
  })
}

/**
 * Default option increments (checked against Cboe product specifications):
 * - SPY, QQQ, IWM: $0.01 at every price (Penny Interval Program, all-penny classes); combos $0.01.
 * - SPX/SPXW: $0.05 under $3.00, $0.10 from $3.00; combo net $0.05 (legs may trade in $0.01).
 * - XSP: $0.01 at every price; combos $0.01.
 * - VIX: $0.01 under $3.00, $0.05 from $3.00 (Cboe change of November 2022); combos $0.01.
 * - Any other option: $0.05 / $0.10 and combo $0.05, the coarsest standard grid, valid on every finer one.
 * - Shares: $0.01 from $1.00, $0.0001 below (Reg NMS Rule 612).
 */
const DEFAULT_OPTION_RULES: ReadonlyMap<string, TickRule> = new Map([
  ['SPY', rule('3', '0.01', '0.01', '0.01')],
  ['QQQ', rule('3', '0.01', '0.01', '0.01')],
  ['IWM', rule('3', '0.01', '0.01', '0.01')],
  ['SPX', rule('3', '0.05', '0.1', '0.05')],
  ['XSP', rule('3', '0.01', '0.01', '0.01')],
  ['VIX', rule('3', '0.01', '0.05', '0.01')],
])

function toRule(input: z.output<typeof tickRuleSchema>): TickRule {
  return Object.freeze({ ...input })
}

/**
 * Builds a tick table: the defaults (see {@link DEFAULT_TICK_TABLE}) with any rule in `config` replacing the
 * default of its underlying. Exchanges change increments from time to time; override here rather than patching.
 *
 * @param config - Rules to add or replace.
 * @returns The table.
 * @throws {ConfigError} When a rule has a missing or non-positive increment.
 * @example
 * ```ts
 * const table = createTickTable({
 *   options: { NDX: { thresholdPrice: 3, tickBelow: 0.05, tickAtOrAbove: 0.1, complexTick: 0.05 } },
 * })
 * ```
 */
export function createTickTable(config: TickTableConfig = {}): TickTable {
  const parsed = parseConfig(tickTableConfigSchema, config, 'tick table')
  const options = new Map(DEFAULT_OPTION_RULES)
  for (const [symbol, input] of Object.entries(parsed.options ?? {})) options.set(symbol.toUpperCase(), toRule(input))
  return Object.freeze({
    options,
    defaultOption: parsed.defaultOption ? toRule(parsed.defaultOption) : rule('3', '0.05', '0.1', '0.05'),
    equity: parsed.equity ? toRule(parsed.equity) : rule('1', '0.0001', '0.01', '0.01'),
  })
}

/**
 * The default tick table (Cboe increments for SPY, QQQ, IWM, SPX, XSP and VIX options; see
 * {@link createTickTable}).
 *
 * @example
 * ```ts
 * tickRuleFor(DEFAULT_TICK_TABLE, spxCall).complexTick.toString() // '0.05'
 * ```
 */
export const DEFAULT_TICK_TABLE: TickTable = createTickTable()

/**
 * The tick rule of an instrument.
 *
 * @param table - Tick table.
 * @param instrument - An option or a stock/ETF.
 * @returns Its rule.
 * @throws {InvalidOrderError} For an index, which cannot be traded.
 * @example
 * ```ts
 * tickRuleFor(DEFAULT_TICK_TABLE, equity('SPY')).tickAtOrAbove.toString() // '0.01'
 * ```
 */
export function tickRuleFor(table: TickTable, instrument: Instrument): TickRule {
  switch (instrument.kind) {
    case 'option':
      return table.options.get(instrument.underlying) ?? table.options.get(instrument.root) ?? table.defaultOption
    case 'equity':
      return table.equity
    case 'index':
      throw new InvalidOrderError([`index ${instrument.symbol} is not tradable; trade its options`])
  }
}

/**
 * The single-leg increment that applies at a price.
 *
 * @param rule - The instrument's rule.
 * @param price - A price (its absolute value is compared with the threshold).
 * @returns The increment.
 * @example
 * ```ts
 * tickAt(tickRuleFor(DEFAULT_TICK_TABLE, spxCall), new Decimal('3')).toString() // '0.1'
 * ```
 */
export function tickAt(rule: TickRule, price: Decimal): Decimal {
  return price.abs().gte(rule.thresholdPrice) ? rule.tickAtOrAbove : rule.tickBelow
}
