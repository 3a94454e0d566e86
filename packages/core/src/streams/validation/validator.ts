import type { Observable } from 'rxjs'
import type { QualityReport } from './qualityReport.js'

/**
 * A stateful tick validator: `operator` passes good ticks through unchanged and drops bad ones; every drop or flag
 * is counted and published on `quality$`. Nothing it sees makes it throw, malformed objects included. State (last
 * timestamps, spike windows, counts) is shared by every stream the operator is applied to, so use one validator
 * per feed stream.
 */
export interface Validator<T> {
  /** The RxJS operator; the output type is the input type, so enriched subtypes pass through. */
  readonly operator: <E extends T>(source: Observable<E>) => Observable<E>
  /** The report now, then a fresh report after every dropped or flagged tick. */
  readonly quality$: Observable<QualityReport>
  /**
   * The report now.
   *
   * @returns Counts since creation, by rule and by source, with the last incident of each rule.
   */
  report(): QualityReport
}
