import { parseConfig, Secret } from '@smart-0dte/core'
import { z } from 'zod'

/** Datasets this SDK reads: OPRA options, Cboe/Nasdaq equities, CME Globex futures. */
export const DatabentoDataset = {
  /** OPRA consolidated US options. */
  OpraPillar: 'OPRA.PILLAR',
  /** Nasdaq TotalView-ITCH equities. */
  XnasItch: 'XNAS.ITCH',
  /** Databento US Equities Basic. */
  DbeqBasic: 'DBEQ.BASIC',
  /** CME Globex MDP 3.0 futures. */
  GlbxMdp3: 'GLBX.MDP3',
} as const
/** One of {@link DatabentoDataset}. */
export type DatabentoDataset = (typeof DatabentoDataset)[keyof typeof DatabentoDataset]

/** Schema of the options of the Databento feed. */
export const databentoOptionsSchema = z.object({
  /** Databento API key (`db-` followed by 29 characters); redacted everywhere. */
  apiKey: z
    .string()
    .regex(/^db-[A-Za-z0-9]{29}$/, 'must be "db-" followed by 29 letters or digits')
    .transform((value) => new Secret(value)),
  /** Dataset to stream. @default 'OPRA.PILLAR' */
  dataset: z.enum(DatabentoDataset).default(DatabentoDataset.OpraPillar),
  /** Override of the live gateway host (`host:port`), for tests against a local gateway. */
  liveGateway: z
    .string()
    .regex(/^[A-Za-z0-9.-]+:\d{1,5}$/, 'must be host:port')
    .optional(),
  /** Override of the historical API base URL, for tests against a local server. */
  historicalUrl: z.url().optional(),
})

/** Options of the Databento feed, as accepted from users. */
export type DatabentoOptionsInput = z.input<typeof databentoOptionsSchema>
/** Options of the Databento feed after validation and defaults. */
export type DatabentoOptions = z.output<typeof databentoOptionsSchema>

/**
 * Validates Databento options and applies defaults. The API key becomes a `Secret`.
 *
 * @param input - Raw options.
 * @returns Validated options.
 * @throws {ConfigError} Naming each bad field, never echoing the key.
 * @example
 * ```ts
 * const options = parseDatabentoOptions({ apiKey: process.env.DATABENTO_API_KEY ?? '' })
 * ```
 */
export function parseDatabentoOptions(input: DatabentoOptionsInput): DatabentoOptions {
  return parseConfig(databentoOptionsSchema, input, 'Databento options')
}

/**
 * Live subscription gateway of a dataset: the dataset code lower-cased with dots turned into dashes, on
 * `lsg.databento.com` port 13000.
 *
 * @param dataset - Dataset code.
 * @returns `host:port` of the live gateway.
 * @example
 * ```ts
 * liveGatewayFor('OPRA.PILLAR') // 'opra-pillar.lsg.databento.com:13000'
 * ```
 */
export function liveGatewayFor(dataset: DatabentoDataset): string {
  return `${dataset.toLowerCase().replaceAll('.', '-')}.lsg.databento.com:13000`
}
