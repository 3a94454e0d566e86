import { type ChildProcess, spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, test } from 'vitest'

const APP = join(import.meta.dirname, 'main.ts')
const dataDir = mkdtempSync(join(tmpdir(), 'reference-app-'))
afterAll(() => rmSync(dataDir, { recursive: true, force: true }))

function start(extra: readonly string[]): { child: ChildProcess; output: () => string } {
  const child = spawn(
    process.execPath,
    ['--conditions=source', '--import', 'tsx', APP, '--speed=max', `--data-dir=${dataDir}`, ...extra],
    { cwd: join(import.meta.dirname, '..'), stdio: ['ignore', 'pipe', 'pipe'] },
  )
  let text = ''
  child.stdout?.on('data', (chunk: Buffer) => {
    text += chunk.toString()
  })
  child.stderr?.on('data', (chunk: Buffer) => {
    text += chunk.toString()
  })
  return { child, output: () => text }
}

const exited = (child: ChildProcess) =>
  new Promise<number | null>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve(child.exitCode)
    else child.once('exit', (code) => resolve(code))
  })

function lastTradingLine(text: string): { orders: number; positions: number } | undefined {
  const matches = [...text.matchAll(/orders (\d+) \(\d+ working\)\s+positions (\d+)/g)]
  const last = matches.at(-1)
  return last ? { orders: Number(last[1]), positions: Number(last[2]) } : undefined
}

function recoveryOf(text: string): Record<string, unknown> {
  const line = /RECOVERY (\{.*\})/.exec(text)?.[1]
  if (!line) throw new Error(`no RECOVERY line in:\n${text.slice(0, 2000)}`)
  return JSON.parse(line) as Record<string, unknown>
}

describe('reference app', () => {
  test('killed with SIGKILL while holding positions, it restarts into the same session with its state intact', async () => {
    const first = start(['--fresh', '--print-every-ms=100'])
    const deadline = Date.now() + 90_000
    let seen: { orders: number; positions: number } | undefined
    while (Date.now() < deadline) {
      seen = lastTradingLine(first.output())
      if (seen && seen.positions > 0) break
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
    first.child.kill('SIGKILL')
    await exited(first.child)
    expect(seen?.positions, first.output().slice(-3000)).toBeGreaterThan(0)
    expect(recoveryOf(first.output())).toMatchObject({ firstStart: true, orders: 0 })

    const second = start(['--duration-ms=1', '--print-every-ms=100000'])
    expect(await exited(second.child)).toBe(0)
    const text = second.output()
    expect(text).toContain('(resumed)')
    const recovery = recoveryOf(text)
    expect(recovery.firstStart).toBe(false)
    expect(recovery.positionMismatches).toBe(0)
    expect(recovery.cashDifference).toBe('0.00')
    // Everything seen before the kill is still there (orders placed after the last print may be too).
    expect(Number(recovery.orders)).toBeGreaterThanOrEqual(seen?.orders ?? 1)
    expect(Number(recovery.journalRecords)).toBeGreaterThan(0)
  }, 180_000)
})
