import { LENGTH_CAP, type DigitRuns } from '../text/digit-runs.js';
import type { FollowSet } from './digit-follow.js';

/**
 * What a digit-anchored pattern asks of a run before it tries its regex there (anchored-regex.ts, run-checks.ts):
 * a length of need..most digits, a character after it from the follow set (with a run of nextDigits right after
 * that character), no character before it that the lookbehind rejects, one the prefix can end with, and, when the
 * match starts at the run's start, a first digit the match can start with.
 */
export interface RunFilterSpec {
  readonly need: number;
  readonly most: number;
  readonly atRunStart: boolean;
  readonly follow: FollowSet | undefined;
  readonly before: Uint8Array | undefined;
  readonly last: Uint8Array | undefined;
  readonly firstDigit: Uint8Array | undefined;
}

/** One registered filter: a bit in the masks below. */
export interface RunFilter {
  readonly bit: number;
}

/**
 * Every pattern used to walk every run of a text and read the characters around it: ~45 patterns x ~72 runs per
 * 2 KB of mixed bench text. Instead each filter gets a bit, and one pass per text computes, per run, the set of
 * filters that accept it as the AND of table look-ups (by length, character after, run after, character before,
 * first digit); each pattern then reads its candidate runs, or nothing when it has none. Filters are interned by what
 * they test, so compiling the same rules again (a registry per test) adds no bits. Past MAX_FILTERS a pattern keeps
 * its own walk.
 */
const MAX_FILTERS = 128;
const WORDS = MAX_FILTERS / 32;
const LEN_SLOTS = LENGTH_CAP + 1; // run lengths 0..LENGTH_CAP, the last one for LENGTH_CAP or more
const NON_ASCII = 128;
const EDGE = 129; // after: the end of the text; before: its start
const CHAR_SLOTS = 130;

function setBit(table: Int32Array, slot: number, bit: number): void {
  const i = slot * WORDS + (bit >>> 5);
  table[i] = (table[i] as number) | (1 << (bit & 31));
}

/** A key naming what a 0/1 table holds, as ranges of set entries. */
function setKey(set: Uint8Array | undefined): string {
  if (set === undefined) return '-';
  let key = '';
  for (let c = 0; c < set.length; c++) {
    if (set[c] !== 1) continue;
    const from = c;
    while (set[c + 1] === 1) c++;
    key += `${from}-${c},`;
  }
  return key;
}

/** One set of filters and their tables: the process shares RUN_FILTERS; a test makes its own. */
export interface RunFilters {
  /** The filter for `spec`, or undefined when the tables cannot hold it exactly or all bits are taken. */
  filterOf(spec: RunFilterSpec): RunFilter | undefined;
  /** The runs of `text` that `filter` (one of this set's) accepts, in text order. */
  candidateRuns(text: string, runs: DigitRuns, filter: RunFilter): readonly number[];
}

/** Candidate runs per filter of one text, kept on its runs (every pattern scanning the text shares them). */
interface RunCandidates {
  readonly owner: RunFilters;
  readonly text: string;
  /** Filters registered when the pass ran: a newer filter needs a new pass. */
  readonly filters: number;
  /** Run indices per filter bit, in text order (undefined: none). */
  readonly lists: (number[] | undefined)[];
}

const NO_LIST: readonly number[] = [];

