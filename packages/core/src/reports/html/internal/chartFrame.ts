import { escapeHtml } from './escapeHtml.js'

/** Size of every chart, in SVG user units (the SVG scales to its container). */
export const CHART = { width: 720, height: 240, left: 84, right: 16, top: 16, bottom: 36 } as const

/** A number as an SVG coordinate with one decimal, the same on every machine. */
export function coordinate(value: number): string {
  return value.toFixed(1)
}

/** Wraps chart content in a captioned figure with an accessible inline SVG (no xmlns needed inside HTML). */
export function chartFigure(id: string, title: string, content: string): string {
  const label = escapeHtml(title)
  return [
    `<figure class="chart" id="${escapeHtml(id)}">`,
    `<figcaption>${label}</figcaption>`,
    `<svg viewBox="0 0 ${CHART.width} ${CHART.height}" role="img" aria-label="${label}">`,
    content,
    '</svg>',
    '</figure>',
  ].join('\n')
}

/** Horizontal grid lines with their labels at the given y positions. */
export function yGrid(ticks: readonly { y: number; label: string }[]): string {
  return ticks
    .map(
      ({ y, label }) =>
        `<line class="grid" x1="${CHART.left}" y1="${coordinate(y)}" x2="${CHART.width - CHART.right}" y2="${coordinate(y)}"/>` +
        `<text class="tick" x="${CHART.left - 6}" y="${coordinate(y + 4)}" text-anchor="end">${escapeHtml(label)}</text>`,
    )
    .join('\n')
}

/** Placeholder shown when a chart has nothing to draw. */
export function emptyChart(): string {
  return `<text class="empty" x="${CHART.width / 2}" y="${CHART.height / 2}" text-anchor="middle">No data</text>`
}
