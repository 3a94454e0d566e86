import { PermanentError } from '../errors/baseError.js'

/**
 * A tick archive could not be decoded: wrong magic, unsupported version, truncated or corrupt data. Carries the
 * byte offset where decoding stopped.
 *
 * @example
 * ```ts
 * try {
 *   for (const event of decodeTickArchive(bytes)) handle(event)
 * } catch (error) {
 *   if (error instanceof TickArchiveError) console.error(error.offset)
 * }
 * ```
 */
export class TickArchiveError extends PermanentError {
  override name = 'TickArchiveError'
  /** Byte offset where decoding stopped. */
  readonly offset: number

  constructor(reason: string, offset: number) {
    super(`Corrupt tick archive: ${reason} at byte ${offset}`)
    this.offset = offset
  }
}
