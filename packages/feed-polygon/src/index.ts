// Public API of @smart-0dte/feed-polygon, listed by name.
export {
  type MassiveOptions,
  type MassiveOptionsInput,
  massiveOptionsSchema,
  parseMassiveOptions,
} from './massiveOptions.js'
