import { PermanentError } from '../errors/baseError.js'

/**
 * An instrument the simulator does not produce was subscribed (an unknown ticker or index, an option on an
 * underlying it does not simulate, a contract that already expired). Reported on `errors$`; the instrument stays
 * subscribed but silent.
 *
 * @example
 * ```ts
 * sim.errors$.subscribe((error) => {
 *   if (error instanceof SimUnsupportedInstrumentError) console.warn(error.shortMessage)
 * })
 * ```
 */
export class SimUnsupportedInstrumentError extends PermanentError {
  override name = 'SimUnsupportedInstrumentError'
}
