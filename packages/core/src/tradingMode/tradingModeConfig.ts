import { z } from 'zod'

/**
 * Config of the trading mode. Paper is the default; live trading needs `mode: 'live'` and a confirmation naming
 * the account id the broker must be connected to, so a config copied between machines or a gateway logged into
 * the wrong account cannot trade real money by accident.
 *
 * @example
 * ```ts
 * const config = parseConfig(tradingModeConfigSchema, { mode: 'live', liveTrading: { confirmAccountId: 'U1234567' } }, 'trading mode')
 * ```
 */
export const tradingModeConfigSchema = z
  .object({
    /** `paper` or `live`. @default 'paper' */
    mode: z.enum(['paper', 'live']).default('paper'),
    /** Required for live trading: the account id the broker must report once connected. */
    liveTrading: z
      .object({
        /** Must equal the connected broker account id exactly (for example `U1234567`). */
        confirmAccountId: z.string().trim().min(1, 'must name the live account id'),
      })
      .strict()
      .optional(),
  })
  .strict()

/** Parsed {@link tradingModeConfigSchema}. */
export type TradingModeConfig = z.output<typeof tradingModeConfigSchema>

/** Input of {@link tradingModeConfigSchema}: every field optional. */
export type TradingModeConfigInput = z.input<typeof tradingModeConfigSchema>
