import { LENGTH_CAP, type DigitRuns } from '../text/digit-runs.js';
import type { DigitAnchor } from './digit-anchor.js';
import type { FollowSet } from './digit-follow.js';

// Checks on the digit runs a digit-anchored regex tries (anchored-regex.ts), one look-up each.

/**
 * Sticky attempts a prefix-anchored regex would make with the first-character filter: places prefixMin to prefixMax
 * before a run of need..most digits, after a character the prefix can end with, holding a character a match can
 * start with (an overlapping window may count a place twice: an upper bound, as the threshold needs).
 */
export function countFirst(
  text: string,
  runs: DigitRuns,
  need: number,
  most: number,
  prefixMin: number,
  prefixMax: number,
  first: Uint8Array,
  last: Uint8Array | undefined,
): number {
  let n = 0;
  // Only the runs of need..most digits, off the length index (order does not matter to a count), when they are
  // fewer than half the runs; else every run in text order: the index's jumps about the run arrays cost more than
  // the runs they skip (era implied after label, need 1, en: 2.8 vs 1.7 ms per 2 MB pass).
  const { atLength, byLength } = runs;
  let from = atLength[Math.min(need, LENGTH_CAP)] as number;
  let to = most < LENGTH_CAP ? (atLength[most + 1] as number) : runs.count;
  const indexed = (to - from) * 2 < runs.count;
  if (!indexed) [from, to] = [0, runs.count];
  for (let k = from; k < to; k++) {
    const r = indexed ? (byLength[k] as number) : k;
    const start = runs.starts[r] as number;
    const len = (runs.ends[r] as number) - start;
    if (len < need || len > most) continue;
    if (last !== undefined && last[text.charCodeAt(start - 1)] !== 1) continue;
    n += firstPlaces(text, start, prefixMin, prefixMax, first);
  }
  return n;
}

/** Places prefixMin..prefixMax before the run starting at `start` that hold a character a match can start with. */
export function firstPlaces(
  text: string,
  start: number,
  prefixMin: number,
  prefixMax: number,
  first: Uint8Array,
): number {
  let n = 0;
  for (let p = Math.max(start - prefixMax, 0); p <= start - prefixMin; p++) if (first[text.charCodeAt(p)] === 1) n++;
  return n;
}

/** True when the character before `start` is one the lookbehind rejects (digit-before.ts). */
export function after(before: Uint8Array, text: string, start: number): boolean {
  if (start === 0) return false;
  const c = text.charCodeAt(start - 1);
  return c < 128 && before[c] === 1;
}

/**
 * True when the character after run r is in the follow set (the end of the text never is) and, where the set asks
 * for digits after it, the next run starts right after that character and is long enough.
 */
export function follows(set: FollowSet, text: string, runs: DigitRuns, r: number): boolean {
  const at = runs.ends[r] as number;
  if (at >= text.length) return false;
  const c = text.charCodeAt(at);
  if (!(c < 128 ? set.ascii[c] === 1 : set.nonAscii)) return false;
  if (set.nextDigits === 0) return true;
  const next = r + 1;
  return (
    next < runs.count &&
    runs.starts[next] === at + 1 &&
    (runs.ends[next] as number) - (runs.starts[next] as number) >= set.nextDigits
  );
}

/** Places prefixMin to prefixMax before each run of need..maxLeadingDigits digits (read off the length index). */
export function windowPlaces(runs: DigitRuns, need: number, anchor: DigitAnchor): number {
  const most = anchor.maxLeadingDigits;
  const from = runs.atLength[Math.min(need, LENGTH_CAP)] as number;
  const to = most < LENGTH_CAP ? (runs.atLength[most + 1] as number) : runs.count;
  return (to - from) * (anchor.prefixMax - anchor.prefixMin + 1);
}

export function countOf(set: Uint8Array): number {
  let n = 0;
  for (let c = 0; c < set.length; c++) n += set[c] as number;
  return n;
}
