import { TickArchiveError } from '../tickArchiveError.js'

/** Cursor over bytes written by {@link ByteWriter}; every read is bounds-checked. */
export class ByteReader {
  offset: number
  private readonly view: DataView

  constructor(
    private readonly bytes: Uint8Array,
    start = 0,
    private readonly end = bytes.length,
  ) {
    this.offset = start
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  }

  get done(): boolean {
    return this.offset >= this.end
  }

  byte(): number {
    if (this.offset >= this.end) throw new TickArchiveError('unexpected end of data', this.offset)
    return this.bytes[this.offset++] as number
  }

  uvarint(): number {
    // One byte (values below 128) is by far the most common varint in a tick archive.
    if (this.offset < this.end) {
      const first = this.bytes[this.offset] as number
      if (first < 0x80) {
        this.offset++
        return first
      }
    }
    let result = 0
    let multiplier = 1
    for (let shift = 0; shift < 8; shift++) {
      if (this.offset >= this.end) throw new TickArchiveError('truncated varint', this.offset)
      const b = this.bytes[this.offset++] as number
      result += (b & 0x7f) * multiplier
      if (b < 0x80) return result
      multiplier *= 0x80
    }
    throw new TickArchiveError('varint longer than 8 bytes', this.offset)
  }

  svarint(): number {
    const z = this.uvarint()
    // `& 1` keeps the parity of any safe integer (ToInt32 reduces modulo 2^32), and is cheaper than `% 2`.
    return (z & 1) === 0 ? z / 2 : -(z + 1) / 2
  }

  float64(): number {
    if (this.offset + 8 > this.end) throw new TickArchiveError('truncated float64', this.offset)
    const value = this.view.getFloat64(this.offset, true)
    this.offset += 8
    return value
  }

  slice(length: number): Uint8Array {
    if (this.offset + length > this.end) throw new TickArchiveError('truncated section', this.offset)
    const out = this.bytes.subarray(this.offset, this.offset + length)
    this.offset += length
    return out
  }
}
