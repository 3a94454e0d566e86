import { Observable } from 'rxjs'
import { HotSubject } from '../../internal/hotSubject.js'
import type { QualityReport } from '../qualityReport.js'
import type { Validator } from '../validator.js'
import type { ParsedValidatorOptions } from '../validatorOptions.js'
import type { Stamped } from './sequenceGuard.js'
import { TickInspector, type TickRules } from './tickInspector.js'

/**
 * Builds a {@link Validator} from the kind-specific rules plus the shared time, ordering and spike rules.
 *
 * @param options - Parsed shared options.
 * @param rules - Quote or trade rules.
 * @returns The validator.
 */
export function createTickValidator<T extends Stamped & { readonly source?: string }>(
  options: ParsedValidatorOptions,
  rules: TickRules<T>,
): Validator<T> {
  // Index values flag an incident on every tick, so reports go out without RxJS's per-value closure.
  const reports = new HotSubject<QualityReport>()
  const inspector = new TickInspector(options, rules, reports)

  const operator = <E extends T>(source: Observable<E>): Observable<E> =>
    new Observable<E>((subscriber) =>
      source.subscribe({
        next: (event) => {
          if (inspector.passes(event)) subscriber.next(event)
        },
        error: (error: unknown) => subscriber.error(error),
        complete: () => subscriber.complete(),
      }),
    )

  const report = (): QualityReport => inspector.ledger.report(options.clock.now())
  const quality$ = new Observable<QualityReport>((subscriber) => {
    subscriber.next(report())
    return reports.attach(subscriber)
  })
  return { operator, quality$, report }
}
