import { mkdtemp, readFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { parseArgs } from './args.js'
import { runExampleBacktest } from './runExampleBacktest.js'
import { summaryTable } from './summaryTable.js'

describe('backtest example', () => {
  test('writes the same JSON and HTML reports when run twice with the same options', async () => {
    const run = async () => {
      const outDir = await mkdtemp(join(tmpdir(), 'backtest-example-'))
      return runExampleBacktest({ date: '2025-11-21', days: 1, seed: 42, outDir, sessionEnd: '11:30' })
    }
    const first = await run()
    const second = await run()
    expect(basename(first.jsonPath)).toBe('backtest-2025-11-21-1d-seed42.json')
    const [json1, json2, html1, html2] = await Promise.all(
      [first.jsonPath, second.jsonPath, first.htmlPath, second.htmlPath].map((path) => readFile(path, 'utf8')),
    )
    expect(json2).toBe(json1)
    expect(html2).toBe(html1)
    expect(JSON.parse(json1 as string).run.simulated).toBe(true)
    expect(html1).toContain('SIMULATED')
    const table = summaryTable(first.result)
    for (const strategy of first.result.strategies) expect(table).toContain(strategy.strategyId)
    expect(table).toContain('account')
  }, 120_000)

  test('parses the command line and refuses unknown options', () => {
    const defaults = { date: '2025-11-21', outDir: '/x/out', cwd: '/home/me' }
    expect(parseArgs(['--days=3', '--seed=7', '--out=reports'], defaults)).toEqual({
      date: '2025-11-21',
      days: 3,
      seed: 7,
      outDir: '/home/me/reports',
    })
    expect(() => parseArgs(['--speed=2'], defaults)).toThrow(/Unknown option --speed/)
    expect(() => parseArgs(['--days=0'], defaults)).toThrow(/--days/)
  })
})
