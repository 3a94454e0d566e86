import { nyDate } from '../../calendar/newYorkTime.js'
import { nextTradingDay } from '../../calendar/tradingDays.js'
import { tradingSession } from '../../calendar/tradingSession.js'
import { PermanentError } from '../../errors/baseError.js'
import { ACTIVITY_U_SHAPE, type IntradayProfile, intradayProfile, VARIANCE_U_SHAPE } from '../intradayProfile.js'
import { createPrng, hashSeed, type Prng } from '../prng.js'
import { impliedVariance, VIX_FAMILY } from '../volatilityTermStructure.js'
import type { ResolvedSimConfig } from './resolveSimConfig.js'
import { type SimSink, SimUnderlying } from './simUnderlying.js'

/** Milliseconds of a full regular session (09:30–16:00). */
const FULL_SESSION_MS = 23_400_000
const TRADING_DAYS_PER_YEAR = 252
/** Log-price drop per unit of √(variance jump), scaled by each underlying's volatility ratio. */
const JUMP_PRICE_SENSITIVITY = 0.08

/** The simulated trading day. */
export interface SimDay {
  readonly date: string
  readonly openMs: number
  readonly closeMs: number
  readonly sessionMs: number
  /** Efficient price of each underlying at the open. */
  readonly openPrices: Float64Array
}

/** Hook the option book registers to run inside each step and at each new day. */
export interface SimStepListener {
  /** Whether there is anything to do on steps (any contract subscribed). */
  readonly active: boolean
  onStep(atMs: number, activity: number, sink: SimSink | undefined): void
  onDay(day: SimDay): void
}

/**
 * The simulated market: a Heston-style variance process with jumps driving correlated underlyings, stepped on a
 * fixed grid through each regular session, with U-shaped intraday variance and activity, an overnight gap
 * between sessions, and the VIX family derived from the variance. SIMULATED data, deterministic for a seed.
 */
export class SimMarket {
  readonly underlyings: SimUnderlying[]
  readonly varianceProfile: IntradayProfile = intradayProfile(VARIANCE_U_SHAPE)
  readonly activityProfile: IntradayProfile = intradayProfile(ACTIVITY_U_SHAPE)
  /** Current annualised variance of the market factor (the first underlying at volatility ratio 1). */
  variance: number
  /** Share of the day's trading activity done by the current step (cached once per step). */
  activityDone = 0
  /** Share of the day's session variance still to come after the current step (cached once per step). */
  varianceToCome = 1
  /** Latest VIX-family values, in {@link VIX_FAMILY} order. */
  readonly indexValues = new Float64Array(VIX_FAMILY.length)
  day: SimDay
  /** Next grid instant to process. */
  private nextStepMs: number
  private lastStepMs: number
  private readonly core: Prng
  private readonly normals: Float64Array
  private readonly stepVarianceYears: number
  /** √(1 − ρ²): weight of the variance's own noise next to the market factor's shock. */
  private readonly varianceNoiseWeight: number
  /** Variance and activity profiles at the current step: [level, share done] each. */
  private readonly varianceSample = new Float64Array(2)
  private readonly activitySample = new Float64Array(2)
  private readonly stepTradingYears: number
  private readonly indexEverySteps: number
  private readonly indexIds: string[]
  private listener: SimStepListener | undefined

  constructor(
    readonly config: ResolvedSimConfig,
    startMs: number,
  ) {
    const seed = hashSeed(config.seed, 'sim')
    this.core = createPrng(hashSeed(seed, 'core'))
    this.underlyings = config.underlyings.map(
      (u) => new SimUnderlying(u, createPrng(hashSeed(seed, 'tape', u.symbol)), config.barIntervalMs),
    )
    this.normals = new Float64Array(this.underlyings.length)
    this.variance = config.volatility.initial ** 2
    // Variance time of one step: a full session carries `sessionVarianceShare` of a trading day's variance.
    this.stepVarianceYears =
      (config.stepMs / FULL_SESSION_MS) * (config.volatility.sessionVarianceShare / TRADING_DAYS_PER_YEAR)
    this.stepTradingYears = config.stepMs / FULL_SESSION_MS / TRADING_DAYS_PER_YEAR
    const rho = config.volatility.leverageCorrelation
    this.varianceNoiseWeight = Math.sqrt(1 - rho * rho)
    this.indexEverySteps = config.indexIntervalMs / config.stepMs
    this.indexIds = VIX_FAMILY.map((index) => `^${index.symbol}`)
    this.day = this.makeDay(firstSessionDate(startMs))
    this.nextStepMs = this.day.openMs
    this.lastStepMs = this.day.openMs
    this.updateIndices()
  }

