import { Decimal } from 'decimal.js'
import { drawdownSeries } from '../performance/drawdown.js'
import type { BacktestReport } from './backtestReport.js'
import { barChartSvg } from './internal/barChartSvg.js'
import { escapeHtml } from './internal/escapeHtml.js'
import { formatMoney, formatNumber, formatPercent, formatTime } from './internal/formatValue.js'
import { lineChartSvg } from './internal/lineChartSvg.js'
import { metricsTables } from './internal/metricsTables.js'
import { REPORT_STYLES } from './internal/reportStyles.js'

/** Options of {@link renderHtmlReport}. */
export interface RenderHtmlReportOptions {
  /** Trades listed in the table (the rest are counted in a note; charts and metrics use all). @default 1000 */
  readonly maxTradeRows?: number
}

const SIMULATED_NOTICE =
  'SIMULATED DATA: prices in this run come from a simulator, not from the market. Fills, P&L and every figure ' +
  'below describe the simulation only.'

function header(report: BacktestReport): string {
  const { run } = report
  const badge = run.simulated ? ' <span class="badge">SIMULATED</span>' : ''
  const meta = [
    `Run ${run.runId}`,
    `mode ${run.mode}`,
    `data ${run.dataSource}`,
    `${formatTime(run.startMs)} to ${formatTime(run.endMs)}`,
    `strategies: ${run.strategyIds.length === 0 ? 'none' : run.strategyIds.join(', ')}`,
    `starting cash ${formatMoney(Number(run.startingCash), run.currency)}`,
  ].join(' · ')
  return [
    `<h1>${escapeHtml(run.title)}${badge}</h1>`,
    `<p class="meta">${escapeHtml(meta)}</p>`,
    run.simulated ? `<div class="simulated" role="alert">${escapeHtml(SIMULATED_NOTICE)}</div>` : '',
    run.notes.length === 0 ? '' : `<ul class="note">${run.notes.map((n) => `<li>${escapeHtml(n)}</li>`).join('')}</ul>`,
  ].join('\n')
}

function charts(report: BacktestReport): string {
  const currency = report.run.currency
  const equity = report.equityCurve.map((p) => ({ x: p.timestampMs, y: Number(p.equity) }))
  const drawdown =
    drawdownSeries(report.equityCurve.map((p) => ({ timestampMs: p.timestampMs, equity: new Decimal(p.equity) }))) ?? []
  const hours = report.pnlByHour
  const firstHour = hours[0]?.hour ?? 0
  const lastHour = hours[hours.length - 1]?.hour ?? -1
  const hourBars = []
  for (let hour = firstHour; hour <= lastHour; hour++) {
    const entry = hours.find((h) => h.hour === hour)
    hourBars.push({
      label: `${String(hour).padStart(2, '0')}:00`,
      value: entry === undefined ? 0 : Number(entry.netPnl),
    })
  }
  return [
    '<div class="grid2">',
    lineChartSvg({
      id: 'equity-curve',
      title: 'Equity curve',
      points: equity,
      formatX: formatTime,
      formatY: (y) => formatNumber(y, 0),
    }),
    lineChartSvg({
      id: 'drawdown',
      title: 'Drawdown from peak',
      points: drawdown.map((p) => ({ x: p.timestampMs, y: -p.drawdownFraction })),
      formatX: formatTime,
      formatY: (y) => formatPercent(y, 1),
      area: true,
    }),
    barChartSvg({
      id: 'pnl-by-strategy',
      title: `Net P&L by strategy (${currency})`,
      bars: report.pnlByStrategy.map((s) => ({ label: s.strategyId, value: Number(s.netPnl) })),
      formatY: (y) => formatNumber(y, 0),
    }),
    barChartSvg({
      id: 'pnl-by-hour',
      title: `Net P&L by exit hour, New York time (${currency})`,
      bars: hourBars,
      formatY: (y) => formatNumber(y, 0),
    }),
    '</div>',
  ].join('\n')
}

