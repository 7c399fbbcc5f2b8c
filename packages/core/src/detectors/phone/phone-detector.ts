import type { RuleDefinition } from '../../rules/rule.js';
import { contextSpecOf } from '../context.js';
import { negativeContextSpecOf } from '../negative-context.js';
import { digitRunsOf } from '../../text/digit-runs.js';
import { NO_CANDIDATES, type Candidate, type Detector } from '../detector.js';
import { isCertainlyValidInternational, isCertainlyValidUsNational } from './intl-validity.js';
import { japaneseNumberValidity } from './jp-validity.js';
import { forEachRun, RUN_MIN_LENGTH } from './phone-runs.js';
import { Verdict, verdictOf } from './phone-verdicts.js';

const TOKEN = /[^ ]+/g;
const US_SHAPE = /^\(?\d{3}\)?[ -]?\d{3}-\d{4}$/;
/** US_SHAPE's shortest and longest texts (202454-9896 has 11 characters, (202) 454-9896 has 14). */
const US_MIN_LENGTH = 11;
const US_MAX_LENGTH = 14;
const PLUS = 0x2b;
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

function scoreOf(text: string, p: Params): number {
  if (text.charCodeAt(0) === PLUS) return internationalScore(text, p);
  // The first digit and the digit count in one pass, before any allocation: most runs and split slices are dates,
  // amounts and IDs that neither start with 0 nor have the US shape (2 MB of mixed HR text: ~11k whole runs and
  // ~20k slices of the ~30k scored).
  let first = 0;
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x30 || c > 0x39) continue;
    if (count === 0) first = c;
    count++;
  }
  if (first === ZERO) {
    if (count < 10 || count > 11) return 0;
    const digits = text.replace(/\D/g, '');
    const valid = japaneseNumberValidity(digits, false) ?? verdictOf(text, 'JP') === Verdict.valid;
    if (!valid) return 0;
    if (/[-() ]/.test(text)) return p.grouped;
    return DISTINCTIVE.test(digits) ? p.bareDistinctive : p.bare;
  }
  if (text.length < US_MIN_LENGTH || text.length > US_MAX_LENGTH || !US_SHAPE.test(text)) return 0;
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
        const run = text.slice(start, end);
        const whole = scoreOf(run, params);
        if (whole > 0) out.push({ start, end, score: whole, pattern: 'phone' });
        // Without a space the run is one token, the whole run, which has just scored 0 (most runs are dates,
        // amounts and IDs): splitting would only score it again.
        else if (run.includes(' ')) splitRun(run, start, params, out);
      });
      return out;
    },
  };
}

/** Tries space-separated groups of the run: the longest valid number from each position. */
function splitRun(run: string, base: number, params: Params, out: Candidate[]): void {
  const tokens: { start: number; end: number }[] = [];
  TOKEN.lastIndex = 0;
  let t: RegExpExecArray | null;
  while ((t = TOKEN.exec(run)) !== null) tokens.push({ start: t.index, end: t.index + t[0].length });
  let i = 0;
  while (i < tokens.length) {
    let found = false;
    for (let j = Math.min(tokens.length - 1, i + 3); j >= i; j--) {
      const s = (tokens[i] as { start: number }).start;
      const e = (tokens[j] as { end: number }).end;
      const score = scoreOf(run.slice(s, e), params);
      if (score > 0) {
        out.push({ start: base + s, end: base + e, score, pattern: 'phone (split)' });
        i = j + 1;
        found = true;
        break;
      }
    }
    if (!found) i++;
  }
}