  /** Registers the option book. */
  setListener(listener: SimStepListener): void {
    this.listener = listener
  }

  /** The next instant at which {@link advance} has work. */
  get nextDueMs(): number {
    return Math.min(this.nextStepMs, this.day.closeMs)
  }

  /** Time of the last processed step. */
  get lastStepAtMs(): number {
    return this.lastStepMs
  }

  /**
   * Processes every step due at or before `untilMs` (sessions, closes and day rolls included).
   *
   * @param untilMs - Process steps up to this instant.
   * @param sink - Destination of events; `undefined` simulates silently (catching up to the clock).
   */
  advance(untilMs: number, sink: SimSink | undefined): void {
    for (;;) {
      if (this.nextStepMs < this.day.closeMs) {
        if (this.nextStepMs > untilMs) return
        this.step(this.nextStepMs, sink)
        this.nextStepMs += this.config.stepMs
      } else {
        if (this.day.closeMs > untilMs) return
        this.endDay(sink)
      }
    }
  }

  /**
   * At-the-money implied variance of underlying `index` for an option expiring at the end of today's session:
   * the variance still to come today (the U-shape puts a lot of it in the last hour) plus the short-maturity risk
   * premium.
   *
   * @param ratio - Volatility ratio of the underlying.
   * @returns Total implied variance to the close (σ²·T) at the current step.
   */
  remainingSessionVariance(ratio: number): number {
    const sessionYears =
      (this.day.sessionMs / FULL_SESSION_MS) * (this.config.volatility.sessionVarianceShare / TRADING_DAYS_PER_YEAR)
    return (
      Math.max(this.variance, 0) * ratio * ratio * sessionYears * this.varianceToCome * (1 + this.config.premium.short)
    )
  }

  private step(atMs: number, sink: SimSink | undefined): void {
    const day = this.day
    const stepIndex = (atMs - day.openMs) / this.config.stepMs
    const f = (atMs - day.openMs) / day.sessionMs
    this.varianceProfile.sample(f, this.varianceSample)
    this.activityProfile.sample(f, this.activitySample)
    if (stepIndex > 0) this.diffuse(this.varianceSample[0] as number)
    const activity = this.activitySample[0] as number
    const stepMs = this.config.stepMs
    const stepSeconds = stepMs / 1000
    for (const u of this.underlyings) {
      u.closeBar(atMs - stepMs + 1, false, sink)
      if (stepIndex === 0) u.open(atMs, sink)
      else {
        const scale = activity * stepSeconds
        u.step(atMs, stepMs, u.config.quotesPerSecond * scale, u.config.tradesPerSecond * scale, sink)
      }
    }
    if (stepIndex % this.indexEverySteps === 0) {
      this.updateIndices()
      this.publishIndices(atMs, sink)
    }
    this.lastStepMs = atMs
    if (this.listener?.active) {
      this.activityDone = this.activitySample[1] as number
      this.varianceToCome = 1 - (this.varianceSample[1] as number)
      this.listener.onStep(atMs, activity, sink)
    }
  }

