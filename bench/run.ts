/**
 * Runs every `bench/*.bench.ts` (or those whose file name contains the filter argument: `npm run bench -- iv`),
 * prints the figures side by side with peers and targets, and merges them into bench/results.json.
 */
import { readdirSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import type { BenchModule, BenchResult } from './lib/benchResult.js'
import { formatTable } from './lib/printTable.js'
import { mergeResults } from './lib/writeResults.js'

const benchDir = dirname(fileURLToPath(import.meta.url))
const filter = process.argv[2]
const files = readdirSync(benchDir)
  .filter((name) => name.endsWith('.bench.ts'))
  .filter((name) => filter === undefined || name.includes(filter))
  .sort()

if (files.length === 0) {
  console.error(`No bench/*.bench.ts file matches "${filter ?? ''}".`)
  process.exit(1)
}

const results: BenchResult[] = []
for (const file of files) {
  console.log(`running ${file} …`)
  const module = (await import(pathToFileURL(join(benchDir, file)).href)) as BenchModule
  results.push(...(await module.run()))
}
console.log(`\n${formatTable(results)}\n`)
mergeResults(join(benchDir, 'results.json'), results, new Date().toISOString())
console.log(`merged ${results.length} figures into bench/results.json`)
