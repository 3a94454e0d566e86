import type { BaseError } from '../errors/baseError.js'
import type { Instrument } from '../instruments/instrument.js'
import { instrumentId } from '../instruments/instrumentId.js'
import type { Quote } from '../marketData/types.js'
import type { FeedAdapter, FeedSession, FeedSessionContext } from './feedAdapter.js'
import type { FeedCapabilities } from './marketDataFeed.js'
import type { MarketEvent } from './marketEvent.js'

/** One session opened by a {@link ScriptedAdapter}, recording what the feed asked of it. */
export interface ScriptedSession {
  readonly context: FeedSessionContext
  readonly subscribeCalls: string[][]
  readonly unsubscribeCalls: string[][]
  closed: boolean
}

/** Outcome of one `open()` call: succeed, never settle, or reject with the error. */
export type OpenOutcome = 'ok' | 'hang' | BaseError

/** A fake adapter driven by a script, for testing {@link createFeed} in virtual time. */
export interface ScriptedAdapter extends FeedAdapter {
  /** Outcomes of the next `open()` calls, consumed in order; `ok` once exhausted. */
  readonly script: OpenOutcome[]
  /** Virtual instants at which `open()` was called. */
  readonly openedAtMs: number[]
  /** Sessions opened successfully, oldest first. */
  readonly sessions: ScriptedSession[]
  /** Virtual instants at which `poll()` was called, with the ids asked for. */
  readonly polls: { atMs: number; ids: string[] }[]
  /** Results of the next polls, consumed in order; an empty snapshot once exhausted. */
  readonly pollScript: (readonly MarketEvent[] | BaseError)[]
  /** Errors thrown by the next `subscribe` calls, consumed in order. */
  readonly subscribeErrors: BaseError[]
  /** The newest session. */
  latest(): ScriptedSession
}

const CAPABILITIES: FeedCapabilities = {
  quotes: true,
  trades: true,
  bars: true,
  options: false,
  indices: false,
  vendorGreeks: false,
  chainListing: false,
  historical: false,
}

/**
 * Creates a scripted adapter. `open()` resolves or rejects on a microtask, as a real network adapter would.
 *
 * @param options - `withPoll` adds a `poll` method; `nowMs` reads virtual time for the logs.
 * @returns The adapter.
 */
export function createScriptedAdapter(options: { withPoll?: boolean; nowMs: () => number }): ScriptedAdapter {
  const ids = (instruments: readonly Instrument[]) => instruments.map(instrumentId)
  const adapter: ScriptedAdapter = {
    name: 'scripted',
    capabilities: CAPABILITIES,
    script: [],
    openedAtMs: [],
    sessions: [],
    polls: [],
    pollScript: [],
    subscribeErrors: [],
    latest() {
      const session = adapter.sessions.at(-1)
      if (!session) throw new Error('no session opened yet')
      return session
    },
    async open(context) {
      adapter.openedAtMs.push(options.nowMs())
      const outcome = adapter.script.shift() ?? 'ok'
      if (outcome === 'hang') return new Promise<FeedSession>(() => undefined)
      if (outcome !== 'ok') throw outcome
      const record: ScriptedSession = { context, subscribeCalls: [], unsubscribeCalls: [], closed: false }
      adapter.sessions.push(record)
      const session: FeedSession = {
        subscribe(instruments) {
          record.subscribeCalls.push(ids(instruments))
          const error = adapter.subscribeErrors.shift()
          if (error) throw error
        },
        unsubscribe(instruments) {
          record.unsubscribeCalls.push(ids(instruments))
        },
        close() {
          record.closed = true
        },
      }
      return session
    },
  }
  if (options.withPoll) {
    return Object.assign(adapter, {
      async poll(instruments: readonly Instrument[]) {
        adapter.polls.push({ atMs: options.nowMs(), ids: ids(instruments) })
        const result = adapter.pollScript.shift() ?? []
        if (result instanceof Error) throw result
        return result
      },
    })
  }
  return adapter
}

/**
 * A quote for tests.
 *
 * @param id - Instrument id.
 * @param timestampMs - Event time.
 * @returns A one-cent-wide quote at 100.
 */
export function testQuote(id: string, timestampMs: number): Quote {
  return { instrumentId: id, bid: 100, ask: 100.01, bidSize: 1, askSize: 1, timestampMs, source: 'scripted' }
}
