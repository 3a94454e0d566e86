import { Decimal } from 'decimal.js'
import { z } from 'zod'
import { instrumentSchema } from '../instruments/instrumentSchema.js'
import { storedDecimalSchema } from '../trading/storedDecimalSchema.js'
import type { JournalRecord } from './journalRecord.js'

const decimal = storedDecimalSchema
const instrument = instrumentSchema

const mode = z.enum(['paper', 'live'])
const side = z.enum(['buy', 'sell'])

const intentFields = {
  clientOrderId: z.string(),
  legs: z.array(z.object({ instrument, side, ratio: z.number() })),
  quantity: z.number(),
  type: z.enum(['MKT', 'LMT', 'STP', 'STP_LMT']),
  limitPrice: decimal.optional(),
  stopPrice: decimal.optional(),
  timeInForce: z.enum(['DAY', 'IOC']),
  strategyId: z.string().optional(),
  mode,
}

const intentSchema = z.object(intentFields)

const orderSchema = z.object({
  ...intentFields,
  status: z.enum(['pending', 'submitted', 'partially_filled', 'filled', 'cancelled', 'rejected', 'expired']),
  filledQuantity: z.number(),
  averageFillPrice: decimal.nullable(),
  brokerOrderId: z.string().optional(),
  reason: z.string().optional(),
  createdAtMs: z.number(),
  updatedAtMs: z.number(),
})

const fillSchema = z.object({
  fillId: z.string(),
  clientOrderId: z.string(),
  instrumentId: z.string(),
  side,
  quantity: z.number(),
  price: decimal,
  commission: decimal,
  timestampMs: z.number(),
  mode,
})

const positionSchema = z.object({
  instrumentId: z.string(),
  instrument,
  side: z.enum(['long', 'short']),
  quantity: z.number(),
  averagePrice: decimal,
  multiplier: z.number(),
})

const riskStateSchema = z.object({
  status: z.enum(['active', 'reducing', 'halted']),
  cause: z.enum(['start', 'operator', 'daily_loss_limit', 'kill_switch', 'restored']),
  note: z.string(),
  sinceMs: z.number(),
  dailyLossDate: z.string().optional(),
})

const recordSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('baseline'),
    baseline: z.object({
      accountId: z.string(),
      cash: decimal,
      positions: z.array(positionSchema),
      fillIds: z.array(z.string()),
    }),
  }),
  z.object({
    kind: z.literal('intent'),
    intent: intentSchema,
    purpose: z.enum(['entry', 'exit']),
    closesOrderId: z.string().optional(),
  }),
  z.object({ kind: z.literal('order'), order: orderSchema }),
  z.object({ kind: z.literal('fill'), fill: fillSchema }),
  z.object({ kind: z.literal('risk_state'), state: riskStateSchema }),
])

/** JSON replacer: decimals as exact strings. */
function replacer(_key: string, value: unknown): unknown {
  return Decimal.isDecimal(value) ? value.toString() : value
}

/**
 * Serialises a record to JSON, decimals as exact strings (never floats).
 *
 * @param record - The record.
 * @returns JSON text.
 * @example
 * ```ts
 * encodeJournalRecord({ kind: 'fill', fill }) // '{"kind":"fill","fill":{"price":"1.25",...}}'
 * ```
 */
export function encodeJournalRecord(record: JournalRecord): string {
  return JSON.stringify(record, (key, value) => replacer(key, value))
}

/**
 * Parses and validates a stored record. The journal file is a boundary: a record that does not match the
 * schema throws instead of becoming state.
 *
 * @param text - JSON text written by {@link encodeJournalRecord}.
 * @returns The record with decimals restored.
 * @throws {z.ZodError} When the text is not a valid record.
 * @example
 * ```ts
 * const record = decodeJournalRecord(row.payload)
 * ```
 */
export function decodeJournalRecord(text: string): JournalRecord {
  return recordSchema.parse(JSON.parse(text))
}
