/**
 * The phone detector of packages/core/src/detectors/phone/phone-detector.ts before this session's fast paths: one
 * global RUN scan (now sticky attempts at digit-run starts, phone-runs.ts), scoring that sliced every run and token
 * and counted digits with a regex replace, and a fresh libphonenumber call for every rare form (now remembered,
 * phone-verdicts.ts). Kept as the oracle (phone-detector.spec.ts compares the two scans).
 */
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import type { RuleDefinition } from '../../../../packages/core/src/rules/rule.js';
import { contextSpecOf } from '../../../../packages/core/src/detectors/context.js';
import { negativeContextSpecOf } from '../../../../packages/core/src/detectors/negative-context.js';
import { patternBounds } from '../../../../packages/core/src/detectors/pattern-bounds.js';
import { digitRunsOf } from '../../../../packages/core/src/text/digit-runs.js';
import { NO_CANDIDATES, type Candidate, type Detector } from '../../../../packages/core/src/detectors/detector.js';
import {
  isCertainlyValidInternational,
  isCertainlyValidUsNational,
} from '../../../../packages/core/src/detectors/phone/intl-validity.js';
import { japaneseNumberValidity } from '../../../../packages/core/src/detectors/phone/jp-validity.js';

// A run of phone-number characters on the normalised copy (full-width digits and every dash are already ASCII).
// Letters may touch it on the left (TEL03-1234-5678, Tel.03-…), digits, '+' and decimals (1.5) may not.
// Bounded quantifiers only.
const RUN = /(?<![\d+])(?<!\d\.)(?:\+ ?\d{1,3}[ -]?(?:\(0\)[ -]?)?)?\(?\d[\d ()-]{5,46}\d(?!\d|\.\d)/g;
/** RUN's shortest match (a digit, five more run characters, a digit): shorter texts are not scanned. */
const RUN_MIN_LENGTH = patternBounds(RUN.source, RUN.flags).minLength;
const TOKEN = /[^ ]+/g;
const US_SHAPE = /^\(?\d{3}\)?[ -]?\d{3}-\d{4}$/;
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
  const digits = text.replace(/\D/g, '');
  if (text.startsWith('+')) {
    // +81 numbers are decided from the digits (same answer as libphonenumber, without its per-call cost); an
    // invalid +81 number scores 0 either way, since only numbers outside +81 may be merely possible.
    const japanese = japaneseNumberValidity(digits, true);
    if (japanese !== undefined) return japanese ? p.grouped : 0;
    // A plainly written valid number abroad is decided from the digits too; the rest go to libphonenumber.
    if (isCertainlyValidInternational(text)) return p.grouped;
    const n = parsePhoneNumberFromString(text);
    if (n === undefined) return 0;
    if (n.isValid()) return p.grouped;
    return n.countryCallingCode !== '81' && n.isPossible() ? p.possible : 0;
  }
  if (digits.startsWith('0')) {
    if (digits.length < 10 || digits.length > 11) return 0;
    const valid = japaneseNumberValidity(digits, false) ?? parsePhoneNumberFromString(text, 'JP')?.isValid() === true;
    if (!valid) return 0;
    if (/[-() ]/.test(text)) return p.grouped;
    return DISTINCTIVE.test(digits) ? p.bareDistinctive : p.bare;
  }
  if (US_SHAPE.test(text)) {
    if (isCertainlyValidUsNational(text)) return text.startsWith('(') ? p.usParenthesised : p.us;
    const n = parsePhoneNumberFromString(text, 'US');
    if (!n?.isValid()) return 0;
    return text.startsWith('(') ? p.usParenthesised : p.us;
  }
  return 0;
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
      if (input.text.length < RUN_MIN_LENGTH || digitRunsOf(input).count === 0) return NO_CANDIDATES;
      const out: Candidate[] = [];
      RUN.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = RUN.exec(input.text)) !== null) {
        const run = trimSeparators(m[0]);
        const whole = scoreOf(run, params);
        if (whole > 0) {
          out.push({ start: m.index, end: m.index + run.length, score: whole, pattern: 'phone' });
          continue;
        }
        // Without a space the run is one token, the whole run, which has just scored 0 (most runs are dates,
        // amounts and IDs): splitting would only score it again.
        if (run.includes(' ')) splitRun(run, m.index, params, out);
      }
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

/** Drops separators the run may end with (a loop: a /[ (-]+$/ regex would be quadratic on long separator runs). */
function trimSeparators(run: string): string {
  let end = run.length;
  while (end > 0 && ' (-'.includes(run[end - 1] as string)) end--;
  return run.slice(0, end);
}
