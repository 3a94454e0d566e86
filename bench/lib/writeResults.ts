import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import type { BenchResult } from './benchResult.js'

/** A stored figure: the result plus when it was measured. */
export interface StoredResult extends BenchResult {
  /** ISO time of the run that measured it. */
  measuredAt: string
}

/**
 * Merges `results` into the JSON file at `path` by id: ids measured now are replaced, every other stored id is
 * kept (other benches own them). Writes the file sorted by id.
 *
 * @param path - Location of results.json.
 * @param results - Figures of this run.
 * @param measuredAt - Time stamp recorded with each new figure.
 * @returns The merged list as written.
 */
export function mergeResults(path: string, results: readonly BenchResult[], measuredAt: string): StoredResult[] {
  const byId = new Map<string, StoredResult>()
  if (existsSync(path)) {
    const parsed: unknown = JSON.parse(readFileSync(path, 'utf8'))
    const stored = Array.isArray(parsed) ? parsed : []
    for (const entry of stored) {
      if (entry && typeof entry === 'object' && typeof (entry as StoredResult).id === 'string') {
        byId.set((entry as StoredResult).id, entry as StoredResult)
      }
    }
  }
  for (const result of results) byId.set(result.id, { ...result, measuredAt })
  const merged = [...byId.values()].sort((a, b) => a.id.localeCompare(b.id))
  writeFileSync(path, `${JSON.stringify(merged, null, 2)}\n`)
  return merged
}