export function createRunFilters(): RunFilters {
  const byLength = new Int32Array(LEN_SLOTS * WORDS);
  const byAfter = new Int32Array(CHAR_SLOTS * WORDS);
  const byNext = new Int32Array(LEN_SLOTS * WORDS);
  const byBefore = new Int32Array(CHAR_SLOTS * WORDS);
  const byFirst = new Int32Array(10 * WORDS);
  /** Masks for a non-ASCII character before a run (a prefix's last character: 番, 号, a kana), made on first use. */
  const byBeforeWide = new Map<number, Int32Array>();
  const specs: RunFilterSpec[] = [];
  const interned = new Map<string, RunFilter>();
  const owner: RunFilters = { filterOf, candidateRuns };
  return owner;

  function filterOf(spec: RunFilterSpec): RunFilter | undefined {
    const { need, most, atRunStart, follow, before, last, firstDigit } = spec;
    const nextDigits = follow?.nextDigits ?? 0;
    // The length and next-run slots stop at LENGTH_CAP: a bound at or past it would need the exact length.
    if (need < 1 || need > LENGTH_CAP || (most !== Infinity && most >= LENGTH_CAP) || nextDigits >= LENGTH_CAP)
      return undefined;
    const key = [
      need,
      most,
      atRunStart,
      follow === undefined ? '-' : `${setKey(follow.ascii)}|${follow.nonAscii}|${nextDigits}`,
      setKey(before),
      setKey(last),
      atRunStart ? setKey(firstDigit) : '-',
    ].join(';');
    const known = interned.get(key);
    if (known !== undefined) return known;
    if (specs.length === MAX_FILTERS) return undefined;
    const bit = specs.length;
    specs.push(spec);
    const filter: RunFilter = { bit };
    interned.set(key, filter);
    byBeforeWide.clear();
    for (let len = need; len < LEN_SLOTS && len <= most; len++) setBit(byLength, len, bit);
    for (let c = 0; c < 128; c++) if (follow === undefined || follow.ascii[c] === 1) setBit(byAfter, c, bit);
    if (follow === undefined || follow.nonAscii) setBit(byAfter, NON_ASCII, bit);
    // follows() never accepts the end of the text.
    if (follow === undefined) setBit(byAfter, EDGE, bit);
    for (let n = nextDigits; n < LEN_SLOTS; n++) setBit(byNext, n, bit);
    for (let c = 0; c < 128; c++)
      if (before?.[c] !== 1 && (last === undefined || last[c] === 1)) setBit(byBefore, c, bit);
    // At the start of the text the lookbehind rejects nothing, and no prefix character comes before the run.
    if (last === undefined) setBit(byBefore, EDGE, bit);
    for (let d = 0; d < 10; d++)
      if (!atRunStart || firstDigit === undefined || firstDigit[0x30 + d] === 1) setBit(byFirst, d, bit);
    return filter;
  }

  /** The mask for a non-ASCII character before a run: the lookbehind sets are ASCII, so only `last` decides. */
  function wideMask(c: number): Int32Array {
    let mask = byBeforeWide.get(c);
    if (mask !== undefined) return mask;
    mask = new Int32Array(WORDS);
    for (let bit = 0; bit < specs.length; bit++) {
      const last = (specs[bit] as RunFilterSpec).last;
      if (last === undefined || last[c] === 1) mask[bit >>> 5] = (mask[bit >>> 5] as number) | (1 << (bit & 31));
    }
    byBeforeWide.set(c, mask);
    return mask;
  }

  function candidateRuns(text: string, runs: DigitRuns, filter: RunFilter): readonly number[] {
    let memo = runs.candidates as RunCandidates | undefined;
    if (memo === undefined || memo.owner !== owner || memo.text !== text || memo.filters <= filter.bit) {
      memo = findCandidates(text, runs);
      // The shared empty index has no runs, so no pattern reaches here with it; keep it unwritten all the same.
      if (runs.count > 0) runs.candidates = memo;
    }
    return memo.lists[filter.bit] ?? NO_LIST;
  }

  /** One pass over the runs: each run's mask of accepting filters, and each set bit's list. */
  function findCandidates(text: string, runs: DigitRuns): RunCandidates {
    const { count, starts, ends } = runs;
    const n = text.length;
    const words = (specs.length + 31) >>> 5;
    const lists: (number[] | undefined)[] = new Array<number[] | undefined>(specs.length);
    for (let r = 0; r < count; r++) {
      const start = starts[r] as number;
      const end = ends[r] as number;
      const len = end - start;
      const lenSlot = (len < LENGTH_CAP ? len : LENGTH_CAP) * WORDS;
      const a = end < n ? text.charCodeAt(end) : -1;
      const afterSlot = (a < 0 ? EDGE : a < 128 ? a : NON_ASCII) * WORDS;
      let next = 0;
      if (r + 1 < count && starts[r + 1] === end + 1) next = (ends[r + 1] as number) - end - 1;
      const nextSlot = (next < LENGTH_CAP ? next : LENGTH_CAP) * WORDS;
      const b = start > 0 ? text.charCodeAt(start - 1) : -1;
      const wide = b >= 128 ? wideMask(b) : undefined;
      const beforeSlot = (b < 0 ? EDGE : b) * WORDS;
      const firstSlot = (text.charCodeAt(start) - 0x30) * WORDS;
      for (let w = 0; w < words; w++) {
        let m =
          (byLength[lenSlot + w] as number) &
          (byAfter[afterSlot + w] as number) &
          (byNext[nextSlot + w] as number) &
          (wide === undefined ? (byBefore[beforeSlot + w] as number) : (wide[w] as number)) &
          (byFirst[firstSlot + w] as number);
        while (m !== 0) {
          const low = m & -m;
          const bit = (w << 5) | (31 - Math.clz32(low));
          m ^= low;
          const list = lists[bit];
          if (list === undefined) lists[bit] = [r];
          else list.push(r);
        }
      }
    }
    return { owner, text, filters: specs.length, lists };
  }
}

/** The filters of every pattern rule the process compiles. */
export const RUN_FILTERS = createRunFilters();
