import { LENGTH_CAP, type DigitRuns } from '../text/digit-runs.js';
import { consumeFirst } from './consume-first.js';
import { filteredMatches, type FilteredPlan } from './filtered-matches.js';
import { digitAnchorOf, type DigitAnchor } from './digit-anchor.js';
import { digitBeforeOf } from './digit-before.js';
import { digitFollowOf } from './digit-follow.js';
import { firstCharMatches, rareFirstChars } from './first-char-matches.js';
import { gatedMatches } from './gated-scan.js';
import { leadAnchorOf } from './lead-anchor.js';
import { leadMatches } from './lead-matches.js';
import { literalAnchorOf } from './literal-anchor.js';
import { literalMatches } from './literal-matches.js';
import { literalGateOf } from './literal-gate.js';
import { prefixFirstChars } from './prefix-first.js';
import { prefixLastChars } from './prefix-last.js';
import { after, countFirst, countOf, follows, windowPlaces } from './run-checks.js';
import { attemptRange, newAttempts } from './sticky-attempts.js';
import { RUN_FILTERS } from './run-filter.js';

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

/** A literal gate whose finder holds this many characters goes before any anchor (see gateFirst). */
const STRONG_FINDER_CHARS = 5;

const NONE: RegExpExecArray[] = [];

/**
 * Looking at one place before a run costs about as much as an indexOf over this many characters: a prefix with rare
 * first characters is found by them (first-char-matches.ts) when the places before the runs are more than the text
 * over this, per character searched. The health insurance symbol's matches() per 2 MB pass of mixed bench text, same
 * process, CPU ms: 2.4 -> 0.5; the labels before seven digits or a three-digit branch code keep the runs (0.2 vs 1.7
 * and 0.8 vs 1.9 by the characters), as does 〒 (1.4 vs 2.2).
 */
const SCAN_CHARS_PER_PLACE = 16;
/** A prefix that can end with at most this many characters filters the runs well enough (see `rare`). */
const SHORT_LAST = 16;

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
  // Without a prefix, the digits a match can start with: `(?:18|19|20)\d{2}` of a year starts with 1 or 2, so a
  // four-digit run of a card or a phone number starting otherwise is not tried (nor counted, below).
  const firstDigit = anchor !== undefined && anchor.prefixMax === 0 ? prefixFirstChars(source, flags) : undefined;
  // A prefix that starts with a rare character (記) and may end with almost any (a kana or kanji class) is found by
  // that character instead: few runs follow 〒, 番 or ':', so a short set of last characters keeps the runs.
  const rare = last === undefined || countOf(last) > SHORT_LAST ? rareFirstChars(first) : undefined;
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
  // The leading digits start where a run starts (a non-digit prefix character or the lookbehind before them), so
  // they take the whole run before their first separator: the run's length is bounded.
  const atRunStart = anchor !== undefined && (anchor.notAfterDigit || anchor.prefixMax > 0);
  const most = anchor !== undefined && atRunStart ? anchor.maxLeadingDigits : Infinity;
  const plan = anchor === undefined || sticky === undefined ? undefined : planOf(anchor, sticky);

  /** The run filter of the anchor's checks (run-filter.ts), when its tables can hold them: else the walk below. */
  function planOf(a: DigitAnchor, re: RegExp): FilteredPlan | undefined {
    const { leadingDigits: need, prefixMin, prefixMax } = a;
    const filter = RUN_FILTERS.filterOf({ need, most, atRunStart, follow, before, last, firstDigit });
    if (filter === undefined) return undefined;
    const attemptCost = ATTEMPT_COST_IN_CHARS;
    return { filter, need, atRunStart, prefixMin, prefixMax, first, firstDigit, sticky: re, attemptCost, scanAll };
  }

  return {
    global,
    anchor,
    matches(text, runs) {
      if (gateFirst) return scanAll(text);
      if (literal !== undefined && sticky !== undefined) return literalMatches(text, literal, sticky, scanAll, first);
      if (lead !== undefined && sticky !== undefined) {
        const found = leadMatches(text, lead, runs, sticky, ATTEMPT_COST_IN_CHARS);
        return found === undefined ? scanAll(text) : found.length === 0 ? NONE : found;
      }
      if (anchor === undefined || sticky === undefined) return scanAll(text);
      const need = anchor.leadingDigits;
      // No run is long enough for the leading digits: no match can start anywhere (most ID rules, most texts).
      if (runs.maxLength < need) return NONE;
      if (rare !== undefined && windowPlaces(runs, need, anchor) * SCAN_CHARS_PER_PLACE > text.length * rare.length)
        return firstCharMatches(text, rare, sticky, ATTEMPT_COST_IN_CHARS, scanAll);
      if (plan !== undefined) return filteredMatches(text, runs, plan);
      const { prefixMin, prefixMax } = anchor;
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
          if (firstDigit !== undefined && atRunStart && firstDigit[text.charCodeAt(starts[r] as number)] !== 1)
            continue;
          candidates += width;
        }
      }
      if (candidates === 0) return NONE;
      if (candidates * ATTEMPT_COST_IN_CHARS > text.length) return scanAll(text);
      const attempts = newAttempts();
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
        attemptRange(text, sticky, start - prefixMax, end, first, firstDigit, attempts);
      }
      return attempts.out ?? NONE;
    },
  };
}
