/**
 * How the open cost of a position is measured when part of it is closed. Total P&L (realised + unrealised) is
 * the same under both; they differ in how much of it is realised at each close.
 */
export const CostBasisMethod = {
  /** One average open price per position; a close realises against that average. Brokers' usual display. */
  AverageCost: 'average_cost',
  /** Open lots are kept in order; a close realises against the oldest lots first. */
  Fifo: 'fifo',
} as const
/** One of {@link CostBasisMethod}. */
export type CostBasisMethod = (typeof CostBasisMethod)[keyof typeof CostBasisMethod]
