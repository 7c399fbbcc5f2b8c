import type { RuleDefinition } from '../../rules/rule.js';
import { contextSpecOf } from '../context.js';
import { negativeContextSpecOf } from '../negative-context.js';
import { digitRunsOf } from '../../text/digit-runs.js';
import { NO_CANDIDATES, type Candidate, type Detector } from '../detector.js';
import { isCertainlyValidInternational, isCertainlyValidUsNational } from './intl-validity.js';
import { japaneseNumberValidity } from './jp-validity.js';
import { forEachRun, RUN_MIN_LENGTH } from './phone-runs.js';
import { Verdict, verdictOf } from './phone-verdicts.js';

const US_SHAPE = /^\(?\d{3}\)?[ -]?\d{3}-\d{4}$/;
/** US_SHAPE's shortest and longest texts (202454-9896 has 11 characters, (202) 454-9896 has 14). */
const US_MIN_LENGTH = 11;
const US_MAX_LENGTH = 14;
const PLUS = 0x2b;
const SPACE = 0x20;
const ZERO = 0x30;
// Prefixes whose bare digits are unlike order or account numbers: mobile 060-090, IP 050, toll-free 0120/0800, navi
// dial 0570 (read from the digits: libphonenumber's getType() would match the number a second time).
const DISTINCTIVE = /^0(?:[5-9]0|120|570)/; // 0800 starts like 080

interface Params {
  /** Score of a valid number written with separators or + (default 0.85). */
  readonly grouped: number;
  /** Score of a valid fixed-line number written as bare digits, which order and account numbers resemble (0.45). */
  readonly bare: number;
  /** Score of a bare mobile, IP, toll-free or navi-dial number, whose prefixes IDs rarely share (default 0.55). */
  readonly bareDistinctive: number;
  /** Score of a US-shaped number without +1 (default 0.45). */
  readonly us: number;
  /** Score of a US number written (202) 984-4935 without +1: that shape is hardly anything else (default 0.6). */
  readonly usParenthesised: number;
  /**
   * Score of a +CC number (not +81) whose length fits its country but whose range the metadata does not list
   * (default 0.45, so it needs a context word): metadata lags behind new ranges abroad. +81 numbers must be valid.
   */
  readonly possible: number;
}

/** Score of text[start, end), a run or a slice of one; the text is sliced only for a range that may score. */
function scoreOf(text: string, start: number, end: number, p: Params): number {
  if (text.charCodeAt(start) === PLUS) return internationalScore(text.slice(start, end), p);
  // The first digit and the digit count in one pass, before any allocation: most runs and split slices are dates,
  // amounts and IDs that neither start with 0 nor have the US shape (2 MB of mixed HR text: ~11k whole runs and
  // ~20k slices of the ~30k scored).
  let first = 0;
  let count = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x30 || c > 0x39) continue;
    if (count === 0) first = c;
    count++;
  }
  if (first === ZERO) return count < 10 || count > 11 ? 0 : japaneseScore(text.slice(start, end), p);
  const length = end - start;
  return length < US_MIN_LENGTH || length > US_MAX_LENGTH ? 0 : usScore(text.slice(start, end), p);
}

/** Score of a run or slice whose first digit is 0 and that holds 10 or 11 digits. */
function japaneseScore(text: string, p: Params): number {
  const digits = text.replace(/\D/g, '');
  const valid = japaneseNumberValidity(digits, false) ?? verdictOf(text, 'JP') === Verdict.valid;
  if (!valid) return 0;
  if (/[-() ]/.test(text)) return p.grouped;
  return DISTINCTIVE.test(digits) ? p.bareDistinctive : p.bare;
}

/** Score of a run or slice of US_SHAPE's length, without '+' and whose first digit is not 0. */
function usScore(text: string, p: Params): number {
  if (!US_SHAPE.test(text)) return 0;
  if (isCertainlyValidUsNational(text)) return text.startsWith('(') ? p.usParenthesised : p.us;
  if (verdictOf(text, 'US') !== Verdict.valid) return 0;
  return text.startsWith('(') ? p.usParenthesised : p.us;
}

/** Score of a run or slice written with a leading '+'. */
function internationalScore(text: string, p: Params): number {
  const digits = text.replace(/\D/g, '');
  // +81 numbers are decided from the digits (same answer as libphonenumber, without its per-call cost); an
  // invalid +81 number scores 0 either way, since only numbers outside +81 may be merely possible.
  const japanese = japaneseNumberValidity(digits, true);
  if (japanese !== undefined) return japanese ? p.grouped : 0;
  // A plainly written valid number abroad is decided from the digits too; the rest go to libphonenumber.
  if (isCertainlyValidInternational(text)) return p.grouped;
  const verdict = verdictOf(text);
  return verdict === Verdict.valid ? p.grouped : verdict === Verdict.possible ? p.possible : 0;
}

/**
 * Phone numbers, validated with libphonenumber-js MAX metadata (min metadata accepts one-digit-short numbers):
 * Japanese fixed, mobile (060/070/080/090), IP (050), toll-free (0120/0800), navi dial (0570), +81 and other
 * international forms, full-width, any dash, glued to TEL/FAX. A run that holds two numbers separated by spaces
 * is split into the longest valid numbers, left to right.
 */
export function createPhoneDetector(rule: RuleDefinition): Detector {
  const params: Params = {
    grouped: 0.85,
    bare: 0.45,
    bareDistinctive: 0.55,
    us: 0.45,
    usParenthesised: 0.6,
    possible: 0.45,
    ...(rule.params as Partial<Params> | undefined),
  };
  return {
    id: rule.id,
    entity: rule.entity,
    languages: rule.languages,
    context: contextSpecOf(rule),
    negativeContext: negativeContextSpecOf(rule),
    minScore: rule.minScore ?? 0,
    scan(input): readonly Candidate[] {
      // Short cells and texts without a digit cannot hold a run.
      const text = input.text;
      if (text.length < RUN_MIN_LENGTH) return NO_CANDIDATES;
      const runs = digitRunsOf(input);
      if (runs.count === 0) return NO_CANDIDATES;
      const out: Candidate[] = [];
      forEachRun(text, runs, (start, end) => {
        const whole = scoreOf(text, start, end, params);
        if (whole > 0) out.push({ start, end, score: whole, pattern: 'phone' });
        // Without a space the run is one token, the whole run, which has just scored 0 (most runs are dates,
        // amounts and IDs): splitting would only score it again.
        else if (hasSpace(text, start, end)) splitRun(text, start, end, params, out);
      });
      return out;
    },
  };
}

/** Tries space-separated groups of the run text[start, end): the longest valid number from each position. */
function splitRun(text: string, start: number, end: number, params: Params, out: Candidate[]): void {
  const starts: number[] = [];
  const ends: number[] = [];
  for (let i = start; i < end;) {
    if (text.charCodeAt(i) === SPACE) {
      i++;
      continue;
    }
    starts.push(i);
    while (i < end && text.charCodeAt(i) !== SPACE) i++;
    ends.push(i);
  }
  let i = 0;
  while (i < starts.length) {
    let found = false;
    for (let j = Math.min(starts.length - 1, i + 3); j >= i; j--) {
      const s = starts[i] as number;
      const e = ends[j] as number;
      const score = scoreOf(text, s, e, params);
      if (score > 0) {
        out.push({ start: s, end: e, score, pattern: 'phone (split)' });
        i = j + 1;
        found = true;
        break;
      }
    }
    if (!found) i++;
  }
}

function hasSpace(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (text.charCodeAt(i) === SPACE) return true;
  return false;
}
