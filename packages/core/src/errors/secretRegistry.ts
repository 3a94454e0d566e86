/**
 * Process-wide registry of secret values (API keys, passwords, account tokens). Every {@link BaseError} message,
 * its details and its cause chain are scrubbed of registered values before anyone can read them, so a secret that
 * slips into a vendor's error text still never reaches a log.
 */
const secrets = new Set<string>()

/** Shortest value worth registering: shorter strings would redact ordinary words. */
const MIN_SECRET_LENGTH = 4

/** The text that replaces a secret everywhere. */
export const REDACTED = '[redacted]'

/**
 * Registers a secret so that it is redacted from every SDK error message.
 *
 * @param value - The secret as it could appear in text. Values shorter than 4 characters are ignored.
 * @example
 * ```ts
 * registerSecret(process.env.MASSIVE_API_KEY ?? '')
 * ```
 */
export function registerSecret(value: string): void {
  if (value.length >= MIN_SECRET_LENGTH) secrets.add(value)
}

/**
 * Replaces every registered secret (and any value passed in `extra`) in `text` with `[redacted]`.
 *
 * @param text - Text that may contain secrets.
 * @param extra - Further secrets to strip that are not registered.
 * @returns The text with secrets replaced.
 * @example
 * ```ts
 * redactSecrets('GET /v3?apiKey=abcd1234', ['abcd1234']) // 'GET /v3?apiKey=[redacted]'
 * ```
 */
export function redactSecrets(text: string, extra: readonly string[] = []): string {
  let out = text
  for (const secret of secrets) out = out.split(secret).join(REDACTED)
  for (const secret of extra) if (secret.length >= MIN_SECRET_LENGTH) out = out.split(secret).join(REDACTED)
  return out
}
