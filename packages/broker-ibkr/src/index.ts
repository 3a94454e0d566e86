// Public API of @smart-0dte/broker-ibkr, listed by name.
export {
  type IbkrOptions,
  type IbkrOptionsInput,
  IbkrPort,
  ibkrOptionsSchema,
  isLivePort,
  parseIbkrOptions,
} from './ibkrOptions.js'
