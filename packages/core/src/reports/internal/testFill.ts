// Builds fills for the reports tests with Decimal money from strings, so worked examples read like a blotter.
import { Decimal } from 'decimal.js'
import type { AttributedFill } from '../portfolio/strategyAttribution.js'

let sequence = 0

/** Fields of a test fill; price and commission as decimal strings. */
export interface TestFillInput {
  readonly instrumentId: string
  readonly side: 'buy' | 'sell'
  readonly quantity: number
  readonly price: string
  readonly timestampMs: number
  readonly commission?: string
  readonly strategyId?: string
  readonly clientOrderId?: string
  readonly fillId?: string
}

/** A fill for tests. */
export function testFill(input: TestFillInput): AttributedFill {
  sequence += 1
  return {
    fillId: input.fillId ?? `F${sequence}`,
    clientOrderId: input.clientOrderId ?? `O${sequence}`,
    instrumentId: input.instrumentId,
    side: input.side,
    quantity: input.quantity,
    price: new Decimal(input.price),
    commission: new Decimal(input.commission ?? '0'),
    timestampMs: input.timestampMs,
    mode: 'paper',
    ...(input.strategyId === undefined ? {} : { strategyId: input.strategyId }),
  }
}
