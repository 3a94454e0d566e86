/**
 * Builds a marble string from `[frame, char]` pairs (frames in ms, ascending), using time progression (`999ms`)
 * and groups for values on the same frame, so tests can state long session timelines exactly.
 *
 * @param events - Frames and marble characters.
 * @param end - Optional terminal `|` frame.
 * @returns A marble string for `TestScheduler.run`.
 */
export function timeline(events: ReadonlyArray<readonly [number, string]>, end?: number): string {
  const parts: string[] = []
  let frame = 0
  const advanceTo = (target: number) => {
    if (target < frame) throw new Error(`timeline frame ${target} is before ${frame}`)
    if (target > frame) parts.push(` ${target - frame}ms `)
    frame = target
  }
  for (let i = 0; i < events.length; ) {
    const at = events[i]?.[0] ?? 0
    let group = ''
    while (i < events.length && events[i]?.[0] === at) group += events[i++]?.[1] ?? ''
    advanceTo(at)
    parts.push(group.length > 1 ? `(${group})` : group)
    frame += group.length > 1 ? group.length + 2 : 1
  }
  if (end !== undefined) {
    advanceTo(end)
    parts.push('|')
  }
  return parts.join('')
}
