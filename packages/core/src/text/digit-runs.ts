import type { NormalizedText } from './normalize.js';

/**
 * The maximal runs of ASCII digits in a matching copy, in order. Most rules need several digits in a row, so the
 * runs tell them where a match can start without running their regex over every character (see anchored-regex.ts).
 * @public
 */
export interface DigitRuns {
  /** Number of runs. */
  readonly count: number;
  /** Start of run i (normalised index). */
  readonly starts: readonly number[];
  /** Exclusive end of run i. */
  readonly ends: readonly number[];
  /** Length of the longest run (0 when there is none): most rules need more digits in a row than a text has. */
  readonly maxLength: number;
  /**
   * Run indices ordered by length (capped at LENGTH_CAP), then by position: the runs of length L are
   * `byLength[atLength[L]]` up to `byLength[atLength[L + 1]]`, in text order. An ID rule wants runs of one exact
   * length; it reads them here instead of walking every run of the text (a memo has dozens of short ones).
   */
  readonly byLength: readonly number[];
  /** LENGTH_CAP + 2 offsets into byLength (see there); runs of LENGTH_CAP or more digits share the last slot. */
  readonly atLength: readonly number[];
  /**
   * The candidate runs of the digit-anchored patterns (run-filter.ts), found on first use: one pass for every pattern
   * that scans the text. Set in the literal below so that every index has the same shape.
   */
  candidates?: unknown;
}

/** Runs at least this long share one slot of the length index. */
export const LENGTH_CAP = 32;

// One index per matching copy, kept on the copy itself: every pattern detector of a block shares it, and a copy
// scanned again later (detector by detector, as bench/detectors.ts does) finds it too. A WeakMap's set cost more
// than the index itself on a short cell; a property under a private symbol costs little and dies with the copy.
const RUNS = Symbol('kamen.digitRuns');
// The text is kept with the runs: a copy spread into a new object with another text must not reuse them.
type WithRuns = NormalizedText & { [RUNS]?: { readonly text: string; readonly runs: DigitRuns } };

/** Shared by every text without a digit (most short cells): nothing to allocate. */
const NO_RUNS: DigitRuns = {
  count: 0,
  starts: [],
  ends: [],
  maxLength: 0,
  byLength: [],
  atLength: new Array<number>(LENGTH_CAP + 2).fill(0),
  candidates: undefined,
};

// How many runs have each length, while the pass runs; zeroed again before findDigitRuns returns.
const perLength = new Int32Array(LENGTH_CAP + 2);

/** Digit runs of `text` ('0'-'9' only: `\d` in a JavaScript regex, and NFKC has already folded ０-９). */
export function findDigitRuns(text: string): DigitRuns {
  const n = text.length;
  // Plain arrays: a typed array costs more to allocate (~0.6 µs) than a block's few dozen runs cost to find.
  let starts: number[] | undefined;
  const ends: number[] = [];
  let maxLength = 0;
  for (let i = 0; i < n; i++) {
    // One unsigned compare per unit instead of two: below '0' wraps around to above 9. findDigitRuns, CPU ms per 2 MB
    // pass of bench text, same process, two compares vs one: ja 5.9 -> 5.2, en 7.0 -> 5.4, mixed 5.1 -> 4.1-4.6.
    if ((text.charCodeAt(i) - 0x30) >>> 0 > 9) continue;
    const start = i;
    for (i++; i < n; i++) if ((text.charCodeAt(i) - 0x30) >>> 0 > 9) break;
    // text[i] is no digit (or the end): the loop's i++ steps over it.
    (starts ??= []).push(start);
    ends.push(i);
    const len = i - start;
    if (len > maxLength) maxLength = len;
    const slot = (len < LENGTH_CAP ? len : LENGTH_CAP) + 1;
    perLength[slot] = (perLength[slot] as number) + 1;
  }
  if (starts === undefined) return NO_RUNS;
  const count = starts.length;
  // Counting sort by length: perLength held how many runs have each length; atLength is where each length starts.
  const atLength: number[] = new Array<number>(LENGTH_CAP + 2);
  const fill: number[] = new Array<number>(LENGTH_CAP + 1);
  atLength[0] = 0;
  for (let l = 1; l < LENGTH_CAP + 2; l++) atLength[l] = (atLength[l - 1] as number) + (perLength[l] as number);
  for (let l = 0; l <= LENGTH_CAP; l++) fill[l] = atLength[l] as number;
  perLength.fill(0);
  const byLength: number[] = new Array<number>(count);
  for (let k = 0; k < count; k++) {
    const len = (ends[k] as number) - (starts[k] as number);
    const slot = len < LENGTH_CAP ? len : LENGTH_CAP;
    const at = fill[slot] as number;
    byLength[at] = k;
    fill[slot] = at + 1;
  }
  return { count, starts, ends, maxLength, byLength, atLength, candidates: undefined };
}

/** The digit runs of a matching copy, computed on first use and shared by every detector that scans it. */
export function digitRunsOf(input: NormalizedText): DigitRuns {
  const text = input.text;
  const cached = (input as WithRuns)[RUNS];
  if (cached !== undefined && cached.text === text) return cached.runs;
  const runs = findDigitRuns(text);
  // A frozen copy (built by a caller) simply gets no cache.
  if (Object.isExtensible(input)) (input as WithRuns)[RUNS] = { text, runs };
  return runs;
}
