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
  readonly starts: Int32Array;
  /** Exclusive end of run i. */
  readonly ends: Int32Array;
  /** Length of the longest run (0 when there is none): most rules need more digits in a row than a text has. */
  readonly maxLength: number;
}

// One index per matching copy: every pattern detector of a block shares it.
const CACHE = new WeakMap<NormalizedText, DigitRuns>();

/** Digit runs of `text` ('0'-'9' only: `\d` in a JavaScript regex, and NFKC has already folded ０-９). */
export function findDigitRuns(text: string): DigitRuns {
  let starts = new Int32Array(64);
  let ends = new Int32Array(64);
  let count = 0;
  let maxLength = 0;
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c < 0x30 || c > 0x39) {
      i++;
      continue;
    }
    const start = i;
    i++;
    while (i < n) {
      const d = text.charCodeAt(i);
      if (d < 0x30 || d > 0x39) break;
      i++;
    }
    if (count === starts.length) {
      const s2 = new Int32Array(count * 2);
      s2.set(starts);
      starts = s2;
      const e2 = new Int32Array(count * 2);
      e2.set(ends);
      ends = e2;
    }
    starts[count] = start;
    ends[count] = i;
    count++;
    if (i - start > maxLength) maxLength = i - start;
  }
  return { count, starts, ends, maxLength };
}

/** The digit runs of a matching copy, computed on first use and shared by every detector that scans it. */
export function digitRunsOf(input: NormalizedText): DigitRuns {
  let runs = CACHE.get(input);
  if (runs === undefined) CACHE.set(input, (runs = findDigitRuns(input.text)));
  return runs;
}
