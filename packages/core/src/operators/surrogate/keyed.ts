import { createHmac } from 'node:crypto';

/**
 * A deterministic stream of keyed choices for one value: HMAC-SHA-256(subkey, entity ‖ 0 ‖ value ‖ 0 ‖ counter).
 * The same key, entity and normalised value always give the same choices (referential integrity across
 * files); without the key the choices cannot be predicted or linked back to the value.
 */
export class KeyedChoices {
  private block: Buffer = Buffer.alloc(0);
  private offset = 0;
  private counter = 0;

  constructor(
    private readonly key: Uint8Array,
    private readonly label: string,
    private readonly value: string,
  ) {}

  /** Next uniformly distributed 32-bit unsigned integer. */
  next(): number {
    if (this.offset + 4 > this.block.length) {
      this.block = createHmac('sha256', this.key)
        .update(`${this.label}\u0000${this.value}\u0000${this.counter++}`)
        .digest();
      this.offset = 0;
    }
    const n = this.block.readUInt32BE(this.offset);
    this.offset += 4;
    return n;
  }

  /** Integer in [0, n). The modulo bias is below 2^-20 for the list sizes used here. */
  below(n: number): number {
    return this.next() % n;
  }

  pick<T>(list: readonly T[]): T {
    return list[this.below(list.length)] as T;
  }
}
