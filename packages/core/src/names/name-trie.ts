import { ITAIJI_CHAR_FOLDS } from '../text/itaiji.js';

/**
 * Dictionary names keyed by UTF-16 code unit, so a detector can ask "which names start here?" of a text in one walk
 * instead of slicing and hashing one candidate string per length. Keys are stored itaiji-folded and every text
 * character is folded on the way in, exactly as foldItaiji() would fold a slice, so a walk finds what a lookup of
 * the folded slice finds.
 *
 * Nodes are numbers. The root's children sit in a table indexed by code unit (every walk starts there, and it
 * answers "can a name start here?"); the other edges live in one open-addressing table of (parent node, code unit,
 * child) triples laid side by side, so a probe reads one cache line. A step is a multiply, a mask and a few loads
 * of neighbouring words, where a Map per node cost a hash-map probe and kept ~100k small maps alive, and three
 * separate arrays cost three cache misses per step on this table of a few megabytes (surname walks ran for six
 * kanji runs in ten).
 */

// Folds as an array: one indexed load per character on the hot path (foldItaiji's Map is fine for whole strings).
let FOLD: Uint16Array | undefined;
function foldTable(): Uint16Array {
  if (FOLD === undefined) {
    FOLD = new Uint16Array(0x10000);
    for (const [from, to] of ITAIJI_CHAR_FOLDS) FOLD[from] = to;
  }
  return FOLD;
}

const EMPTY = -1;
// Words per edge slot: parent node, code unit, child node, and one unused word so a slot never straddles a line.
const STRIDE = 4;
const slotOf = (node: number, c: number, mask: number): number => (Math.imul(node, 0x9e3779b1) ^ c) & mask;

export class NameTrie<T> {
  readonly #fold = foldTable();
  /** The root's child along each (folded) code unit, or -1: most units start no name. */
  readonly #root = new Int32Array(0x10000).fill(EMPTY);
  /** values[node]: the name that ends at the node, if any. Node 0 is the root. */
  readonly #values: (T | undefined)[] = [undefined];
  #mask = 1023;
  /** Slot i of the edge table at i * STRIDE: parent (-1 when free), unit, child. */
  #slots = new Int32Array(1024 * STRIDE).fill(EMPTY);
  #edges = 0;

  /** The child of `node` along code unit `c` (already folded), or -1. */
  #step(node: number, c: number): number {
    if (node === 0) return this.#root[c] as number;
    const slots = this.#slots;
    const mask = this.#mask;
    for (let i = slotOf(node, c, mask); ; i = (i + 1) & mask) {
      const at = i * STRIDE;
      const p = slots[at] as number;
      if (p === EMPTY) return EMPTY;
      if (p === node && slots[at + 1] === c) return slots[at + 2] as number;
    }
  }

  #insert(node: number, c: number, child: number): void {
    if (node === 0) {
      this.#root[c] = child;
      return;
    }
    const mask = this.#mask;
    let i = slotOf(node, c, mask);
    while (this.#slots[i * STRIDE] !== EMPTY) i = (i + 1) & mask;
    this.#slots[i * STRIDE] = node;
    this.#slots[i * STRIDE + 1] = c;
    this.#slots[i * STRIDE + 2] = child;
    this.#edges++;
  }

  /** Doubles the edge table when it is half full, so probes stay short. */
  #grow(): void {
    const old = this.#slots;
    const size = (this.#mask + 1) * 2;
    this.#mask = size - 1;
    this.#slots = new Int32Array(size * STRIDE).fill(EMPTY);
    this.#edges = 0;
    for (let at = 0; at < old.length; at += STRIDE) {
      if (old[at] !== EMPTY) this.#insert(old[at] as number, old[at + 1] as number, old[at + 2] as number);
    }
  }

  /** Adds a name; `key` must already be folded. The first value added for a key wins. */
  add(key: string, value: T): void {
    let node = 0;
    for (let i = 0; i < key.length; i++) {
      const c = key.charCodeAt(i);
      let next = this.#step(node, c);
      if (next === EMPTY) {
        if (2 * (this.#edges + 1) > this.#mask + 1) this.#grow();
        next = this.#values.length;
        this.#values.push(undefined);
        this.#insert(node, c, next);
      }
      node = next;
    }
    this.#values[node] ??= value;
  }

  /** False when no stored name starts with the text's unit `c` (after folding), so prefixes() would find none. */
  canStartWith(c: number): boolean {
    return this.#root[this.#fold[c] || c] !== EMPTY;
  }

  /** The value of the name spelled by text[start, end), or undefined. */
  get(text: string, start: number, end: number): T | undefined {
    if (start >= end) return undefined;
    let node = 0;
    for (let i = start; i < end; i++) {
      const c = text.charCodeAt(i);
      node = this.#step(node, this.#fold[c] || c);
      if (node === EMPTY) return undefined;
    }
    return this.#values[node];
  }

  /**
   * The values of the names that start at `start`, by length: element L is the name text[start, start + L), for
   * 1 ≤ L ≤ maxLength (element 0 is unused; elements past the walk are absent, i.e. undefined). The walk stops as
   * soon as no longer name can follow.
   */
  prefixes(text: string, start: number, maxLength: number): (T | undefined)[] {
    // Written in order from element 1, so the array ends at the walk's end.
    const out: (T | undefined)[] = [undefined];
    this.prefixesInto(text, start, maxLength, out);
    return out;
  }

  /**
   * prefixes() written into `out` instead of a new array, for a caller that walks at most every kanji run: returns
   * how far the walk got (k), with out[L] set for 1 ≤ L ≤ k; elements past k are left as they were.
   */
  prefixesInto(text: string, start: number, maxLength: number, out: (T | undefined)[]): number {
    let node = 0;
    const end = Math.min(text.length, start + maxLength);
    let i = start;
    for (; i < end; i++) {
      const c = text.charCodeAt(i);
      node = this.#step(node, this.#fold[c] || c);
      if (node === EMPTY) break;
      out[i - start + 1] = this.#values[node];
    }
    return i - start;
  }
}
