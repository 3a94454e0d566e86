import { CHART, chartFigure, coordinate, emptyChart, yGrid } from './chartFrame.js'
import { escapeHtml } from './escapeHtml.js'
import { niceTicks } from './niceTicks.js'

/** What a bar chart draws. */
export interface BarChartSpec {
  readonly id: string
  readonly title: string
  readonly bars: readonly { readonly label: string; readonly value: number }[]
  readonly formatY: (y: number) => string
}

const MAX_LABEL = 16

/** An inline-SVG bar chart around y = 0: gains up in green, losses down in red, each bar titled with its value. */
export function barChartSvg(spec: BarChartSpec): string {
  const { bars } = spec
  if (bars.length === 0) return chartFigure(spec.id, spec.title, emptyChart())
  const values = bars.map((bar) => bar.value)
  const { ticks, low, high } = niceTicks(Math.min(0, ...values), Math.max(0, ...values))
  const plotWidth = CHART.width - CHART.left - CHART.right
  const plotHeight = CHART.height - CHART.top - CHART.bottom
  const sy = (y: number) => CHART.top + ((high - y) / (high - low)) * plotHeight
  const slot = plotWidth / bars.length
  const width = slot * 0.7
  const zero = sy(0)
  const drawn = bars
    .map((bar, index) => {
      const x = CHART.left + slot * index + (slot - width) / 2
      const y = sy(bar.value)
      const top = Math.min(y, zero)
      const label = bar.label.length > MAX_LABEL ? `${bar.label.slice(0, MAX_LABEL - 1)}…` : bar.label
      const tone = bar.value < 0 ? 'neg' : 'pos'
      return [
        `<rect class="${tone}" x="${coordinate(x)}" y="${coordinate(top)}" width="${coordinate(width)}" height="${coordinate(Math.abs(zero - y))}">`,
        `<title>${escapeHtml(`${bar.label}: ${spec.formatY(bar.value)}`)}</title></rect>`,
        `<text class="tick" x="${coordinate(x + width / 2)}" y="${CHART.height - 12}" text-anchor="middle">${escapeHtml(label)}</text>`,
      ].join('')
    })
    .join('\n')
  const grid = yGrid(ticks.map((tick) => ({ y: sy(tick), label: spec.formatY(tick) })))
  const axis = `<line class="zero" x1="${CHART.left}" y1="${coordinate(zero)}" x2="${CHART.width - CHART.right}" y2="${coordinate(zero)}"/>`
  return chartFigure(spec.id, spec.title, [grid, drawn, axis].join('\n'))
}
