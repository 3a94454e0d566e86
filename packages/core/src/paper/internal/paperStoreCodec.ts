import { z } from 'zod'
import { instrumentSchema } from '../../instruments/instrumentSchema.js'
import { storedDecimalSchema } from '../../trading/storedDecimalSchema.js'
import type { Fill, Order } from '../../trading/types.js'
import type { PaperAccountRecord, PaperOrderRecord } from '../paperBrokerStore.js'
import type { LedgerPosition } from '../positionLedger.js'

const decimal = storedDecimalSchema
const instrument = instrumentSchema

const side = z.enum(['buy', 'sell'])
const mode = z.enum(['paper', 'live'])

const order = z.object({
  clientOrderId: z.string(),
  legs: z.array(z.object({ instrument, side, ratio: z.number().int().positive() })),
  quantity: z.number().int().positive(),
  type: z.enum(['MKT', 'LMT', 'STP', 'STP_LMT']),
  limitPrice: decimal.optional(),
  stopPrice: decimal.optional(),
  timeInForce: z.enum(['DAY', 'IOC']),
  strategyId: z.string().optional(),
  mode,
  status: z.enum(['pending', 'submitted', 'partially_filled', 'filled', 'cancelled', 'rejected', 'expired']),
  filledQuantity: z.number().int().nonnegative(),
  averageFillPrice: decimal.nullable(),
  brokerOrderId: z.string().optional(),
  reason: z.string().optional(),
  createdAtMs: z.number(),
  updatedAtMs: z.number(),
})

const orderRecord = z.object({
  order,
  triggered: z.boolean(),
  ackDueMs: z.number(),
  executedContracts: z.number().int().nonnegative(),
  executedShares: z.number().int().nonnegative(),
  brokerCommission: decimal,
})

const fill = z.object({
  fillId: z.string(),
  clientOrderId: z.string(),
  instrumentId: z.string(),
  side,
  quantity: z.number().int().positive(),
  price: decimal,
  commission: decimal,
  timestampMs: z.number(),
  mode,
})

const position = z.object({
  position: z.object({
    instrumentId: z.string(),
    instrument,
    side: z.enum(['long', 'short']),
    quantity: z.number().int().positive(),
    averagePrice: decimal,
    multiplier: z.number().int().positive(),
  }),
  openCost: decimal,
})

const account = z.object({
  accountId: z.string(),
  startingCash: decimal,
  cash: decimal,
  realizedPnl: decimal,
  realizedPnlDate: z.string(),
  sequence: z.number().int().nonnegative(),
  createdAtMs: z.number(),
})

function decoder<T>(schema: z.ZodType<T>, what: string): (json: string) => T {
  return (json) => {
    const result = schema.safeParse(JSON.parse(json))
    if (!result.success) throw new Error(`stored ${what} is corrupt: ${result.error.issues[0]?.message ?? ''}`)
    return result.data
  }
}

/**
 * JSON encoding of the paper broker's records for storage: decimals as exact strings, every record validated and
 * instruments rebuilt through their checked constructors when read back.
 *
 * @example
 * ```ts
 * const json = paperStoreCodec.encode(record)
 * const back = paperStoreCodec.decodeOrder(json)
 * ```
 */
export const paperStoreCodec = {
  /** Encodes any record (decimals become strings through `Decimal#toJSON`). */
  encode: (value: PaperOrderRecord | Fill | LedgerPosition | PaperAccountRecord): string => JSON.stringify(value),
  /** Decodes an order record. */
  decodeOrder: decoder(orderRecord, 'order') as (json: string) => PaperOrderRecord & { order: Order },
  /** Decodes a fill. */
  decodeFill: decoder(fill, 'fill') as (json: string) => Fill,
  /** Decodes a position. */
  decodePosition: decoder(position, 'position') as (json: string) => LedgerPosition,
  /** Decodes an account record. */
  decodeAccount: decoder(account, 'account') as (json: string) => PaperAccountRecord,
}
