import { z } from 'zod'
import { ConfigError, type ConfigIssue } from '../errors/configError.js'
import { Secret } from './secret.js'

/**
 * A zod schema for a credential: a non-empty string that becomes a {@link Secret} (and is registered for
 * redaction) once parsed. An existing `Secret` is accepted as is.
 *
 * @example
 * ```ts
 * const options = z.object({ apiKey: secretSchema })
 * ```
 */
export const secretSchema = z.union([
  z.instanceof(Secret),
  z
    .string()
    .min(1, 'must not be empty')
    .transform((value) => new Secret(value)),
])

function toIssue(issue: z.core.$ZodIssue): ConfigIssue {
  const path = issue.path.map((key) => (typeof key === 'number' ? `[${key}]` : String(key))).join('.')
  return { path: path.replace(/\.\[/g, '['), reason: issue.message }
}

/**
 * Validates a config object once, at the boundary. Returns the parsed value (with defaults applied) or throws one
 * {@link ConfigError} that names every bad field and the reason. Values are never echoed into the message, so a
 * mistyped secret does not leak.
 *
 * @param schema - The zod schema of the config.
 * @param input - The raw config, typically user input or environment-derived.
 * @param configName - What is being configured, used in the message (`risk limits`, `paper broker options`).
 * @returns The parsed, typed config.
 * @throws {ConfigError} When `input` does not match `schema`.
 * @example
 * ```ts
 * const limits = parseConfig(riskLimitsSchema, { maxContractsPerOrder: 10 }, 'risk limits')
 * ```
 */
export function parseConfig<Schema extends z.ZodType>(
  schema: Schema,
  input: unknown,
  configName: string,
): z.output<Schema> {
  const result = schema.safeParse(input)
  if (result.success) return result.data
  throw new ConfigError(configName, result.error.issues.map(toIssue))
}
