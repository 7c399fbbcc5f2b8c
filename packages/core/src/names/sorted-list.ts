/**
 * A word list looked up in place: the text of a file of names sorted by UTF-16 code unit and unique, one a line,
 * each optionally followed by a TAB and a mark, after `#` header lines. A lookup binary-searches the text itself.
 * Building a Map of en-last.txt's 197k names cost ~0.1-0.2 s of CPU at the first English token of every process and
 * worker thread (reading and lower-casing the 1.6 MB file: a few ms). After MAP_AFTER lookups the list builds that
 * Map anyway, so a long run that looks up many tokens pays a Map probe per lookup, as before.
 * The sort order is a property of the data files (test/core/names/sorted-list.spec.ts checks it).
 */

const NL = 0x0a;
const TAB = 0x09;
/** Lookups answered by binary search before the Map is built: ~20 ms of searches at most, then ~2 µs less each. */
const MAP_AFTER = 10_000;

export class SortedList {
  readonly #text: string;
  /** Offset of the first name line (after the header comments). */
  readonly #start: number;
  /** Name → whether its line has a mark; built after MAP_AFTER lookups. */
  #map: Map<string, boolean> | undefined;
  #lookups = 0;

  constructor(text: string) {
    let start = 0;
    while (start < text.length && text.charCodeAt(start) === 0x23 /* # */) {
      const nl = text.indexOf('\n', start);
      start = nl < 0 ? text.length : nl + 1;
    }
    this.#text = text;
    this.#start = start;
  }

  /** undefined when `key` is not listed, else whether its line has a mark (`Name<TAB>w`). */
  get(key: string): boolean | undefined {
    if (this.#map !== undefined) return this.#map.get(key);
    if (++this.#lookups > MAP_AFTER) {
      this.#map = this.#build();
      return this.#map.get(key);
    }
    return this.#search(key);
  }

  #search(key: string): boolean | undefined {
    const text = this.#text;
    const n = text.length;
    const nextLine = (p: number): number => {
      const nl = text.indexOf('\n', p);
      return nl < 0 ? n : nl + 1;
    };
    // lo and hi are line starts (hi may be the end of the text); the key, if listed, is on a line in [lo, hi).
    let lo = this.#start;
    let hi = n;
    while (lo < hi) {
      const s = text.lastIndexOf('\n', ((lo + hi) >>> 1) - 1) + 1;
      const start = s < lo ? lo : s;
      // The key against the name on the line at `start`, which ends at a TAB, a newline or the end of the text: a
      // name that is a prefix of the key sorts first.
      for (let p = start, i = 0; ; p++, i++) {
        const c = p < n ? text.charCodeAt(p) : NL;
        const nameEnded = c === TAB || c === NL;
        if (i === key.length) {
          if (nameEnded) return c === TAB;
          hi = start;
          break;
        }
        const k = key.charCodeAt(i);
        if (nameEnded || k > c) {
          lo = nextLine(p);
          break;
        }
        if (k < c) {
          hi = start;
          break;
        }
      }
    }
    return undefined;
  }

  #build(): Map<string, boolean> {
    const text = this.#text;
    const map = new Map<string, boolean>();
    // The next TAB at or after the line start (one name in 40 has one): each search runs once, not once per line.
    let tab = -1;
    for (let i = this.#start; i < text.length;) {
      let end = text.indexOf('\n', i);
      if (end < 0) end = text.length;
      if (tab < i) tab = text.indexOf('\t', i) >>> 0; // none left: 2^32 - 1, past every line
      if (end > i) map.set(text.slice(i, tab < end ? tab : end), tab < end);
      i = end + 1;
    }
    return map;
  }
}
