import type { SystemSnapshot } from '@smart-0dte/core'

const money = (value: { toFixed(digits: number): string } | undefined) => (value ? value.toFixed(2) : '—')

/**
 * Formats the trading half of the dashboard: account, P&L, risk state, positions, orders and the latest signals.
 *
 * @param snapshot - The system now.
 * @returns Lines to print.
 */
export function tradingSection(snapshot: SystemSnapshot): string[] {
  const { account, pnl, risk } = snapshot
  const lines = [
    '─'.repeat(96),
    ` PAPER account ${account?.accountId ?? '—'}  equity ${money(account?.equity)}  cash ${money(pnl.cash)}  ` +
      `buying power ${money(account?.buyingPower)}`,
    ` P&L today ${money(pnl.dailyPnl)}  realised ${money(pnl.realized)}  unrealised ${money(pnl.unrealized)}  ` +
      `commissions ${money(pnl.commissions)}  risk ${risk.status.toUpperCase()}`,
    ` orders ${snapshot.totalOrders} (${snapshot.workingOrders} working)  positions ${snapshot.positions.length}`,
  ]
  for (const position of snapshot.positions.slice(0, 8)) {
    lines.push(
      `   ${position.side === 'long' ? '+' : '-'}${position.quantity} ${position.instrumentId} @ ${position.averagePrice.toFixed(2)}`,
    )
  }
  for (const decision of snapshot.recentDecisions.slice(-4)) {
    lines.push(
      `   signal ${decision.signal.strategyId} ${decision.signal.underlying} ${decision.signal.structure.kind} → ` +
        `${decision.outcome}${decision.quantity ? ` ×${decision.quantity}` : ''}${decision.reason ? ` (${decision.reason})` : ''}`,
    )
  }
  return lines
}
