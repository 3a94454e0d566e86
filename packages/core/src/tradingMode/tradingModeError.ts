import { PermanentError } from '../errors/baseError.js'

/** Why a trading mode was refused. */
export const TradingModeErrorReason = {
  /** `mode: 'live'` without `liveTrading.confirmAccountId`. */
  LiveNotConfirmed: 'live_not_confirmed',
  /** The confirmed account id differs from the account the broker is connected to. */
  AccountMismatch: 'account_mismatch',
  /** The broker trades in another mode than the config asks for (a live broker under a paper config). */
  BrokerModeMismatch: 'broker_mode_mismatch',
  /** The broker never reached the connected state. */
  BrokerNotConnected: 'broker_not_connected',
} as const
/** One of {@link TradingModeErrorReason}. */
export type TradingModeErrorReason = (typeof TradingModeErrorReason)[keyof typeof TradingModeErrorReason]

/**
 * The system refuses to start because the trading mode is not confirmed or does not match the broker. Never
 * retryable: a person must fix the config.
 *
 * @example
 * ```ts
 * try {
 *   await verifyTradingMode(config, broker)
 * } catch (error) {
 *   if (error instanceof TradingModeError && error.reason === 'account_mismatch') process.exit(1)
 * }
 * ```
 */
export class TradingModeError extends PermanentError {
  override name = 'TradingModeError'
  /** Why the mode was refused. */
  readonly reason: TradingModeErrorReason

  constructor(reason: TradingModeErrorReason, message: string, details?: string) {
    super(message, { docsPath: 'guides/trading-mode.md', ...(details === undefined ? {} : { details }) })
    this.reason = reason
  }
}
