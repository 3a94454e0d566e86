import type { BenchResult } from './benchResult.js'

function formatNumber(value: number | null | undefined): string {
  if (value === null || value === undefined) return 'n/a'
  if (!Number.isFinite(value)) return String(value)
  const magnitude = Math.abs(value)
  if (magnitude !== 0 && (magnitude < 1e-3 || magnitude >= 1e9)) return value.toExponential(3)
  if (Number.isInteger(value)) return value.toLocaleString('en-US')
  return value.toLocaleString('en-US', { maximumSignificantDigits: 4 })
}

/** Whether `value` meets `target` in the result's direction. */
export function meetsTarget(result: BenchResult): boolean | undefined {
  if (result.target === undefined) return undefined
  return result.higherIsBetter ? result.value >= result.target : result.value <= result.target
}

function pad(text: string, width: number): string {
  return text.length >= width ? text : text + ' '.repeat(width - text.length)
}

/**
 * Renders results as a fixed-width table: one row per figure with ours, the target and whether it is met, then
 * one row per peer under it, then the notes.
 *
 * @param results - Figures to show.
 * @returns The table as text.
 */
export function formatTable(results: readonly BenchResult[]): string {
  const header = ['metric', 'unit', 'ours', 'target', 'met', 'peer', 'peer figure']
  const rows: string[][] = []
  for (const result of results) {
    const met = meetsTarget(result)
    const direction = result.higherIsBetter ? '≥ ' : '≤ '
    const peers = Object.entries(result.peers)
    rows.push([
      result.id,
      result.unit,
      formatNumber(result.value),
      result.target === undefined ? '' : direction + formatNumber(result.target),
      met === undefined ? '' : met ? 'yes' : 'NO',
      peers[0]?.[0] ?? '',
      peers.length > 0 ? formatNumber(peers[0]?.[1]) : '',
    ])
    for (const [name, figure] of peers.slice(1)) rows.push(['', '', '', '', '', name, formatNumber(figure)])
  }
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)))
  const line = (cells: string[]) => cells.map((cell, column) => pad(cell, widths[column] ?? 0)).join('  ')
  const out = [line(header), widths.map((width) => '-'.repeat(width)).join('  '), ...rows.map(line)]
  const notes = results.flatMap((result) => (result.notes ?? []).map((note) => `  [${result.id}] ${note}`))
  if (notes.length > 0) out.push('', 'notes:', ...notes)
  return out.join('\n')
}
