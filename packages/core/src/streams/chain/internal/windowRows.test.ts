import { describe, expect, test } from 'vitest'
import { optionContract } from '../../../instruments/instrument.js'
import { instrumentId } from '../../../instruments/instrumentId.js'
import { ContractState } from './contractState.js'
import { StrikeLadder } from './strikeLadder.js'
import { WindowRowsMemo, windowRows } from './windowRows.js'

const contract = (strike: number, right: 'call' | 'put') =>
  optionContract({ root: 'SPY', expiry: '2025-11-21', strike, right })
const listed = [500, 501, 502, 503].flatMap((strike) => [contract(strike, 'call'), contract(strike, 'put')])
const stateOf = (strike: number, right: 'call' | 'put') => {
  const c = contract(strike, right)
  return new ContractState(c, instrumentId(c))
}
const windowOf = (states: readonly ContractState[]) => new Map(states.map((state) => [state.instrumentId, state]))

describe('windowRows', () => {
  test('lists the strikes with a call or put in the window, ascending, with their states', () => {
    const ladder = new StrikeLadder([...listed].reverse())
    const call501 = stateOf(501, 'call')
    const put501 = stateOf(501, 'put')
    const put503 = stateOf(503, 'put')
    const rows = windowRows(ladder, windowOf([put503, put501, call501]))
    expect(rows).toEqual([
      { strike: 501, call: call501, put: put501 },
      { strike: 503, call: undefined, put: put503 },
    ])
    expect(rows[0]?.call).toBe(call501)
    expect(windowRows(ladder, new Map())).toEqual([])
  })
})

describe('WindowRowsMemo', () => {
  test('works the rows out again only when the ladder or the window is another one', () => {
    const ladder = new StrikeLadder(listed)
    const memo = new WindowRowsMemo()
    const window = windowOf([stateOf(500, 'call')])
    const first = memo.rowsOf(ladder, window)
    expect(first.map((row) => row.strike)).toEqual([500])
    expect(memo.rowsOf(ladder, window)).toBe(first)
    const moved = windowOf([stateOf(502, 'put'), stateOf(503, 'call')])
    expect(memo.rowsOf(ladder, moved).map((row) => row.strike)).toEqual([502, 503])
    expect(memo.rowsOf(new StrikeLadder(listed.slice(0, 4)), moved)).toEqual([])
    expect(memo.rowsOf(undefined, moved)).toEqual([])
  })
})

describe('StrikeLadder.listedStrikes', () => {
  test('answers every listed strike ascending, in a new array each time', () => {
    const ladder = new StrikeLadder([...listed].reverse())
    const strikes = ladder.listedStrikes()
    expect(strikes).toEqual([500, 501, 502, 503])
    strikes.push(999)
    expect(ladder.listedStrikes()).toEqual([500, 501, 502, 503])
  })
})
