import type { Instrument } from '../../../instruments/instrument.js'

/** Form 8949 column (a) text: `1 SPY 2025-06-20 500 Call`, `10 sh. SPY`. */
export function describeLot(quantity: number, instrument: Instrument): string {
  switch (instrument.kind) {
    case 'option':
      return `${quantity} ${instrument.root} ${instrument.expiry} ${instrument.strike} ${instrument.right === 'call' ? 'Call' : 'Put'}`
    case 'equity':
      return `${quantity} sh. ${instrument.symbol}`
    case 'index':
      return `${quantity} ${instrument.symbol}`
  }
}
