import type { MarketEvent } from '../feeds/marketEvent.js'

function ns(value: bigint | undefined): string | undefined {
  return value === undefined ? undefined : value.toString()
}

/**
 * Serialises an event as one NDJSON recording line (without the newline). Keys come in a fixed order and absent
 * fields are left out, so recording the replay of a recording reproduces it byte for byte. `timestampNs` is written
 * as a decimal string, since JSON numbers cannot hold 64-bit nanoseconds exactly.
 *
 * @param event - The event.
 * @returns One line of JSON.
 * @example
 * ```ts
 * serializeMarketEvent({ type: 'trade', data: { instrumentId: 'SPY', price: 590.1, size: 100, timestampMs: 0 } })
 * // '{"type":"trade","instrumentId":"SPY","price":590.1,"size":100,"timestampMs":0}'
 * ```
 */
export function serializeMarketEvent(event: MarketEvent): string {
  switch (event.type) {
    case 'quote': {
      const q = event.data
      return JSON.stringify({
        type: event.type,
        instrumentId: q.instrumentId,
        bid: q.bid,
        ask: q.ask,
        bidSize: q.bidSize,
        askSize: q.askSize,
        timestampMs: q.timestampMs,
        timestampNs: ns(q.timestampNs),
        exchange: q.exchange,
        source: q.source,
      })
    }
    case 'option_quote': {
      const q = event.data
      const g = q.greeks
      return JSON.stringify({
        type: event.type,
        instrumentId: q.instrumentId,
        bid: q.bid,
        ask: q.ask,
        bidSize: q.bidSize,
        askSize: q.askSize,
        timestampMs: q.timestampMs,
        timestampNs: ns(q.timestampNs),
        exchange: q.exchange,
        source: q.source,
        underlyingPrice: q.underlyingPrice,
        iv: q.iv,
        greeks: g && { delta: g.delta, gamma: g.gamma, theta: g.theta, vega: g.vega, rho: g.rho },
        openInterest: q.openInterest,
        volume: q.volume,
      })
    }
    case 'trade': {
      const t = event.data
      return JSON.stringify({
        type: event.type,
        instrumentId: t.instrumentId,
        price: t.price,
        size: t.size,
        timestampMs: t.timestampMs,
        timestampNs: ns(t.timestampNs),
        exchange: t.exchange,
        conditions: t.conditions,
        source: t.source,
      })
    }
    case 'bar': {
      const b = event.data
      return JSON.stringify({
        type: event.type,
        instrumentId: b.instrumentId,
        intervalMs: b.intervalMs,
        startMs: b.startMs,
        open: b.open,
        high: b.high,
        low: b.low,
        close: b.close,
        volume: b.volume,
        vwap: b.vwap,
        source: b.source,
      })
    }
  }
}
