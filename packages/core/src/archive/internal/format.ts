/** `S0TA`: Smart-0DTE tick archive. */
export const MAGIC = [0x53, 0x30, 0x54, 0x41] as const
export const FORMAT_VERSION = 1
export const HEADER_FLAG_DEFLATE = 1

/** Per-event flag bits (the low two bits hold the kind). */
export const Flag = {
  KindMask: 0b11,
  Exchange: 1 << 2,
  TimestampNs: 1 << 3,
  RawNumbers: 1 << 4,
  OpenInterest: 1 << 5,
  Volume: 1 << 6,
  Source: 1 << 7,
} as const

/** Columns of a block, in storage order: flags, instrument, time, prices, sizes, extras. */
export const COLUMN_COUNT = 6
