// Public API of @smart-0dte/feed-databento, listed by name.
export {
  DatabentoDataset,
  type DatabentoOptions,
  type DatabentoOptionsInput,
  databentoOptionsSchema,
  liveGatewayFor,
  parseDatabentoOptions,
} from './databentoOptions.js'