  /** One step of the variance process and the prices, at intraday variance level `varianceLevel`. */
  private diffuse(varianceLevel: number): void {
    const { volatility, process } = this.config
    const core = this.core
    const e = this.normals
    const n = e.length
    for (let i = 0; i < n; i++) e[i] = core.normal()
    const varianceNoise = core.normal()
    const jumpDraw = core.next()
    this.correlate()
    const v = Math.max(this.variance, 0)
    const dt = this.stepTradingYears
    // Full-truncation Euler step of the variance; the market factor's shock also drives it (leverage effect).
    const rho = volatility.leverageCorrelation
    const varianceShock = rho * (e[0] as number) + this.varianceNoiseWeight * varianceNoise
    let next =
      this.variance +
      process.meanReversionPerYear * (process.longRunVariance - v) * dt +
      volatility.volOfVol * Math.sqrt(v * dt) * varianceShock
    let jumpShock = 0
    if (jumpDraw < process.jumpsPerYear * dt) {
      // A variance jump is a stress event: volatility spikes and prices gap down together.
      const jump = process.meanJumpVariance * core.exponential()
      next += jump
      jumpShock = -JUMP_PRICE_SENSITIVITY * Math.sqrt(jump)
    }
    this.variance = next
    this.movePrices(v * varianceLevel * this.stepVarianceYears, jumpShock)
  }

  /** Turns the independent normals in `normals` into correlated ones, in place (z = L·e, last row first). */
  private correlate(): void {
    const l = this.config.cholesky
    const e = this.normals
    const n = e.length
    for (let i = n - 1; i >= 0; i--) {
      let z = 0
      for (let j = 0; j <= i; j++) z += (l[i * n + j] as number) * (e[j] as number)
      e[i] = z
    }
  }

  /** Applies one log-normal move of market variance `variance` (scaled per underlying) plus a jump shock. */
  private movePrices(variance: number, jumpShock: number): void {
    const e = this.normals
    for (let i = 0; i < this.underlyings.length; i++) {
      const u = this.underlyings[i]
      if (!u) continue
      const ratio = u.config.volatilityRatio
      const own = variance * ratio * ratio
      u.previousPrice = u.price
      u.price *= Math.exp(-0.5 * own + Math.sqrt(own) * (e[i] as number) + jumpShock * ratio)
    }
  }

  private endDay(sink: SimSink | undefined): void {
    const closeMs = this.day.closeMs
    for (const u of this.underlyings) u.closeBar(closeMs, true, sink)
    // Overnight: the rest of the day's variance arrives as one correlated gap.
    const e = this.normals
    for (let i = 0; i < e.length; i++) e[i] = this.core.normal()
    this.correlate()
    const gapYears = (1 - this.config.volatility.sessionVarianceShare) / TRADING_DAYS_PER_YEAR
    this.movePrices(Math.max(this.variance, 0) * gapYears, 0)
    this.day = this.makeDay(nextTradingDay(this.day.date))
    this.nextStepMs = this.day.openMs
    this.listener?.onDay(this.day)
  }

  private makeDay(date: string): SimDay {
    const session = tradingSession(date)
    if (!session) throw new PermanentError(`Simulator found no session on ${date}`)
    for (const u of this.underlyings) u.startDay(session.regularOpenMs)
    return {
      date,
      openMs: session.regularOpenMs,
      closeMs: session.regularCloseMs,
      sessionMs: session.regularCloseMs - session.regularOpenMs,
      openPrices: Float64Array.from(this.underlyings, (u) => u.price),
    }
  }

  private updateIndices(): void {
    const ratio = this.underlyings[0]?.config.volatilityRatio ?? 1
    const v = Math.max(this.variance, 0) * ratio * ratio
    VIX_FAMILY.forEach((index, i) => {
      const implied = impliedVariance(v, index.days / 365, this.config.process, this.config.premium)
      this.indexValues[i] = Math.round(100 * Math.sqrt(implied) * 100) / 100
    })
  }

  private publishIndices(atMs: number, sink: SimSink | undefined): void {
    if (!sink) return
    for (let i = 0; i < this.indexIds.length; i++) {
      const id = this.indexIds[i] as string
      if (!sink.wants(id)) continue
      const value = this.indexValues[i] as number
      sink.quote({ instrumentId: id, bid: value, ask: value, bidSize: 0, askSize: 0, timestampMs: atMs, source: 'sim' })
    }
  }
}

/** The first session that has not closed at `startMs`. */
function firstSessionDate(startMs: number): string {
  let date = nyDate(startMs)
  for (
    let session = tradingSession(date);
    !session || session.regularCloseMs <= startMs;
    session = tradingSession(date)
  ) {
    date = nextTradingDay(date)
  }
  return date
}
