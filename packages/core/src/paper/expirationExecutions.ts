import { Decimal } from 'decimal.js'
import { equity, isIndexUnderlying } from '../instruments/instrument.js'
import type { Execution } from './bookExecutions.js'
import type { LedgerPosition } from './positionLedger.js'

/**
 * Prefix of the `clientOrderId` of fills the paper broker books at expiration (expiry, exercise, assignment, cash
 * settlement), as in `expiration:SPXW:2025-11-21`. No order carries these ids.
 */
export const EXPIRATION_ORDER_PREFIX = 'expiration:'

/** OCC exercise-by-exception threshold: options in the money by at least $0.01 are exercised automatically. */
const EXERCISE_THRESHOLD = new Decimal('0.01')

/**
 * What happens to expiring option positions at the expiration instant, given the underlying's settlement price
 * (rounded to the cent):
 * - Cash-settled index options (SPX, XSP, VIX, NDX, RUT …): every position closes at its intrinsic value, paid to
 *   longs and by shorts; out of the money that is 0.
 * - Physically settled ETF options (SPY, QQQ, IWM …): every position closes at 0; a contract in the money by at
 *   least $0.01 (OCC exercise by exception) becomes shares at the strike — a long call or a short put (assigned)
 *   buys multiplier × contracts shares, a long put or a short call (assigned) sells them.
 * No commission is charged on expiry, exercise or assignment.
 *
 * @param positions - Option positions of one root and expiry.
 * @param settlement - Settlement price of the underlying.
 * @returns Executions to book, option closes first.
 * @example
 * ```ts
 * expirationExecutions([longSpy500Call], new Decimal('503.21'))
 * // close the call at 0, buy 100 SPY at 500
 * ```
 */
export function expirationExecutions(positions: readonly LedgerPosition[], settlement: Decimal): Execution[] {
  const spot = settlement.toDecimalPlaces(2, Decimal.ROUND_HALF_UP)
  const closes: Execution[] = []
  const shares: Execution[] = []
  const zero = new Decimal(0)
  for (const { position } of positions) {
    const contract = position.instrument
    if (contract.kind !== 'option') continue
    const strike = new Decimal(contract.strike)
    const intrinsic = Decimal.max(contract.right === 'call' ? spot.minus(strike) : strike.minus(spot), 0)
    const closeSide = position.side === 'long' ? 'sell' : 'buy'
    const cashSettled = isIndexUnderlying(contract.underlying)
    closes.push({
      instrument: contract,
      side: closeSide,
      quantity: position.quantity,
      price: cashSettled ? intrinsic : zero,
      multiplier: position.multiplier,
      commission: zero,
    })
    if (cashSettled || intrinsic.lt(EXERCISE_THRESHOLD)) continue
    const receivesShares = (contract.right === 'call') === (position.side === 'long')
    shares.push({
      instrument: equity(contract.underlying),
      side: receivesShares ? 'buy' : 'sell',
      quantity: position.quantity * position.multiplier,
      price: strike,
      multiplier: 1,
      commission: zero,
    })
  }
  return [...closes, ...shares]
}
