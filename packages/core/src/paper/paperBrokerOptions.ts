import { Decimal } from 'decimal.js'
import { isObservable, type Observable } from 'rxjs'
import { z } from 'zod'
import type { Clock } from '../clock/clock.js'
import { parseConfig } from '../config/parseConfig.js'
import type { Quote } from '../marketData/types.js'
import { DEFAULT_TICK_TABLE, type TickTable } from '../orders/tickTable.js'
import { type CommissionModel, ibkrCommissionModel } from './commissionModel.js'
import type { PaperBrokerStore } from './paperBrokerStore.js'
import type { SlippageModel } from './slippageModel.js'

const clock = z.custom<Clock>(
  (value) => typeof (value as Clock | undefined)?.now === 'function' && (value as Clock).scheduler !== undefined,
  'must be a Clock (now() and scheduler)',
)
const slippage = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('none') }),
  z.object({ kind: z.literal('ticks'), ticks: z.number().int().nonnegative() }),
  z.object({ kind: z.literal('spread_fraction'), fraction: z.number().nonnegative().max(10) }),
])

/** Options of `createPaperBroker`; see each field. */
export const paperBrokerOptionsSchema = z.object({
  /** Clock: `now()` stamps everything, every delay runs on its scheduler. */
  clock,
  /** Quotes of the same feed the strategies see (options, their underlyings and index values). */
  quotes$: z.custom<Observable<Quote>>((value) => isObservable(value), 'must be an Observable of quotes'),
  /** Account id; with a store, the account to load or create. @default 'PAPER' */
  accountId: z.string().min(1).default('PAPER'),
  /** Cash of a new account (ignored when the store already has the account). @default 100000 */
  startingCash: z
    .union([z.number(), z.string(), z.instanceof(Decimal)])
    .transform((value) => new Decimal(value))
    .refine((value) => value.isFinite() && value.gte(0), 'must be a non-negative amount')
    .prefault(100_000),
  /** Commissions and fees. @default ibkrCommissionModel() */
  commission: z
    .custom<CommissionModel>((value) => typeof (value as CommissionModel | undefined)?.charge === 'function')
    .optional(),
  /** Slippage of marketable fills. @default { kind: 'none' } */
  slippage: slippage.default({ kind: 'none' }),
  /** Delay before the broker acts on a placement, cancel or modification, ms on the clock. @default 0 */
  latencyMs: z.number().nonnegative().finite().default(0),
  /** Tick table for price checks and slippage. @default DEFAULT_TICK_TABLE */
  tickTable: z.custom<TickTable>((value) => (value as TickTable | undefined)?.options instanceof Map).optional(),
  /** Allow selling options beyond the longs of their series. @default false */
  allowNakedShorts: z.boolean().default(false),
  /** Rise above the highest strike at which net short calls are valued for margin. @default 0.2 */
  nakedCallStressFraction: z.number().nonnegative().finite().default(0.2),
  /** Short stock requirement as a multiple of its value. @default 1.5 */
  shortStockRequirement: z.number().min(1).finite().default(1.5),
  /** Minimum interval between account updates caused only by quotes, ms. @default 1000 */
  accountMarkIntervalMs: z.number().nonnegative().finite().default(1000),
  /**
   * Settlement price of an underlying for an expiry (for example the official SET or closing value). When it
   * returns `undefined`, the last quote of the underlying (`^SPX`, `SPY`) is used.
   */
  settlementPrice: z
    .custom<(underlying: string, expiry: string) => number | undefined>((value) => typeof value === 'function')
    .optional(),
  /** Durable storage of the account; without it the account lives in memory only. */
  store: z
    .custom<PaperBrokerStore>(
      (value) => typeof (value as PaperBrokerStore | undefined)?.commit === 'function',
      'must implement PaperBrokerStore (load, commit)',
    )
    .optional(),
})

/** Input of `createPaperBroker`. */
export type PaperBrokerOptions = z.input<typeof paperBrokerOptionsSchema>

/** Options with every default applied. */
export interface ResolvedPaperBrokerOptions
  extends Omit<z.output<typeof paperBrokerOptionsSchema>, 'commission' | 'tickTable' | 'slippage'> {
  readonly commission: CommissionModel
  readonly tickTable: TickTable
  readonly slippage: SlippageModel
}

/**
 * Validates paper broker options and applies the defaults.
 *
 * @param input - Raw options.
 * @returns Resolved options.
 * @throws {ConfigError} When an option is invalid.
 * @example
 * ```ts
 * const options = resolvePaperBrokerOptions({ clock, quotes$ })
 * ```
 */
export function resolvePaperBrokerOptions(input: PaperBrokerOptions): ResolvedPaperBrokerOptions {
  const parsed = parseConfig(paperBrokerOptionsSchema, input, 'paper broker options')
  return {
    ...parsed,
    commission: parsed.commission ?? ibkrCommissionModel(),
    tickTable: parsed.tickTable ?? DEFAULT_TICK_TABLE,
  }
}
