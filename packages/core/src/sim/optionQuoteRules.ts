/** How an option class is quoted: every price in pennies, or pennies below $3 and nickels from $3. */
export type OptionTickRule = 'penny_all' | 'penny_below_3'

/**
 * Minimum price increment of an option quote under the Penny Interval Program: $0.01 at every price for the
 * classes quoted in pennies throughout (SPY, QQQ, IWM among them), otherwise $0.01 below $3.00 and $0.05 from $3.00.
 *
 * @param price - Option price, dollars.
 * @param rule - The class's rule.
 * @returns Tick size in cents (1 or 5).
 * @example
 * ```ts
 * optionTickCents(4.2, 'penny_all') // 1
 * optionTickCents(4.2, 'penny_below_3') // 5
 * ```
 */
export function optionTickCents(price: number, rule: OptionTickRule): number {
  return rule === 'penny_all' || price < 3 ? 1 : 5
}

/**
 * Number of ticks between bid and ask of a simulated option quote: one tick for cheap options, widening with the
 * price (about 0.4 % of the premium), as 0DTE index-ETF markets look.
 *
 * @param price - Theoretical price, dollars.
 * @param tickCents - Tick size in cents.
 * @returns Spread in ticks, ≥ 1.
 * @example
 * ```ts
 * optionSpreadTicks(0.5, 1) // 1
 * optionSpreadTicks(10, 1) // 4
 * ```
 */
export function optionSpreadTicks(price: number, tickCents: number): number {
  return Math.max(1, Math.round((price * 0.4) / tickCents))
}

/**
 * Bid of a quote `spreadTicks` wide centred as closely as the tick grid allows on `theo`, in cents: the
 * theoretical price always lies within [bid, bid + spread], and the bid is never negative.
 *
 * @param theo - Theoretical price, dollars.
 * @param spreadTicks - Spread in ticks.
 * @param tickCents - Tick size in cents.
 * @returns Bid in cents (ask = bid + spreadTicks·tickCents).
 * @example
 * ```ts
 * centredBidCents(1.234, 1, 1) // 123: quote 1.23 / 1.24
 * ```
 */
export function centredBidCents(theo: number, spreadTicks: number, tickCents: number): number {
  const bidTicks = Math.round((theo * 100) / tickCents - spreadTicks / 2)
  return Math.max(0, bidTicks) * tickCents
}
