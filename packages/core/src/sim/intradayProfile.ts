/** Shape of the U-curve of intraday activity or variance: a level of 1 plus decaying bursts at open and close. */
export interface UShape {
  /** Extra intensity at the open, relative to midday (2 = three times the midday level). */
  readonly openBoost: number
  /** Decay length of the opening burst, as a fraction of the session. */
  readonly openDecay: number
  /** Extra intensity at the close, relative to midday. */
  readonly closeBoost: number
  /** Decay length of the closing burst, as a fraction of the session. */
  readonly closeDecay: number
}

/** Intraday trading activity (quotes, trades, volume): busiest in the first minutes, quietest at lunch. */
export const ACTIVITY_U_SHAPE: UShape = { openBoost: 2.2, openDecay: 0.05, closeBoost: 1.6, closeDecay: 0.04 }

/** Intraday variance: the open is the most volatile part of the day, the close less so. */
export const VARIANCE_U_SHAPE: UShape = { openBoost: 1.8, openDecay: 0.04, closeBoost: 0.7, closeDecay: 0.05 }

/**
 * A U-shaped intraday profile normalised to a mean of 1 over the session, with its integral. Used for activity
 * (so a rate parameter is the session average) and for variance (so a day's variance is unchanged by the shape).
 */
export interface IntradayProfile {
  /** Multiplier at session fraction `f` ∈ [0, 1] (0 = open, 1 = close); averages 1 over the session. */
  at(f: number): number
  /** Integral of the multiplier from the open to `f`: the fraction of the day's total that has happened. */
  cumulative(f: number): number
  /**
   * Both {@link IntradayProfile.at} and {@link IntradayProfile.cumulative} at `f`, sharing their exponentials
   * (the simulator needs both at every step); each equals what the single call returns, bit for bit.
   *
   * @param f - Session fraction.
   * @param out - Receives `at(f)` in `out[0]` and `cumulative(f)` in `out[1]`.
   */
  sample(f: number, out: Float64Array): void
}

/**
 * Builds a normalised {@link IntradayProfile} from a {@link UShape}.
 *
 * @param shape - Boosts and decay lengths.
 * @returns The profile.
 * @example
 * ```ts
 * const activity = intradayProfile(ACTIVITY_U_SHAPE)
 * activity.at(0) > activity.at(0.5) // true: busier at the open than at lunch
 * ```
 */
export function intradayProfile(shape: UShape): IntradayProfile {
  const { openBoost, openDecay, closeBoost, closeDecay } = shape
  // Constant factors of the integral, hoisted out of the per-step calls (same products, same order).
  const openScale = openBoost * openDecay
  const closeScale = closeBoost * closeDecay
  const closeAtOpen = Math.exp(-1 / closeDecay)
  const openMass = openScale * (1 - Math.exp(-1 / openDecay))
  const closeMass = closeScale * (1 - closeAtOpen)
  const norm = 1 / (1 + openMass + closeMass)
  const clamp = (f: number) => Math.min(Math.max(f, 0), 1)
  const level = (openBurst: number, closeBurst: number) => norm * (1 + openBoost * openBurst + closeBoost * closeBurst)
  const integral = (x: number, openBurst: number, closeBurst: number) =>
    norm * (x + openScale * (1 - openBurst) + closeScale * (closeBurst - closeAtOpen))
  return {
    at(f) {
      const x = clamp(f)
      return level(Math.exp(-x / openDecay), Math.exp((x - 1) / closeDecay))
    },
    cumulative(f) {
      const x = clamp(f)
      return integral(x, Math.exp(-x / openDecay), Math.exp((x - 1) / closeDecay))
    },
    sample(f, out) {
      const x = clamp(f)
      const openBurst = Math.exp(-x / openDecay)
      const closeBurst = Math.exp((x - 1) / closeDecay)
      out[0] = level(openBurst, closeBurst)
      out[1] = integral(x, openBurst, closeBurst)
    },
  }
}
