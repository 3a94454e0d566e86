/**
 * The Smart-0DTE reference system on embedded defaults: a SIMULATED market (seeded, no keys, no servers), the
 * 0DTE chains, VIX regime and correlations, five strategies trading on the paper broker within the default risk
 * limits, with the journal and the paper account in SQLite so a restart resumes the session with its state.
 * `npm start -- --help` lists the options.
 */
import { mkdirSync } from 'node:fs'
import { createLogger, createVirtualClock, driveVirtualClock, wallClock } from '@smart-0dte/core'
import { parseArgs } from './args.js'
import { renderDashboard } from './dashboard.js'
import { createReferenceSystem } from './referenceSystem.js'
import { planSession, saveSession } from './sessionPlan.js'
import { tradingSection } from './tradingSection.js'

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2))
  mkdirSync(args.dataDir, { recursive: true })
  const plan = planSession(args.dataDir, wallClock().now(), args.fresh)
  const clock = createVirtualClock(plan.startMs)
  const logger = createLogger({ mode: 'paper', level: 'warn', clock })
  const { system, close } = createReferenceSystem({ clock, seed: args.seed, dataDir: args.dataDir, logger })
  console.log(
    `Smart-0DTE reference system — SIMULATED market, PAPER trading. Session ${plan.date}` +
      `${plan.resumed ? ' (resumed)' : ''}; data in ${args.dataDir}`,
  )
  const recovery = await system.start()
  const recovered = system.snapshot()
  console.log(
    `RECOVERY ${JSON.stringify({
      firstStart: recovery.firstStart,
      journalRecords: recovery.journalRecords,
      adopted: recovery.adopted.length,
      notSent: recovery.notSent.length,
      fillsAdded: recovery.fillsAdded.length,
      positionMismatches: recovery.positionMismatches.length,
      cashDifference: recovery.cashDifference.toFixed(2),
      orders: recovered.totalOrders,
      positions: recovered.positions.map((p) => `${p.side === 'long' ? '+' : '-'}${p.quantity} ${p.instrumentId}`),
      cash: recovered.pnl.cash.toFixed(2),
    })}`,
  )

  const abort = new AbortController()
  const stop = () => abort.abort()
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
  const print = () => {
    const snapshot = system.snapshot()
    console.log(
      renderDashboard(snapshot.market, {
        nowMs: clock.now(),
        speed: args.speed,
        seed: args.seed,
        quality: system.pipeline.quality(),
        sections: tradingSection(snapshot),
      }),
    )
    saveSession(args.dataDir, plan.date, clock.now())
  }
  const printer = setInterval(print, args.printEveryMs)
  const deadline = args.durationMs === undefined ? undefined : setTimeout(stop, args.durationMs)
  await driveVirtualClock(clock, { untilMs: plan.endMs, speed: args.speed, signal: abort.signal })
  clearInterval(printer)
  if (deadline) clearTimeout(deadline)
  print()
  await system.stop()
  await close()
  console.log(clock.now() >= plan.endMs ? 'Session over.' : 'Stopped; run again to resume where it stopped.')
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error)
  process.exitCode = 1
})
