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
  const openMass = shape.openBoost * shape.openDecay * (1 - Math.exp(-1 / shape.openDecay))
  const closeMass = shape.closeBoost * shape.closeDecay * (1 - Math.exp(-1 / shape.closeDecay))
  const norm = 1 / (1 + openMass + closeMass)
  const clamp = (f: number) => Math.min(Math.max(f, 0), 1)
  return {
    at(f) {
      const x = clamp(f)
      return (
        norm *
        (1 + shape.openBoost * Math.exp(-x / shape.openDecay) + shape.closeBoost * Math.exp((x - 1) / shape.closeDecay))
      )
    },
    cumulative(f) {
      const x = clamp(f)
      const open = shape.openBoost * shape.openDecay * (1 - Math.exp(-x / shape.openDecay))
      const close =
        shape.closeBoost * shape.closeDecay * (Math.exp((x - 1) / shape.closeDecay) - Math.exp(-1 / shape.closeDecay))
      return norm * (x + open + close)
    },
  }
}
