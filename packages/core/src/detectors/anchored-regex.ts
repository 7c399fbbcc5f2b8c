import { LENGTH_CAP, type DigitRuns } from '../text/digit-runs.js';
import { consumeFirst } from './consume-first.js';
import { digitAnchorOf, type DigitAnchor } from './digit-anchor.js';
import { digitBeforeOf } from './digit-before.js';
import { digitFollowOf, type FollowSet } from './digit-follow.js';
import { gatedMatches } from './gated-scan.js';
import { leadAnchorOf } from './lead-anchor.js';
import { leadMatches } from './lead-matches.js';
import { literalAnchorOf, type LiteralAnchor } from './literal-anchor.js';
import { literalGateOf } from './literal-gate.js';
import { prefixFirstChars } from './prefix-first.js';
import { prefixLastChars } from './prefix-last.js';

/**
 * A rule's regex with a faster way to find the same matches. A regex whose matches must start with N digits is
 * tried, sticky, only where N digits start (after a digit run's first character too, unless its lookbehind rejects
 * a digit before the start; then only at runs no longer than the digits it can take before a separator); one whose
 * digits follow a short prefix of non-digits (〒, AB, 口座番号: ) only that many characters before such runs;
 * everything else is a plain global scan. Both give exactly the matches of the global
 * `exec` loop: a match can only start at a candidate, the sticky attempt at a position is the same attempt the
 * global scan makes there, and candidates before the end of the previous match are skipped as the scan skips them.
 */
export interface AnchoredRegex {
  readonly global: RegExp;
  readonly anchor: DigitAnchor | undefined;
  /** Matches of `global` over `text`, in order (non-empty ones; an empty match only moves the scan on). */
  matches(text: string, runs: DigitRuns): RegExpExecArray[];
}

/**
 * A sticky attempt costs about as much as the global scan over this many characters; above that many candidates
 * per character the plain scan is cheaper. Either way the result is the same. Measured on the bench documents
 * (2026-12-01, the digit-anchored rules alone): 16 and 32 ran 5-16 % faster than 64, 8 no faster than 16.
 */
const ATTEMPT_COST_IN_CHARS = 32;
/**
 * The same for a literal anchor: its regexes (e-mail, IPv6) cost several times more per character of plain scan,
 * and a colon or '@' per 16 characters is already dense text.
 */
const LITERAL_ATTEMPT_COST_IN_CHARS = 16;

/** A literal gate whose finder holds this many characters goes before any anchor (see gateFirst). */
const STRONG_FINDER_CHARS = 5;

const NONE: RegExpExecArray[] = [];

