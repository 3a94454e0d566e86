/**
 * Lets the Node event loop run pending I/O (stream writes, sockets, a `close()` request) before continuing. This
 * is cooperative scheduling, not a timer: no time passes on any clock.
 *
 * @returns A promise settled on the next turn of the event loop.
 */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve))
}
