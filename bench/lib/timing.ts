/** Keeps benchmark results observable so the JIT cannot drop the measured work. */
const sink = { value: 0 }

/** CPU time this process has used, in seconds (user + system). */
function cpuSeconds(): number {
  const usage = process.cpuUsage()
  return (usage.user + usage.system) / 1e6
}

/**
 * Runs `body` repeatedly and returns the best throughput seen, in operations per CPU second of this process.
 * CPU time rather than wall time, so a round in which the OS ran other processes on our core is not counted as
 * our slowness; best-of-N filters what remains (cache and frequency effects). A warm-up round lets the JIT
 * optimise first. Each round repeats `body` until it has used at least 20 ms of CPU.
 *
 * @param operations - Operations one call of `body` performs.
 * @param body - The measured work; returns any number derived from its results.
 * @param rounds - Measured rounds after the warm-up.
 * @returns Operations per CPU second in the fastest round.
 */
export function bestThroughput(operations: number, body: () => number, rounds = 15): number {
  sink.value += body()
  let best = 0
  for (let round = 0; round < rounds; round++) {
    const start = cpuSeconds()
    let calls = 0
    let elapsed = 0
    do {
      sink.value += body()
      calls++
      elapsed = cpuSeconds() - start
    } while (elapsed < 0.02)
    const rate = (operations * calls) / elapsed
    if (rate > best) best = rate
  }
  return best
}
