/**
 * A fixed-size uniform sample of a stream (Vitter's algorithm R) with its own seeded generator, so a profile of
 * the same input is the same on every run and memory stays at `size` items whatever the stream length.
 * @internal
 */
export class Reservoir<T> {
  readonly items: T[] = [];
  private seen = 0;
  private state: number;

  constructor(
    private readonly size: number,
    seed = 0x9e3779b9,
    /** Applied to an item when it is stored (not when it is passed over): e.g. copying it out of a larger buffer. */
    private readonly keep: (item: T) => T = (item) => item,
  ) {
    this.state = seed >>> 0 || 1;
  }

  add(item: T): void {
    this.seen++;
    if (this.items.length < this.size) {
      this.items.push(this.keep(item));
      return;
    }
    const j = Math.floor(this.next() * this.seen);
    if (j < this.size) this.items[j] = this.keep(item);
  }

  /** How many items were offered. */
  get count(): number {
    return this.seen;
  }

  /** xorshift32 in [0, 1): cheap and deterministic; a sample needs no cryptographic randomness. */
  private next(): number {
    let x = this.state;
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    this.state = x >>> 0;
    return this.state / 0x1_0000_0000;
  }
}
