/** Growable byte buffer with unsigned LEB128 varints and zig-zag signed varints. */
export class ByteWriter {
  private buffer: Uint8Array
  private view: DataView
  length = 0

  constructor(initialCapacity = 1024) {
    this.buffer = new Uint8Array(initialCapacity)
    this.view = new DataView(this.buffer.buffer)
  }

  private ensure(extra: number): void {
    if (this.length + extra <= this.buffer.length) return
    let capacity = this.buffer.length * 2
    while (capacity < this.length + extra) capacity *= 2
    const next = new Uint8Array(capacity)
    next.set(this.buffer.subarray(0, this.length))
    this.buffer = next
    this.view = new DataView(next.buffer)
  }

  byte(value: number): void {
    this.ensure(1)
    this.buffer[this.length++] = value
  }

  /** Unsigned varint for integers in [0, 2^53). */
  uvarint(value: number): void {
    this.ensure(8)
    let v = value
    while (v >= 0x80) {
      this.buffer[this.length++] = (v % 0x80) | 0x80
      v = Math.floor(v / 0x80)
    }
    this.buffer[this.length++] = v
  }

  /** Signed varint (zig-zag) for integers in (-2^52, 2^52). */
  svarint(value: number): void {
    this.uvarint(value >= 0 ? value * 2 : -value * 2 - 1)
  }

  float64(value: number): void {
    this.ensure(8)
    this.view.setFloat64(this.length, value, true)
    this.length += 8
  }

  bytes(data: Uint8Array): void {
    this.ensure(data.length)
    this.buffer.set(data, this.length)
    this.length += data.length
  }

  /** A copy of the bytes written so far. */
  finish(): Uint8Array {
    return this.buffer.slice(0, this.length)
  }

  reset(): void {
    this.length = 0
  }
}
