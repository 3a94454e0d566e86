/** The report's whole stylesheet, inlined: system fonts only, nothing fetched. */
export const REPORT_STYLES = `
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0; padding: 24px; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #111827; background: #f9fafb; }
main { max-width: 1100px; margin: 0 auto; }
h1 { font-size: 22px; margin: 0 0 4px; }
h2 { font-size: 16px; margin: 28px 0 8px; }
.meta { color: #4b5563; margin: 0 0 12px; }
.simulated { border: 2px solid #b91c1c; background: #fef2f2; color: #991b1b; font-weight: 700; padding: 8px 12px; margin: 12px 0; letter-spacing: 0.04em; }
.badge { display: inline-block; border-radius: 4px; padding: 1px 6px; font-size: 12px; font-weight: 700; background: #b91c1c; color: #fff; vertical-align: middle; }
.grid2 { display: grid; grid-template-columns: repeat(auto-fit, minmax(480px, 1fr)); gap: 16px; }
.chart { margin: 0; background: #fff; border: 1px solid #e5e7eb; border-radius: 6px; padding: 8px; }
.chart figcaption { font-weight: 600; margin: 0 0 4px 4px; }
.chart svg { width: 100%; height: auto; display: block; }
.line { fill: none; stroke: #2563eb; stroke-width: 1.5; }
.area { fill: #fecaca; stroke: none; }
.grid { stroke: #e5e7eb; stroke-width: 1; }
.zero { stroke: #6b7280; stroke-width: 1; }
.tick { font-size: 11px; fill: #4b5563; }
.empty { font-size: 14px; fill: #9ca3af; }
.pos { fill: #16a34a; }
.neg { fill: #dc2626; }
table { border-collapse: collapse; width: 100%; background: #fff; border: 1px solid #e5e7eb; }
th, td { text-align: left; padding: 4px 8px; border-bottom: 1px solid #f3f4f6; font-variant-numeric: tabular-nums; }
td.num, th.num { text-align: right; white-space: nowrap; }
td.time { white-space: nowrap; }
.scroll { overflow-x: auto; }
.metrics { display: grid; grid-template-columns: repeat(auto-fit, minmax(320px, 1fr)); gap: 16px; }
.loss { color: #b91c1c; }
.note { color: #4b5563; font-size: 12px; }
`.trim()
