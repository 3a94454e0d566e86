import { CHART, chartFigure, coordinate, emptyChart, yGrid } from './chartFrame.js'
import { escapeHtml } from './escapeHtml.js'
import { niceTicks } from './niceTicks.js'

/** What a line chart draws. */
export interface LineChartSpec {
  readonly id: string
  readonly title: string
  /** Points in x order; x is epoch ms. */
  readonly points: readonly { readonly x: number; readonly y: number }[]
  readonly formatX: (x: number) => string
  readonly formatY: (y: number) => string
  /** Fill between the line and y = 0 (drawdown). */
  readonly area?: boolean
}

/** An inline-SVG line chart (time on x) inside a figure. */
export function lineChartSvg(spec: LineChartSpec): string {
  const { points } = spec
  const first = points[0]
  const last = points[points.length - 1]
  if (first === undefined || last === undefined) return chartFigure(spec.id, spec.title, emptyChart())
  const ys = points.map((p) => p.y)
  const { ticks, low, high } = niceTicks(Math.min(...ys, spec.area ? 0 : Number.POSITIVE_INFINITY), Math.max(...ys))
  const plotWidth = CHART.width - CHART.left - CHART.right
  const plotHeight = CHART.height - CHART.top - CHART.bottom
  const span = last.x - first.x
  const sx = (x: number) => CHART.left + (span > 0 ? ((x - first.x) / span) * plotWidth : plotWidth / 2)
  const sy = (y: number) => CHART.top + ((high - y) / (high - low)) * plotHeight
  const path = points.map((p, i) => `${i === 0 ? 'M' : 'L'}${coordinate(sx(p.x))} ${coordinate(sy(p.y))}`).join(' ')
  const base = coordinate(sy(0))
  const area = spec.area
    ? `<path class="area" d="M${coordinate(sx(first.x))} ${base} ${path.replace(/^M/, 'L')} L${coordinate(sx(last.x))} ${base} Z"/>`
    : ''
  const middle = first.x + span / 2
  const xLabels = [
    { x: first.x, anchor: 'start' },
    ...(span > 0 ? [{ x: middle, anchor: 'middle' }] : []),
    ...(span > 0 ? [{ x: last.x, anchor: 'end' }] : []),
  ]
    .map(
      ({ x, anchor }) =>
        `<text class="tick" x="${coordinate(sx(x))}" y="${CHART.height - 12}" text-anchor="${anchor}">${escapeHtml(spec.formatX(x))}</text>`,
    )
    .join('\n')
  const grid = yGrid(ticks.map((tick) => ({ y: sy(tick), label: spec.formatY(tick) })))
  return chartFigure(spec.id, spec.title, [grid, area, `<path class="line" d="${path}"/>`, xLabels].join('\n'))
}
