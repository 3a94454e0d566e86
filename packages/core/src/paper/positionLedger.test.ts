import { describe, expect, test } from 'vitest'
import { d, spy } from './internal/paperTestKit.js'
import { applyPositionFill, type LedgerPosition } from './positionLedger.js'

const call = spy(500)
const fill = (side: 'buy' | 'sell', quantity: number, price: string) => ({
  instrument: call,
  side,
  quantity,
  price: d(price),
  multiplier: 100,
})

function run(...fills: ReturnType<typeof fill>[]) {
  let position: LedgerPosition | undefined
  let realized = d(0)
  for (const f of fills) {
    const result = applyPositionFill(position, f)
    position = result.next
    realized = realized.plus(result.realizedPnl)
  }
  return { position, realized }
}

describe('applyPositionFill', () => {
  test('adds at a weighted average and realises on the units closed', () => {
    const { position, realized } = run(fill('buy', 1, '1'), fill('buy', 2, '1.3'), fill('sell', 1, '2'))
    expect(position?.position).toMatchObject({ side: 'long', quantity: 2 })
    expect(position?.position.averagePrice.toString()).toBe('1.2')
    expect(realized.toString()).toBe('80')
  })

  test('closing everything realises exactly what was paid and received, even with a repeating average', () => {
    const { position, realized } = run(
      fill('buy', 1, '1'),
      fill('buy', 1, '1'),
      fill('buy', 1, '1.01'),
      fill('sell', 1, '1.5'),
      fill('sell', 2, '0.5'),
    )
    expect(position).toBeUndefined()
    expect(realized.toString()).toBe('-51')
  })

  test('a short is closed by buying, and an oversized fill flips the side', () => {
    const { position, realized } = run(fill('sell', 2, '3'), fill('buy', 3, '1'))
    expect(position?.position).toMatchObject({ side: 'long', quantity: 1 })
    expect(position?.position.averagePrice.toString()).toBe('1')
    expect(realized.toString()).toBe('400')
  })
})
