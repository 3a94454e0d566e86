import type { OptionStructure } from '../../orders/optionStructures.js'
import type { SignalDirection, TradingSignal } from '../strategy.js'
import { clamp01 } from './confidence.js'

/** The fields of a signal a strategy decides; the rest comes from the context. */
export interface SignalDraft {
  /** Underlying symbol. */
  readonly underlying: string
  /** Market view. */
  readonly direction: SignalDirection
  /** Structure to open. */
  readonly structure: OptionStructure
  /** Conviction before clamping. */
  readonly confidence: number
  /** Why. */
  readonly reason: string
}

/**
 * A frozen signal stamped with the strategy id and the decision time, confidence clamped to [0, 1].
 *
 * @param strategyId - Id of the strategy.
 * @param nowMs - Decision time from the context.
 * @param draft - What the strategy decided.
 * @returns The signal.
 * @example
 * ```ts
 * toSignal('pin-risk', context.nowMs, draft)
 * ```
 */
export function toSignal(strategyId: string, nowMs: number, draft: SignalDraft): TradingSignal {
  return Object.freeze({
    strategyId,
    underlying: draft.underlying,
    direction: draft.direction,
    structure: draft.structure,
    confidence: clamp01(draft.confidence),
    reason: draft.reason,
    timestampMs: nowMs,
  })
}

/**
 * The draft with the highest confidence; ties go to the earliest (the configured underlying order), so the
 * choice is deterministic.
 *
 * @param drafts - Candidate drafts, in configured order.
 * @returns The best draft, or `undefined` when there is none.
 * @example
 * ```ts
 * const best = strongest(['SPY', 'QQQ'].map(evaluateOne))
 * ```
 */
export function strongest(drafts: readonly (SignalDraft | undefined)[]): SignalDraft | undefined {
  let best: SignalDraft | undefined
  for (const draft of drafts) {
    if (draft && (!best || draft.confidence > best.confidence)) best = draft
  }
  return best
}

/**
 * Formats a price or level for a reason text, two decimals.
 *
 * @param value - The number.
 * @returns The text.
 * @example
 * ```ts
 * fmt(601.234) // '601.23'
 * ```
 */
export function fmt(value: number): string {
  return value.toFixed(2)
}
