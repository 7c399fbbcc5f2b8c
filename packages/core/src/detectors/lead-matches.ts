import type { DigitRuns } from '../text/digit-runs.js';
import { nearest } from './first-char-matches.js';
import type { LeadAnchor } from './lead-anchor.js';

/**
 * The starts of the last text walked, per anchor: the wareki birth-date patterns with and without 生 after them share
 * their anchor (lead-anchor.ts interns it) and run on the same text one after the other, so the second reuses the
 * first's walk. Kept with the text and run starts it was found for; any other text walks again.
 */
interface Walked {
  readonly text: string;
  readonly runs: DigitRuns;
  readonly starts: readonly number[] | undefined;
}
const WALKED = new WeakMap<LeadAnchor, Walked>();

/**
 * Matches of a lead-anchored regex: one sticky attempt at each character of `first` 1 to `reach` characters
 * before a pivot (a digit run's start, or a pivot character), in increasing order, skipping those before the end
 * of the previous match as the global scan skips them; no other start can match. Undefined when there are so many
 * attempts (more than one per `attemptCost` characters) that the plain scan is cheaper.
 */
export function leadMatches(
  text: string,
  anchor: LeadAnchor,
  runs: DigitRuns,
  sticky: RegExp,
  attemptCost: number,
): RegExpExecArray[] | undefined {
  let walked = WALKED.get(anchor);
  if (walked === undefined || walked.text !== text || walked.runs !== runs) {
    walked = { text, runs, starts: startsOf(text, anchor, runs) };
    WALKED.set(anchor, walked);
  }
  const starts = walked.starts;
  if (starts === undefined) return [];
  if (starts.length * attemptCost > text.length) return undefined;
  const out: RegExpExecArray[] = [];
  let next = 0;
  for (let k = 0; k < starts.length; k++) {
    const p = starts[k] as number;
    if (p < next) continue;
    sticky.lastIndex = p;
    const m = sticky.exec(text);
    if (m === null) continue;
    // The lead consumes at least one character: never empty.
    out.push(m);
    next = p + m[0].length;
  }
  return out;
}

/** The places a match can start, in increasing order (see leadMatches), or undefined when there are none. */
function startsOf(text: string, anchor: LeadAnchor, runs: DigitRuns): number[] | undefined {
  const { first, reach, second, notAfter, beforePivot, pivotDigits } = anchor;
  const { starts: runStarts, ends: runEnds } = runs;
  // The pivots in increasing order: the run starts merged with the places of the pivot characters (found one by one
  // with indexOf), without a sorted copy. Copying and sorting the run starts of every text holding a 元 cost more
  // than the walk (the two wareki birth-date patterns, CPU ms per 2 MB pass of mixed bench text: 0.85 of 2.3).
  const chars = anchor.pivots;
  const at = chars.map((x) => text.indexOf(x));
  let nextChar = nearest(at);
  let k = 0;
  let starts: number[] | undefined;
  let last = -1; // last start added: the windows before two close pivots overlap
  for (;;) {
    let q: number;
    if (k < runStarts.length && (nextChar < 0 || (runStarts[k] as number) < nextChar)) {
      q = runStarts[k] as number;
      // A run longer than a pivot takes is no pivot (a year before 年, an amount).
      if ((runEnds[k++] as number) - q > pivotDigits) continue;
    } else if (nextChar >= 0) {
      q = nextChar;
      for (let j = 0; j < at.length; j++) if (at[j] === q) at[j] = text.indexOf(chars[j] as string, q + 1);
      nextChar = nearest(at);
    } else break;
    // A match whose pivot is q consumed text[q - 1] right before it. Skipping q loses no start: a match that starts
    // in q's window with another pivot is found from that pivot's window.
    if (beforePivot[text.charCodeAt(q - 1)] !== 1) continue;
    for (let p = Math.max(q - reach, last + 1, 0); p < q; p++) {
      if (first[text.charCodeAt(p)] !== 1 || second[text.charCodeAt(p + 1)] !== 1) continue;
      const before = p > 0 ? text.charCodeAt(p - 1) : 128;
      if (before < 128 && notAfter[before] === 1) continue;
      (starts ??= []).push(p);
      last = p;
    }
  }
  return starts;
}
