import type { OptionContract, OptionRight } from '../../instruments/instrument.js'
import type { OrderLeg, Side } from '../../trading/types.js'
import { InvalidOrderError } from '../orderErrors.js'

/**
 * Checks that contracts belong to one series family (same underlying, root, expiry and multiplier), that each has
 * the right it should, and that strikes strictly increase in the order given. Collects every problem and throws
 * once.
 *
 * @param structure - Structure name for messages (`iron condor`).
 * @param contracts - Contracts in ascending strike order, with the right each must have (`undefined`: any).
 * @param options - `equalStrikes` lists index pairs that must share a strike instead of increasing.
 * @throws {InvalidOrderError} When any check fails.
 * @example
 * ```ts
 * checkSeries('vertical', [[low, 'call'], [high, 'call']])
 * ```
 */
export function checkSeries(
  structure: string,
  contracts: readonly (readonly [OptionContract, OptionRight | undefined])[],
  options: { readonly equalStrikes?: readonly (readonly [number, number])[] } = {},
): void {
  const issues: string[] = []
  const first = contracts[0]?.[0]
  if (!first) throw new InvalidOrderError([`${structure} needs contracts`])
  for (const [contract, right] of contracts) {
    if (contract.kind !== 'option') issues.push(`${structure} legs must be options`)
    if (contract.underlying !== first.underlying) issues.push(`${structure} legs must share the underlying`)
    if (contract.root !== first.root) issues.push(`${structure} legs must share the option root (settlement style)`)
    if (contract.expiry !== first.expiry) issues.push(`${structure} legs must share the expiry`)
    if (contract.multiplier !== first.multiplier) issues.push(`${structure} legs must share the multiplier`)
    if (right !== undefined && contract.right !== right) {
      issues.push(`${structure}: strike ${contract.strike} must be a ${right}`)
    }
  }
  const equal = options.equalStrikes ?? []
  for (let i = 1; i < contracts.length; i++) {
    const previous = contracts[i - 1]?.[0]
    const current = contracts[i]?.[0]
    if (!previous || !current) continue
    const mustBeEqual = equal.some(([a, b]) => a === i - 1 && b === i)
    if (mustBeEqual && current.strike !== previous.strike) {
      issues.push(`${structure}: strikes ${previous.strike} and ${current.strike} must be equal`)
    } else if (!mustBeEqual && !(current.strike > previous.strike)) {
      issues.push(`${structure}: strike ${current.strike} must be above ${previous.strike}`)
    }
  }
  if (issues.length > 0) throw new InvalidOrderError([...new Set(issues)])
}

/**
 * One leg of a structure.
 *
 * @param instrument - The contract.
 * @param side - Buy or sell.
 * @param ratio - Units per structure. @default 1
 * @returns The leg.
 * @example
 * ```ts
 * leg(call500, 'buy')
 * ```
 */
export function leg(instrument: OptionContract, side: Side, ratio = 1): OrderLeg {
  return { instrument, side, ratio }
}

/**
 * The opposite side.
 *
 * @param side - Buy or sell.
 * @returns Sell or buy.
 * @example
 * ```ts
 * oppositeSide('buy') // 'sell'
 * ```
 */
export function oppositeSide(side: Side): Side {
  return side === 'buy' ? 'sell' : 'buy'
}
