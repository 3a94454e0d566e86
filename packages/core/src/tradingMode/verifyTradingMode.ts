import { filter, firstValueFrom } from 'rxjs'
import type { BrokerInterface } from '../execution/brokerInterface.js'
import type { TradingMode } from '../trading/types.js'
import type { TradingModeConfig } from './tradingModeConfig.js'
import { TradingModeError } from './tradingModeError.js'

/** What the broker reported once connected. */
export interface ConnectedAccount {
  /** Broker account id. */
  readonly accountId: string
  /** The broker's mode. */
  readonly mode: TradingMode
}

/**
 * Checks a trading-mode config against the account a broker is connected to, synchronously.
 *
 * Paper needs a paper broker. Live needs a live broker, `liveTrading.confirmAccountId`, and that id must equal
 * the connected account id (compared exactly, after trimming).
 *
 * @param config - Parsed trading-mode config.
 * @param connected - Account id and mode the broker reports.
 * @returns The confirmed mode, to stamp on every order, event and log line.
 * @throws {TradingModeError} When the mode is not confirmed or does not match the broker.
 * @example
 * ```ts
 * const mode = assertTradingMode({ mode: 'paper' }, { accountId: 'PAPER-1', mode: 'paper' }) // 'paper'
 * ```
 */
export function assertTradingMode(config: TradingModeConfig, connected: ConnectedAccount): TradingMode {
  if (config.mode !== connected.mode) {
    throw new TradingModeError(
      'broker_mode_mismatch',
      `Refusing to start: config asks for ${config.mode} trading but the broker is ${connected.mode}`,
      'Set mode to match the broker, or connect the broker for the intended mode.',
    )
  }
  if (config.mode === 'paper') return 'paper'
  const confirm = config.liveTrading?.confirmAccountId
  if (confirm === undefined) {
    throw new TradingModeError(
      'live_not_confirmed',
      'Refusing to start live trading: liveTrading.confirmAccountId is missing',
      `Add liveTrading: { confirmAccountId: '${connected.accountId}' } if this is the account to trade with real money.`,
    )
  }
  if (confirm.trim() !== connected.accountId) {
    throw new TradingModeError(
      'account_mismatch',
      `Refusing to start live trading: confirmed account ${confirm.trim()} is not the connected account ${connected.accountId}`,
    )
  }
  return 'live'
}

/**
 * Waits until the broker is connected, then checks the trading-mode config against it (see
 * {@link assertTradingMode}). Call it after `broker.connect()` and before creating the order manager.
 *
 * @param config - Parsed trading-mode config.
 * @param broker - The broker, connecting or connected.
 * @returns The confirmed mode.
 * @throws {TradingModeError} When the broker closes before connecting, or the mode is not confirmed.
 * @example
 * ```ts
 * await broker.connect()
 * const mode = await verifyTradingMode(parseConfig(tradingModeConfigSchema, {}, 'trading mode'), broker)
 * ```
 */
export async function verifyTradingMode(config: TradingModeConfig, broker: BrokerInterface): Promise<TradingMode> {
  const state = await firstValueFrom(
    broker.state$.pipe(filter((s) => s.status === 'connected' || s.status === 'closed')),
  )
  if (state.status !== 'connected') {
    throw new TradingModeError(
      'broker_not_connected',
      `Refusing to start: broker ${broker.name} closed before connecting`,
    )
  }
  if (broker.mode !== state.mode) {
    throw new TradingModeError(
      'broker_mode_mismatch',
      `Refusing to start: broker ${broker.name} declares ${broker.mode} but its connection reports ${state.mode}`,
    )
  }
  return assertTradingMode(config, { accountId: state.accountId, mode: state.mode })
}
