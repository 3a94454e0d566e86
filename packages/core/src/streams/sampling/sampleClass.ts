import { z } from 'zod'

/** Kinds of data the session-aware sampler paces differently. */
export const SampleClass = {
  /** Underlying quotes and trades (SPY, QQQ, IWM, SPX). */
  Underlying: 'underlying',
  /** Option quotes, greeks and IV. */
  Option: 'option',
  /** The VIX family (volatility regime input). */
  Volatility: 'volatility',
  /** Correlation statistics between underlyings. */
  Correlation: 'correlation',
} as const
/** One of {@link SampleClass}. */
export type SampleClass = (typeof SampleClass)[keyof typeof SampleClass]

const intervalMs = z.number().positive()

const classIntervals = (defaults: Record<SampleClass, number>) =>
  z
    .object({
      underlying: intervalMs.default(defaults.underlying),
      option: intervalMs.default(defaults.option),
      volatility: intervalMs.default(defaults.volatility),
      correlation: intervalMs.default(defaults.correlation),
    })
    .prefault({})

/**
 * Sampling interval in milliseconds per session phase and {@link SampleClass}. Defaults follow the project's
 * requirements: regular hours 1 s underlyings, 5 s options, 30 s VIX, 60 s correlation; pre-market and after hours
 * 30 s underlyings and VIX, 5 min options; the final hour before an expiration 500 ms underlyings and 2 s options;
 * closed hours (overnight, weekends, holidays) hourly.
 */
export const sampleIntervalsSchema = z
  .object({
    /** 09:30 to the regular close. */
    regular: classIntervals({ underlying: 1_000, option: 5_000, volatility: 30_000, correlation: 60_000 }),
    /** Pre-market (04:00–09:30) and after hours (close–20:00). */
    extended: classIntervals({ underlying: 30_000, option: 300_000, volatility: 30_000, correlation: 300_000 }),
    /** The hour before the expiring series of the instrument stop trading, on a day it has an expiration. */
    finalHour: classIntervals({ underlying: 500, option: 2_000, volatility: 30_000, correlation: 60_000 }),
    /** Overnight, weekends and holidays. */
    closed: classIntervals({
      underlying: 3_600_000,
      option: 3_600_000,
      volatility: 3_600_000,
      correlation: 3_600_000,
    }),
  })
  .prefault({})
/** Parsed {@link sampleIntervalsSchema}. */
export type SampleIntervals = z.output<typeof sampleIntervalsSchema>
/** Input of {@link sampleIntervalsSchema}: any subset of phases and classes. */
export type SampleIntervalsInput = z.input<typeof sampleIntervalsSchema>