export function anchoredRegex(source: string, flags: string): AnchoredRegex {
  // The anchor is read from the rule's own source; the regexes run the equivalent, faster-to-scan form.
  const anchor = digitAnchorOf(source, flags);
  const follow = anchor === undefined ? undefined : digitFollowOf(source, flags);
  const before = anchor === undefined ? undefined : digitBeforeOf(source, flags);
  const literal = anchor === undefined ? literalAnchorOf(source, flags) : undefined;
  const lead = anchor === undefined && literal === undefined ? leadAnchorOf(source, flags) : undefined;
  // After a prefix of 2-13 characters most places before a run hold no character a match can start with.
  // The same for a literal anchor's run start (a ward name's capital before '-ku'; '-' in a date starts none).
  const first =
    (anchor !== undefined && anchor.prefixMin > 0) || literal !== undefined
      ? prefixFirstChars(source, flags)
      : undefined;
  // The character right before a run must be one the prefix can end with.
  const last = anchor === undefined ? undefined : prefixLastChars(source, flags);
  const fast = flags.includes('v') ? source : (consumeFirst(source) ?? source);
  const global = new RegExp(fast, `g${flags}`);
  // Where no anchor applies, or its candidates are too many, a required literal may still confine the matches.
  const gate = literalGateOf(source, flags);
  const sticky =
    anchor === undefined && literal === undefined && lead === undefined && gate === undefined
      ? undefined
      : new RegExp(fast, `y${flags}`);

  const globalScan = (text: string): RegExpExecArray[] => {
    let out = NONE;
    global.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = global.exec(text)) !== null) {
      if (m[0].length === 0) {
        global.lastIndex++;
        continue;
      }
      if (out === NONE) out = [];
      out.push(m);
    }
    return out;
  };
  const scanAll =
    gate === undefined || sticky === undefined
      ? globalScan
      : (text: string): RegExpExecArray[] => gatedMatches(text, gate, sticky, globalScan);

  // A finder of many literal characters (`\bP\.? ?O\.? Box `) is rarer than the digit runs an anchor tries before:
  // the PO box pattern, CPU ms per 2 MB of bench text, anchored vs gated: en 3.45 vs 1.75, mixed 2.74 vs 1.14, ja 1.57
  // vs 0.71. Finders of 2-3 characters (a month name, '19'/'20') lose to the anchor (english month day year en 3.7 vs
  // 6.4, gregorian compact 0.8 vs 4.5).
  const gateFirst = gate !== undefined && gate.chars >= STRONG_FINDER_CHARS;

  return {
    global,
    anchor,
    matches(text, runs) {
      if (gateFirst) return scanAll(text);
      if (literal !== undefined && sticky !== undefined) return literalMatches(text, literal, sticky, scanAll, first);
      if (lead !== undefined && sticky !== undefined) {
        const found = leadMatches(text, lead, runs.starts, sticky, ATTEMPT_COST_IN_CHARS);
        return found === undefined ? scanAll(text) : found.length === 0 ? NONE : found;
      }
      if (anchor === undefined || sticky === undefined) return scanAll(text);
      const need = anchor.leadingDigits;
      // No run is long enough for the leading digits: no match can start anywhere (most ID rules, most texts).
      if (runs.maxLength < need) return NONE;
      const { prefixMin, prefixMax } = anchor;
      // The leading digits start where a run starts (a non-digit prefix character or the lookbehind before them), so
      // they take the whole run before their first separator: the run's length is bounded.
      const atRunStart = anchor.notAfterDigit || prefixMax > 0;
      const most = atRunStart ? anchor.maxLeadingDigits : Infinity;
      const { count, starts, ends, byLength, atLength } = runs;
      // Runs of one exact length (most ID rules) are read off the length index, in text order.
      const exact = atRunStart && need === most && most < LENGTH_CAP;
      // With one start per run, counted off the length index: runs of need..most digits, or of need or more.
      const width = prefixMax - prefixMin + 1;
      let candidates = 0;
      if (first !== undefined) candidates = countFirst(text, runs, need, most, prefixMin, prefixMax, first, last);
      else if (atRunStart && most < LENGTH_CAP)
        candidates = ((atLength[most + 1] as number) - (atLength[need] as number)) * width;
      else if (atRunStart && most === Infinity && need < LENGTH_CAP)
        candidates = (count - (atLength[need] as number)) * width;
      else {
        for (let r = 0; r < count; r++) {
          const len = (ends[r] as number) - (starts[r] as number);
          if (len >= need && len <= most) candidates += atRunStart ? width : len - need + 1;
        }
      }
      if (
        (follow !== undefined || before !== undefined) &&
        first === undefined &&
        candidates * ATTEMPT_COST_IN_CHARS > text.length
      ) {
        // Too many for sticky attempts: count again, only the runs followed by a character of the follow set and not
        // after one the lookbehind rejects.
        candidates = 0;
        const to = exact ? (atLength[need + 1] as number) : count;
        for (let k = exact ? (atLength[need] as number) : 0; k < to; k++) {
          const r = exact ? (byLength[k] as number) : k;
          const len = (ends[r] as number) - (starts[r] as number);
          if (len < need || len > most) continue;
          if (follow !== undefined && !follows(follow, text, runs, r)) continue;
          if (before !== undefined && after(before, text, starts[r] as number)) continue;
          candidates += width;
        }
      }
      if (candidates === 0) return NONE;
      if (candidates * ATTEMPT_COST_IN_CHARS > text.length) return scanAll(text);
      let out = NONE;
      let next = 0; // where the global scan would resume
      let tried = -1; // last position attempted: a prefix range may overlap the previous run's
      const to = exact ? (atLength[need + 1] as number) : count;
      for (let k = exact ? (atLength[need] as number) : 0; k < to; k++) {
        const r = exact ? (byLength[k] as number) : k;
        const start = starts[r] as number;
        const len = (ends[r] as number) - start;
        if (len < need || len > most) continue;
        if (follow !== undefined && !follows(follow, text, runs, r)) continue;
        if (before !== undefined && after(before, text, start)) continue;
        if (last !== undefined && last[text.charCodeAt(start - 1)] !== 1) continue;
        const end = atRunStart ? start - prefixMin : start + len - need;
        for (let p = Math.max(start - prefixMax, next, tried + 1, 0); p <= end; p++) {
          tried = p;
          if (first !== undefined && first[text.charCodeAt(p)] !== 1) continue;
          sticky.lastIndex = p;
          const m = sticky.exec(text);
          if (m === null) continue;
          // A match consumes at least `need` digits, so it is never empty.
          if (out === NONE) out = [];
          out.push(m);
          next = p + m[0].length;
          p = next - 1;
        }
      }
      return out;
    },
  };
}