function tradesTable(report: BacktestReport, maxRows: number): string {
  const currency = report.run.currency
  const shown = report.trades.slice(0, maxRows)
  const rows = shown.map((t) => {
    const net = Number(t.netPnl)
    const cells = [
      escapeHtml(t.strategyId),
      escapeHtml(t.instrumentIds.join(' / ')),
      t.direction ?? 'multi-leg',
      t.quantity === null ? '' : formatNumber(t.quantity, 0),
      formatTime(t.entryTimeMs),
      formatTime(t.exitTimeMs),
      t.entryPrice ?? '',
      t.exitPrice ?? '',
    ]
    const money = `<td class="num">${formatMoney(Number(t.commissions), currency)}</td><td class="num${net < 0 ? ' loss' : ''}">${formatMoney(net, currency)}</td>`
    const html = cells.map((c, i) => `<td${i === 4 || i === 5 ? ' class="time"' : ''}>${c}</td>`).join('')
    return `<tr>${html}${money}</tr>`
  })
  const head =
    '<tr><th>Strategy</th><th>Instruments</th><th>Side</th><th>Qty</th><th>Entry</th><th>Exit</th>' +
    '<th>Entry price</th><th>Exit price</th><th class="num">Commissions</th><th class="num">Net P&amp;L</th></tr>'
  const more = report.trades.length - shown.length
  const note = more > 0 ? `<p class="note">${more} more trades not listed (all are in the figures above).</p>` : ''
  return `<div class="scroll"><table id="trades"><thead>${head}</thead><tbody>\n${rows.join('\n')}\n</tbody></table></div>${note}`
}

function parametersTable(report: BacktestReport): string {
  const entries = Object.entries(report.run.parameters).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  if (entries.length === 0) return ''
  const rows = entries.map(
    ([k, v]) => `<tr><th scope="row">${escapeHtml(k)}</th><td>${escapeHtml(String(v))}</td></tr>`,
  )
  return `<h2>Parameters</h2>\n<table id="parameters"><tbody>\n${rows.join('\n')}\n</tbody></table>`
}

/**
 * Renders a run as one self-contained HTML page: inline CSS and inline SVG charts (equity curve, drawdown, net
 * P&L by strategy, net P&L by New York exit hour), the metrics tables, parameters and the trade list. Nothing is
 * fetched (no scripts, fonts, images or links to other hosts), and the output depends only on `report`: the
 * same report renders to the same bytes, with no rendering timestamp. A simulated run carries a SIMULATED badge
 * and banner.
 *
 * @param report - The run (from {@link createBacktestReport} or {@link parseBacktestReport}).
 * @param options - Row limit of the trade table.
 * @returns The HTML document.
 * @example
 * ```ts
 * writeFileSync('report.html', renderHtmlReport(createBacktestReport(input)))
 * ```
 */
export function renderHtmlReport(report: BacktestReport, options: RenderHtmlReportOptions = {}): string {
  const maxRows = Math.max(0, Math.floor(options.maxTradeRows ?? 1000))
  const title = `${report.run.simulated ? '[SIMULATED] ' : ''}${report.run.title}`
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>\n${REPORT_STYLES}\n</style>`,
    '</head>',
    '<body>',
    '<main>',
    header(report),
    '<h2>Metrics</h2>',
    metricsTables(report.metrics, report.run.currency),
    '<h2>Charts</h2>',
    charts(report),
    parametersTable(report),
    `<h2>Trades (${report.trades.length})</h2>`,
    tradesTable(report, maxRows),
    `<p class="note">Smart-0DTE SDK report, schema version ${report.schemaVersion}, run ${escapeHtml(report.run.runId)}.</p>`,
    '</main>',
    '</body>',
    '</html>',
    '',
  ]
    .filter((line) => line !== '')
    .join('\n')
    .concat('\n')
}
