import type { MarketEvent } from '../feeds/marketEvent.js'

const T = Date.UTC(2025, 10, 21, 14, 30)

/** One event of each kind, with every optional field exercised somewhere. */
export const SAMPLE_EVENTS: MarketEvent[] = [
  {
    type: 'quote',
    data: {
      instrumentId: 'SPY',
      bid: 590.01,
      ask: 590.02,
      bidSize: 300,
      askSize: 500,
      timestampMs: T,
      timestampNs: 1_763_735_400_000_123_456n,
      exchange: 'XNAS',
      source: 'databento',
    },
  },
  {
    type: 'option_quote',
    data: {
      instrumentId: 'SPY   251121C00590000',
      bid: 1.23,
      ask: 1.25,
      bidSize: 40,
      askSize: 55,
      timestampMs: T + 1,
      source: 'sim',
      underlyingPrice: 590.015,
      iv: 0.1834,
      greeks: { delta: 0.52, gamma: 0.09, theta: -310.5, vega: 0.11, rho: 0.004 },
      openInterest: 12_345,
      volume: 678,
    },
  },
  {
    type: 'trade',
    data: { instrumentId: 'QQQ', price: 510.33, size: 100, timestampMs: T + 2, conditions: [14, 37], source: 'sim' },
  },
  {
    type: 'bar',
    data: {
      instrumentId: 'IWM',
      intervalMs: 60_000,
      startMs: T,
      open: 230.1,
      high: 230.4,
      low: 229.95,
      close: 230.2,
      volume: 12_000,
      vwap: 230.18,
    },
  },
  { type: 'quote', data: { instrumentId: '^VIX', bid: 15.21, ask: 15.21, bidSize: 0, askSize: 0, timestampMs: T + 3 } },
]
