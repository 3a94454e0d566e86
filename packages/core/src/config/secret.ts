import { REDACTED, registerSecret } from '../errors/secretRegistry.js'

const inspectSymbol = Symbol.for('nodejs.util.inspect.custom')

/**
 * A credential that cannot leak by accident: `String(secret)`, `JSON.stringify`, template literals and
 * `console.log` all show `[redacted]`. Only {@link Secret.reveal} returns the value, and creating one registers it
 * so error messages that quote it are scrubbed too.
 *
 * @example
 * ```ts
 * const key = new Secret(process.env.MASSIVE_API_KEY ?? '')
 * socket.send(JSON.stringify({ action: 'auth', params: key.reveal() }))
 * ```
 */
export class Secret {
  readonly #value: string

  constructor(value: string) {
    this.#value = value
    registerSecret(value)
  }

  /** Returns the secret value; call it only where the value is sent to its service. */
  reveal(): string {
    return this.#value
  }

  /** Always `[redacted]`. */
  toString(): string {
    return REDACTED
  }

  /** Always `[redacted]`. */
  toJSON(): string {
    return REDACTED
  }

  /** Always `[redacted]` in Node's `util.inspect` and `console.log`. */
  [inspectSymbol](): string {
    return REDACTED
  }
}
