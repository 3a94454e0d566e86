import { parseConfig, secretSchema } from '@smart-0dte/core'
import { z } from 'zod'

/** Schema of the options of the Massive (formerly Polygon.io) feed. */
export const massiveOptionsSchema = z.object({
  /** Massive API key; redacted from every log line and error. */
  apiKey: secretSchema,
  /** Use the 15-minute delayed clusters instead of real time (cheaper plans). @default false */
  delayed: z.boolean().default(false),
  /** Override of the WebSocket base URL, for tests against a local server. */
  webSocketUrl: z.url().optional(),
  /** Override of the REST base URL, for tests against a local server. */
  restUrl: z.url().optional(),
})

/** Options of the Massive feed, as accepted from users. */
export type MassiveOptionsInput = z.input<typeof massiveOptionsSchema>
/** Options of the Massive feed after validation and defaults. */
export type MassiveOptions = z.output<typeof massiveOptionsSchema>

/**
 * Validates Massive feed options and applies defaults. The API key becomes a `Secret`.
 *
 * @param input - Raw options.
 * @returns Validated options.
 * @throws {ConfigError} Naming each bad field, never echoing the key.
 * @example
 * ```ts
 * const options = parseMassiveOptions({ apiKey: process.env.MASSIVE_API_KEY ?? '' })
 * ```
 */
export function parseMassiveOptions(input: MassiveOptionsInput): MassiveOptions {
  return parseConfig(massiveOptionsSchema, input, 'Massive options')
}
