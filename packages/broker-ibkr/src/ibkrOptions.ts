import { parseConfig } from '@smart-0dte/core'
import { z } from 'zod'

/** Well-known TWS / IB Gateway API ports. Paper ports are the defaults everywhere in the SDK. */
export const IbkrPort = {
  /** Trader Workstation, paper account. */
  TwsPaper: 7497,
  /** Trader Workstation, live account. */
  TwsLive: 7496,
  /** IB Gateway, paper account. */
  GatewayPaper: 4002,
  /** IB Gateway, live account. */
  GatewayLive: 4001,
} as const
/** One of {@link IbkrPort}. */
export type IbkrPort = (typeof IbkrPort)[keyof typeof IbkrPort]

/** Schema of the options of the IBKR broker and feed. */
export const ibkrOptionsSchema = z.object({
  /** Host of TWS or IB Gateway. @default '127.0.0.1' */
  host: z.string().min(1).default('127.0.0.1'),
  /** API port. @default 7497 (TWS paper) */
  port: z.number().int().min(1).max(65_535).default(IbkrPort.TwsPaper),
  /** API client id; each concurrent connection to the same TWS needs its own. @default 0 */
  clientId: z.number().int().min(0).max(2_147_483_647).default(0),
  /** Account to trade when the login has several; the first managed account otherwise. */
  accountId: z
    .string()
    .regex(/^[A-Z]{1,3}\d{3,12}$/, 'must look like an IB account id such as DU1234567 or U1234567')
    .optional(),
  /** How long to wait for the API handshake, in milliseconds. @default 10000 */
  connectTimeoutMs: z.number().int().positive().default(10_000),
})

/** Options of the IBKR broker and feed, as accepted from users. */
export type IbkrOptionsInput = z.input<typeof ibkrOptionsSchema>
/** Options of the IBKR broker and feed after validation and defaults. */
export type IbkrOptions = z.output<typeof ibkrOptionsSchema>

/**
 * Validates IBKR connection options and applies defaults.
 *
 * @param input - Raw options.
 * @returns Validated options.
 * @throws {ConfigError} Naming each bad field.
 * @example
 * ```ts
 * const options = parseIbkrOptions({ port: IbkrPort.GatewayPaper })
 * ```
 */
export function parseIbkrOptions(input: IbkrOptionsInput = {}): IbkrOptions {
  return parseConfig(ibkrOptionsSchema, input, 'IBKR options')
}

/**
 * Whether a port is one of the well-known live-trading ports. Live trading still needs the explicit
 * confirmation of the trading-mode guard; this only lets the adapter warn early.
 *
 * @param port - API port.
 * @returns `true` for 7496 and 4001.
 */
export function isLivePort(port: number): boolean {
  return port === IbkrPort.TwsLive || port === IbkrPort.GatewayLive
}
