import { PermanentError } from '../errors/baseError.js'

/**
 * A line of an NDJSON recording is not a valid market event: not JSON, an unknown `type`, or a field that failed
 * validation. Depending on the reader's `onMalformed` option the line is reported and skipped, or the replay
 * stops with this error. Either way it is never silently lost.
 *
 * @example
 * ```ts
 * feed.errors$.subscribe((error) => {
 *   if (error instanceof ReplayLineError) console.error(`line ${error.lineNumber}: ${error.reason}`)
 * })
 * ```
 */
export class ReplayLineError extends PermanentError {
  override name = 'ReplayLineError'
  /** 1-based line number in the recording. */
  readonly lineNumber: number
  /** What is wrong with the line. */
  readonly reason: string

  constructor(lineNumber: number, reason: string, line: string) {
    super(`Malformed recording line ${lineNumber}: ${reason}`, {
      details: line.length > 200 ? `${line.slice(0, 200)}…` : line,
      metaMessages: ["Set onMalformed: 'skip' to report such lines and carry on."],
      docsPath: 'guides/replay.md',
    })
    this.lineNumber = lineNumber
    this.reason = reason
  }
}

/**
 * Reading a replay source failed (file missing, I/O error, the source iterable threw).
 *
 * @example
 * ```ts
 * await replay.connect().catch((error) => {
 *   if (error instanceof ReplaySourceError) console.error(error.shortMessage)
 * })
 * ```
 */
export class ReplaySourceError extends PermanentError {
  override name = 'ReplaySourceError'
}