/**
 * Matches of a literal-anchored regex (literal-anchor.ts): one sticky attempt per occurrence of the literal, at the
 * start of the run of run-class characters before it. Starts come in increasing order (the literal is not in the run
 * class, so each run ends at its own literal) and those before the end of the previous match are skipped, as the
 * global scan skips them; no other start can match.
 */
function literalMatches(
  text: string,
  anchor: LiteralAnchor,
  sticky: RegExp,
  scanAll: (text: string) => RegExpExecArray[],
  first: Uint8Array | undefined,
): RegExpExecArray[] {
  const x = String.fromCharCode(anchor.literal);
  let count = 0;
  for (let a = text.indexOf(x); a >= 0; a = text.indexOf(x, a + 1)) count++;
  if (count === 0) return NONE;
  if (count * LITERAL_ATTEMPT_COST_IN_CHARS > text.length) return scanAll(text);
  const run = anchor.runClass;
  let out = NONE;
  let next = 0;
  for (let a = text.indexOf(x); a >= 0; a = text.indexOf(x, a + 1)) {
    let s = a;
    while (s > next) {
      const c = text.charCodeAt(s - 1);
      if (c >= 128 || run[c] !== 1) break;
      s--;
    }
    if (s < next || (s === next && s > 0 && isRun(run, text.charCodeAt(s - 1)))) continue;
    if (first !== undefined && first[text.charCodeAt(s)] !== 1) continue;
    sticky.lastIndex = s;
    const m = sticky.exec(text);
    if (m === null) continue;
    // A match holds the literal, so it is never empty.
    if (out === NONE) out = [];
    out.push(m);
    next = s + m[0].length;
  }
  return out;
}

const isRun = (run: Uint8Array, c: number): boolean => c < 128 && run[c] === 1;

/**
 * Sticky attempts a prefix-anchored regex would make with the first-character filter: places prefixMin to prefixMax
 * before a run of need..most digits, after a character the prefix can end with, holding a character a match can
 * start with (an overlapping window may count a place twice: an upper bound, as the threshold needs).
 */
function countFirst(
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
  // Only the runs of need..most digits, off the length index (order does not matter to a count).
  const { atLength, byLength } = runs;
  const to = most < LENGTH_CAP ? (atLength[most + 1] as number) : runs.count;
  for (let k = atLength[Math.min(need, LENGTH_CAP)] as number; k < to; k++) {
    const r = byLength[k] as number;
    const start = runs.starts[r] as number;
    const len = (runs.ends[r] as number) - start;
    if (len < need || len > most) continue;
    if (last !== undefined && last[text.charCodeAt(start - 1)] !== 1) continue;
    for (let p = Math.max(start - prefixMax, 0); p <= start - prefixMin; p++) if (first[text.charCodeAt(p)] === 1) n++;
  }
  return n;
}

/** True when the character before `start` is one the lookbehind rejects (digit-before.ts). */
function after(before: Uint8Array, text: string, start: number): boolean {
  if (start === 0) return false;
  const c = text.charCodeAt(start - 1);
  return c < 128 && before[c] === 1;
}

/**
 * True when the character after run r is in the follow set (the end of the text never is) and, where the set asks
 * for digits after it, the next run starts right after that character and is long enough.
 */
function follows(set: FollowSet, text: string, runs: DigitRuns, r: number): boolean {
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
