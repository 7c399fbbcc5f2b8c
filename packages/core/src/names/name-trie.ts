import { ITAIJI_CHAR_FOLDS } from '../text/itaiji.js';

/**
 * Dictionary names keyed by UTF-16 code unit, so a detector can ask "which names start here?" of a text in one walk
 * instead of slicing and hashing one candidate string per length. Keys are stored itaiji-folded and every text
 * character is folded on the way in, exactly as foldItaiji() would fold a slice, so a walk finds what a lookup of
 * the folded slice finds.
 */
interface TrieNode<T> {
  value: T | undefined;
  next: Map<number, TrieNode<T>> | undefined;
}

// Folds as an array: one indexed load per character on the hot path (foldItaiji's Map is fine for whole strings).
let FOLD: Uint16Array | undefined;
function foldTable(): Uint16Array {
  if (FOLD === undefined) {
    FOLD = new Uint16Array(0x10000);
    for (const [from, to] of ITAIJI_CHAR_FOLDS) FOLD[from] = to;
  }
  return FOLD;
}

export class NameTrie<T> {
  readonly #root: TrieNode<T> = { value: undefined, next: undefined };
  readonly #fold = foldTable();
  /** First units (folded) of the stored names: a one-load answer to "can a name start here?" (most cannot). */
  readonly #first = new Uint8Array(0x10000);

  /** Adds a name; `key` must already be folded. The first value added for a key wins. */
  add(key: string, value: T): void {
    let node = this.#root;
    if (key.length > 0) this.#first[key.charCodeAt(0)] = 1;
    for (let i = 0; i < key.length; i++) {
      const c = key.charCodeAt(i);
      node.next ??= new Map();
      let child = node.next.get(c);
      if (child === undefined) node.next.set(c, (child = { value: undefined, next: undefined }));
      node = child;
    }
    node.value ??= value;
  }

  /** False when no stored name starts with the text's unit `c` (after folding), so prefixes() would find none. */
  canStartWith(c: number): boolean {
    return this.#first[this.#fold[c] || c] === 1;
  }

  /** The value of the name spelled by text[start, end), or undefined. */
  get(text: string, start: number, end: number): T | undefined {
    let node: TrieNode<T> | undefined = this.#root;
    for (let i = start; i < end && node !== undefined; i++) {
      const c = text.charCodeAt(i);
      node = node.next?.get(this.#fold[c] || c);
    }
    return start < end ? node?.value : undefined;
  }

  /**
   * The values of the names that start at `start`, by length: element L is the name text[start, start + L), for
   * 1 ≤ L ≤ maxLength (element 0 is unused; elements past the walk are absent, i.e. undefined). The walk stops as
   * soon as no longer name can follow.
   */
  prefixes(text: string, start: number, maxLength: number): (T | undefined)[] {
    const out: (T | undefined)[] = [undefined];
    let node: TrieNode<T> | undefined = this.#root;
    const end = Math.min(text.length, start + maxLength);
    for (let i = start; i < end; i++) {
      const c = text.charCodeAt(i);
      node = node.next?.get(this.#fold[c] || c);
      if (node === undefined) break;
      out.push(node.value);
    }
    return out;
  }
}
