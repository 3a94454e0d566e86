import type { ChainSnapshot, MarketState, QualityReport } from '@smart-0dte/core'
import { formatInTimeZone } from 'date-fns-tz'

/** What the dashboard shows besides the market. */
export interface DashboardExtras {
  /** Clock time, epoch ms. */
  readonly nowMs: number
  /** Simulated speed shown in the header. */
  readonly speed: number | 'max'
  /** Seed of the simulated market. */
  readonly seed: number
  /** Data quality of tradable quotes and index values. */
  readonly quality: { readonly tradable: QualityReport; readonly indices: QualityReport } | undefined
  /** Extra sections (trading, risk), already formatted. */
  readonly sections: readonly string[]
}

const pad = (text: string, width: number) => text.padStart(width)
const num = (value: number | undefined | null, digits = 2) =>
  value === undefined || value === null || !Number.isFinite(value) ? '—' : value.toFixed(digits)

function chainTable(chain: ChainSnapshot, rowsEachSide: number): string[] {
  const centre = chain.rows.findIndex((row) => row.strike === chain.centerStrike)
  const from = Math.max(0, centre - rowsEachSide)
  const rows = chain.rows.slice(from, centre + rowsEachSide + 1)
  const lines = [
    `  ${chain.underlying} ${num(chain.underlyingPrice)}  expiry ${chain.expiry ?? '—'}  ${chain.status}  ` +
      `${chain.rows.length} strikes streamed of ${chain.listedStrikes.length} listed`,
    `    ${pad('call bid/ask', 13)} ${pad('iv', 6)} ${pad('Δ', 6)} │ ${pad('strike', 7)} │ ${pad('put bid/ask', 13)} ${pad('iv', 6)} ${pad('Δ', 6)}`,
  ]
  for (const row of rows) {
    const c = row.call?.quote
    const p = row.put?.quote
    const mark = row.strike === chain.centerStrike ? '▶' : ' '
    lines.push(
      `   ${mark}${pad(c ? `${num(c.bid)}/${num(c.ask)}` : '—', 13)} ${pad(num(c?.iv ? c.iv * 100 : undefined, 1), 6)} ` +
        `${pad(num(c?.greeks?.delta), 6)} │ ${pad(num(row.strike, 0), 7)} │ ${pad(p ? `${num(p.bid)}/${num(p.ask)}` : '—', 13)} ` +
        `${pad(num(p?.iv ? p.iv * 100 : undefined, 1), 6)} ${pad(num(p?.greeks?.delta), 6)}`,
    )
  }
  return lines
}

/**
 * Renders the console dashboard: a SIMULATED banner, the 0DTE chains around the money, the VIX regime, the
 * correlations, data quality and any extra sections.
 *
 * @param state - Latest market state.
 * @param extras - Clock, settings and extra sections.
 * @returns The dashboard text.
 */
export function renderDashboard(state: MarketState, extras: DashboardExtras): string {
  const time = formatInTimeZone(extras.nowMs, 'America/New_York', 'yyyy-MM-dd HH:mm:ss')
  const lines = [
    '═'.repeat(96),
    ` SIMULATED MARKET (seed ${extras.seed}, speed ${extras.speed === 'max' ? 'max' : `${extras.speed}×`}) — ${time} ET — PAPER TRADING`,
    '═'.repeat(96),
  ]
  for (const chain of state.chains.values()) lines.push(...chainTable(chain, 2))
  const r = state.regime
  lines.push(
    r
      ? ` VIX ${num(r.vix)}  band ${r.band}${r.pendingBand ? ` (→ ${r.pendingBand}?)` : ''}  size×${num(r.positionSizeFactor)}  ` +
          `pct ${num(r.percentile, 0)}  slope/h ${num(r.slopePerHour)}  VIX9D/VIX ${num(r.termStructure.vix9dVix?.ratio, 3)} ` +
          `VIX/VIX3M ${num(r.termStructure.vixVix3m?.ratio, 3)} ${r.termStructure.shape ?? ''}${r.termStructure.inverted ? '  INVERTED' : ''}`
      : ' VIX —',
  )
  const c = state.correlation
  if (c) {
    const pairs = c.windows.map(
      (w) =>
        `${w.windowObservations}: ${w.pairs.map((p) => `${p.a}/${p.b} ${num(p.correlation)}${p.inBreakdown ? '!' : ''}`).join(' ')}`,
    )
    lines.push(` correlation ${pairs.join('  │  ')}`)
  } else {
    lines.push(' correlation — (first sample after one interval)')
  }
  const q = extras.quality
  if (q) {
    const rules = Object.entries(q.tradable.byRule)
      .filter(([, n]) => n > 0)
      .map(([rule, n]) => `${rule} ${n}`)
      .join(', ')
    lines.push(
      ` data quality: quotes accepted ${q.tradable.accepted}, dropped ${q.tradable.dropped}, flagged ${q.tradable.flagged}` +
        `${rules ? ` (${rules})` : ''}; index values accepted ${q.indices.accepted}, dropped ${q.indices.dropped}`,
    )
  }
  lines.push(...extras.sections)
  return lines.join('\n')
}
