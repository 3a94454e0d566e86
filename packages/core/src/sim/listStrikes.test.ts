import { describe, expect, it } from 'vitest'
import { listStrikes } from './listStrikes.js'

const GRID = { strikeIncrement: 1, wideStrikeIncrement: 5, denseStrikeRange: 0.1, listedStrikeRange: 0.25 }

describe('listStrikes', () => {
  it('lists $1 strikes near the money and $5 strikes beyond, ascending', () => {
    const strikes = listStrikes(590, GRID)
    expect(strikes).toContain(590)
    expect(strikes).toContain(531)
    expect(strikes).toContain(649)
    expect(strikes).not.toContain(528)
    expect(strikes).toContain(525)
    expect(strikes).toContain(655)
    expect(strikes[0]).toBe(445)
    expect(strikes.at(-1)).toBe(735)
    expect([...strikes].sort((a, b) => a - b)).toEqual(strikes)
    expect(new Set(strikes).size).toBe(strikes.length)
  })

  it('supports fractional increments', () => {
    const strikes = listStrikes(50, { ...GRID, strikeIncrement: 0.5, wideStrikeIncrement: 2.5 })
    expect(strikes).toContain(49.5)
    expect(strikes).toContain(40)
    expect(strikes).toContain(37.5)
  })
})
