/** Round axis ticks covering [min, max]: steps of 1, 2 or 5 × 10ⁿ, about `count` of them. */
export function niceTicks(min: number, max: number, count = 5): { ticks: number[]; low: number; high: number } {
  let low = min
  let high = max
  if (!(high > low)) {
    const pad = Math.abs(low) > 0 ? Math.abs(low) * 0.01 : 1
    low -= pad
    high += pad
  }
  const raw = (high - low) / Math.max(1, count - 1)
  const magnitude = 10 ** Math.floor(Math.log10(raw))
  const step = ([1, 2, 5, 10].find((m) => m * magnitude >= raw) ?? 10) * magnitude
  const start = Math.floor(low / step) * step
  const end = Math.ceil(high / step) * step
  const ticks: number[] = []
  for (let k = 0; start + k * step <= end + step / 2; k++) ticks.push(Number((start + k * step).toPrecision(12)))
  return { ticks, low: start, high: end }
}
