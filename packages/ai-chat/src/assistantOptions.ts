import { parseConfig, secretSchema } from '@smart-0dte/core'
import { z } from 'zod'

/** Schema of the options of the trading assistant. */
export const assistantOptionsSchema = z.object({
  /** API key of the OpenAI-compatible service; redacted everywhere. */
  apiKey: secretSchema,
  /** Chat model with tool calling. @default 'gpt-4o-mini' */
  model: z.string().min(1).default('gpt-4o-mini'),
  /** Override of the API base URL, for OpenAI-compatible servers and local tests. */
  baseUrl: z.url().optional(),
  /** Upper bound on tool-call rounds in one answer, so a confused model cannot loop. @default 8 */
  maxToolRounds: z.number().int().min(1).max(32).default(8),
  /** Request timeout in milliseconds. @default 60000 */
  timeoutMs: z.number().int().positive().default(60_000),
})

/** Options of the assistant, as accepted from users. */
export type AssistantOptionsInput = z.input<typeof assistantOptionsSchema>
/** Options of the assistant after validation and defaults. */
export type AssistantOptions = z.output<typeof assistantOptionsSchema>

/**
 * Validates assistant options and applies defaults. The API key becomes a `Secret`.
 *
 * @param input - Raw options.
 * @returns Validated options.
 * @throws {ConfigError} Naming each bad field, never echoing the key.
 * @example
 * ```ts
 * const options = parseAssistantOptions({ apiKey: process.env.OPENAI_API_KEY ?? '' })
 * ```
 */
export function parseAssistantOptions(input: AssistantOptionsInput): AssistantOptions {
  return parseConfig(assistantOptionsSchema, input, 'assistant options')
}
