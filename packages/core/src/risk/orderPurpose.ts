/**
 * Why an order is sent. Entries open or add risk and pass every pre-trade check; exits only reduce existing
 * positions and are allowed when the risk state is reducing or halted and after the 0DTE entry cutoff. The
 * risk engine verifies that an exit really only reduces (it never trusts the label).
 */
export const OrderPurpose = {
  /** Opens or adds to positions. */
  Entry: 'entry',
  /** Only reduces existing positions (take-profit, stop-loss, time exit, kill switch flatten). */
  Exit: 'exit',
} as const
/** One of {@link OrderPurpose}. */
export type OrderPurpose = (typeof OrderPurpose)[keyof typeof OrderPurpose]
