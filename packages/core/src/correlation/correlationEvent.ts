/** Kinds of {@link CorrelationEvent}. */
export const CorrelationEventKind = {
  /** A pair's correlation fell below the breakdown threshold. */
  BreakdownStarted: 'breakdown_started',
  /** A pair's correlation recovered to the threshold plus the recovery margin. */
  BreakdownEnded: 'breakdown_ended',
  /** A pair's return spread moved |z| ≥ the threshold away from its rolling mean. */
  Divergence: 'divergence',
} as const
/** One of {@link CorrelationEventKind}. */
export type CorrelationEventKind = (typeof CorrelationEventKind)[keyof typeof CorrelationEventKind]

/** A pair entered or left a correlation breakdown on one window. */
export interface BreakdownEvent {
  /** `breakdown_started` or `breakdown_ended`. */
  readonly kind: typeof CorrelationEventKind.BreakdownStarted | typeof CorrelationEventKind.BreakdownEnded
  /** Sample time, epoch milliseconds. */
  readonly timestampMs: number
  /** First instrument id. */
  readonly a: string
  /** Second instrument id. */
  readonly b: string
  /** Window length in returns. */
  readonly windowObservations: number
  /** Correlation that triggered the event. */
  readonly correlation: number
  /** Breakdown threshold in force. */
  readonly threshold: number
}

/** The return spread of a pair diverged from its rolling distribution. */
export interface DivergenceEvent {
  /** `divergence`. */
  readonly kind: typeof CorrelationEventKind.Divergence
  /** Sample time, epoch milliseconds. */
  readonly timestampMs: number
  /** First instrument id. */
  readonly a: string
  /** Second instrument id. */
  readonly b: string
  /** Log return of `a` minus log return of `b` over the last interval. */
  readonly spread: number
  /** Mean of the previous spreads in the window. */
  readonly mean: number
  /** Sample standard deviation of the previous spreads in the window. */
  readonly std: number
  /** (spread − mean) / std; positive when `a` outperformed. */
  readonly zScore: number
  /** Window length in returns. */
  readonly windowObservations: number
  /** |z| threshold in force. */
  readonly threshold: number
}

/** An event of the correlation analytics. */
export type CorrelationEvent = BreakdownEvent | DivergenceEvent
