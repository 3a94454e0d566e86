import { redactSecrets } from './secretRegistry.js'

/** Options shared by every SDK error. */
export interface BaseErrorOptions {
  /** Longer explanation: what was received, which limit applied. Redacted like the message. */
  details?: string
  /** The underlying error, if any. Its message is redacted when shown. */
  cause?: unknown
  /** Path of the guide that explains this error, relative to the docs root (for example `guides/risk`). */
  docsPath?: string
  /** Extra lines shown under the short message. */
  metaMessages?: readonly string[]
}

/** Where the docs live; error messages link to `${DOCS_BASE}/${docsPath}`. */
const DOCS_BASE = 'docs'

function causeText(cause: unknown): string | undefined {
  if (cause instanceof BaseError) return cause.shortMessage
  if (cause instanceof Error) return cause.message
  if (typeof cause === 'string') return cause
  return undefined
}

/**
 * Root of every error the SDK throws or reports. Carries a one-line `shortMessage`, optional `details`, the
 * `cause`, and a `docsPath`. `retryable` tells callers whether the same operation may succeed later (network,
 * rate limit) or never will (auth, invalid config, rejected order). Registered secrets are stripped from every
 * text the error exposes.
 *
 * @example
 * ```ts
 * try {
 *   await broker.placeOrder(intent)
 * } catch (error) {
 *   if (error instanceof BaseError && error.retryable) scheduleRetry()
 * }
 * ```
 */
export class BaseError extends Error {
  override name = 'BaseError'
  /** One line saying what went wrong, without details. */
  readonly shortMessage: string
  /** Longer explanation, redacted. */
  readonly details: string | undefined
  /** Docs page for this error, if any. */
  readonly docsPath: string | undefined
  /** Whether retrying the same operation later may succeed. */
  readonly retryable: boolean = false

  constructor(shortMessage: string, options: BaseErrorOptions = {}) {
    const short = redactSecrets(shortMessage)
    const details = options.details === undefined ? undefined : redactSecrets(options.details)
    const cause = causeText(options.cause)
    const lines = [
      short,
      ...(options.metaMessages ?? []).map((line) => redactSecrets(line)),
      ...(details ? [`Details: ${details}`] : []),
      ...(cause && cause !== details ? [`Caused by: ${redactSecrets(cause)}`] : []),
      ...(options.docsPath ? [`Docs: ${DOCS_BASE}/${options.docsPath}`] : []),
    ]
    super(lines.join('\n'), options.cause === undefined ? undefined : { cause: options.cause })
    this.shortMessage = short
    this.details = details
    this.docsPath = options.docsPath
  }

  /**
   * Walks the cause chain and returns the first error for which `predicate` holds.
   *
   * @param predicate - Test applied to this error and each cause in turn.
   * @returns The matching error, or `undefined`.
   */
  walk(predicate: (error: unknown) => boolean): unknown {
    let current: unknown = this
    for (let depth = 0; current !== undefined && depth < 32; depth++) {
      if (predicate(current)) return current
      current = current instanceof Error ? current.cause : undefined
    }
    return undefined
  }
}

/**
 * An error where retrying later may succeed: a dropped connection, a timeout, a rate limit.
 *
 * @example
 * ```ts
 * throw new RetryableError('Feed connection closed', { details: 'code 1006' })
 * ```
 */
export class RetryableError extends BaseError {
  override name = 'RetryableError'
  override readonly retryable = true
}

/**
 * An error where retrying cannot help: bad credentials, invalid config, a rejected order, a breached risk limit.
 *
 * @example
 * ```ts
 * throw new PermanentError('Authentication failed')
 * ```
 */
export class PermanentError extends BaseError {
  override name = 'PermanentError'
}
