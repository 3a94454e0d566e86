import { PermanentError } from './baseError.js'

/** One problem found in a config object. */
export interface ConfigIssue {
  /** Dotted path of the field, for example `risk.maxContractsPerOrder`; empty for the whole object. */
  path: string
  /** Why the value is not accepted. */
  reason: string
}

/**
 * A config object failed validation. The message names every offending field and the reason, in one readable
 * error; `issues` has them structured.
 *
 * @example
 * ```ts
 * try {
 *   parseConfig(riskLimitsSchema, input, 'risk limits')
 * } catch (error) {
 *   if (error instanceof ConfigError) console.error(error.issues)
 * }
 * ```
 */
export class ConfigError extends PermanentError {
  override name = 'ConfigError'
  /** Every problem found, in order. */
  readonly issues: readonly ConfigIssue[]
  /** What was being configured, for example `ibkr broker options`. */
  readonly configName: string

  constructor(configName: string, issues: readonly ConfigIssue[]) {
    const list = issues.map((issue) => `${issue.path || '(root)'}: ${issue.reason}`)
    super(`Invalid ${configName}: ${list.join('; ')}`, { docsPath: 'guides/configuration.md' })
    this.issues = issues
    this.configName = configName
  }
}
