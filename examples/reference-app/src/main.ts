/**
 * The Smart-0DTE reference system on embedded defaults: a SIMULATED market (seeded, no keys, no servers), the
 * 0DTE chains, VIX regime and correlations, printed to the console. `npm start -- --help` lists the options.
 */
import { mkdirSync } from 'node:fs'
import { createMarketPipeline, createSimFeed, createVirtualClock, driveVirtualClock, wallClock } from '@smart-0dte/core'
import { parseArgs } from './args.js'
import { renderDashboard } from './dashboard.js'
import { planSession, saveSession } from './sessionPlan.js'

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2))
  mkdirSync(args.dataDir, { recursive: true })
  const plan = planSession(args.dataDir, wallClock().now(), args.fresh)
  const clock = createVirtualClock(plan.startMs)
  const feed = createSimFeed({ clock, seed: args.seed })
  const pipeline = createMarketPipeline({ feed, clock })
  let quality: Parameters<typeof renderDashboard>[1]['quality']
  pipeline.quality$.subscribe((report) => {
    quality = report
  })
  console.log(
    `Smart-0DTE reference system — SIMULATED market, paper trading. Session ${plan.date}` +
      `${plan.resumed ? ' (resumed)' : ''}; data in ${args.dataDir}`,
  )
  pipeline.start()
  await feed.connect()

  const abort = new AbortController()
  const stop = () => abort.abort()
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
  const print = () => {
    console.log(
      renderDashboard(pipeline.state(), {
        nowMs: clock.now(),
        speed: args.speed,
        seed: args.seed,
        quality,
        sections: [],
      }),
    )
    saveSession(args.dataDir, plan.date, clock.now())
  }
  const printer = setInterval(print, args.printEveryMs)
  const deadline = args.durationMs === undefined ? undefined : setTimeout(stop, args.durationMs)
  await driveVirtualClock(clock, { untilMs: plan.closeMs, speed: args.speed, signal: abort.signal })
  clearInterval(printer)
  if (deadline) clearTimeout(deadline)
  print()
  pipeline.stop()
  await feed.close()
  console.log(clock.now() >= plan.closeMs ? 'Session closed.' : 'Stopped; restart to resume where it stopped.')
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error)
  process.exitCode = 1
})
