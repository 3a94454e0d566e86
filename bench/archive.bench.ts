/**
 * Tick archive: bytes per quote against raw NDJSON and against the same NDJSON compressed by the zstd CLI at its
 * default level, and decode speed, on quotes of a simulated session (underlyings, ATM ± 10 0DTE chains, VIX family).
 */
import { spawnSync } from 'node:child_process'
import { encodeTickArchive, forEachTickEvent, quoteEvent, serializeMarketEvent } from '@smart-0dte/core'
import type { BenchResult } from './lib/benchResult.js'
import { simulatedSession } from './lib/simulatedSession.js'
import { bestThroughput } from './lib/timing.js'

const SESSION_MINUTES = 120

function zstdSize(data: Buffer): number | null {
  const result = spawnSync('zstd', ['-q', '-c'], { input: data, maxBuffer: 1024 * 1024 * 1024 })
  return result.status === 0 ? result.stdout.length : null
}

/**
 * Runs the archive benchmark.
 *
 * @returns `archive.bytes_per_quote`, `archive.vs_ndjson_zstd_ratio`, `archive.decode_quotes_per_s`.
 */
export async function run(): Promise<BenchResult[]> {
  const { quotes, date } = await simulatedSession('2025-11-21', SESSION_MINUTES)
  const n = quotes.length
  const ndjson = Buffer.from(`${quotes.map((q) => serializeMarketEvent(quoteEvent(q))).join('\n')}\n`)
  const zstd = zstdSize(ndjson)
  const archive = encodeTickArchive(quotes)
  let decoded = 0
  const decodeRate = bestThroughput(
    n,
    () => {
      decoded = forEachTickEvent(archive, () => undefined)
      return decoded
    },
    5,
  )
  if (decoded !== n) throw new Error(`archive decoded ${decoded} quotes, expected ${n}`)
  const perQuote = archive.length / n
  const notes = [
    `${n} raw quotes of ${SESSION_MINUTES} simulated minutes (${date}, seed 42): SPY/QQQ/IWM, ATM ± 10 0DTE chains, VIX family`,
    `raw NDJSON ${(ndjson.length / n).toFixed(1)} B/quote; archive is ${((1 - archive.length / ndjson.length) * 100).toFixed(1)} % smaller`,
    zstd === null
      ? 'zstd CLI not found: install Debian zstd for the comparison'
      : `NDJSON + zstd -3 ${(zstd / n).toFixed(2)} B/quote`,
    'decode: quotes/s per CPU second, best of 5, objects materialised',
  ]
  return [
    {
      id: 'archive.bytes_per_quote',
      value: perQuote,
      unit: 'B/quote',
      higherIsBetter: false,
      target: (ndjson.length / n) * 0.1,
      peers: { 'raw NDJSON': ndjson.length / n, 'NDJSON + zstd': zstd === null ? null : zstd / n },
      notes,
    },
    {
      id: 'archive.vs_ndjson_zstd_ratio',
      value: zstd === null ? Number.NaN : archive.length / zstd,
      unit: '×',
      higherIsBetter: false,
      target: 1,
      peers: {},
    },
    {
      id: 'archive.decode_quotes_per_s',
      value: decodeRate,
      unit: 'quotes/s',
      higherIsBetter: true,
      target: 5_000_000,
      peers: {},
    },
  ]
}
