/**
 * The mask operator's per-character helpers as they were before they read characters by code unit (2026-12-01):
 * the reference the faster code must equal on every input. maskRuns, maskEach and unitFlags, which that change left
 * alone, are core's.
 */
import type { FieldType } from '../../../packages/core/src/types.js';
import { maskEach, maskRuns, unitFlags } from '../../../packages/core/src/operators/mask.js';

export interface ReferenceMaskConfig {
  readonly maskChar: string | undefined;
  readonly keepFirst: number | undefined;
  readonly keepLast: number | undefined;
  readonly keepSeparators: boolean;
}
type MaskConfig = ReferenceMaskConfig;

/** The mask operator's apply as it was. */
export function referenceMask(value: string, cfg: MaskConfig, entity: FieldType): string {
  const flags = unitFlags(value);
  const chars: Chars = (flags & 1) !== 0 ? [...value] : value;
  const mc = cfg.maskChar ?? ((flags & 2) !== 0 ? '＊' : '*');
  const keep = new Uint8Array(chars.length);
  const digitRunAllowed = defaultKeep(chars, entity, cfg, keep);
  limitDigitRuns(chars, keep, digitRunAllowed);
  const keepSeps = cfg.keepSeparators && !(entity === 'PERSON_NAME' || entity === 'NAME_KANA');
  const masked = typeof chars === 'string' ? maskRuns(chars, keep, keepSeps, mc) : maskEach(chars, keep, keepSeps, mc);
  if (masked !== value) return masked;
  let whole = '';
  for (const c of chars) whole += cfg.keepSeparators && isSep(c) ? c : mc;
  return whole;
}

// A lookup table by UTF-16 code unit, not a Set of strings: isSep runs for every character of every masked value.
const SEPARATOR_TABLE = new Uint8Array(0x10000);
for (const c of '-‐‑‒–—―−－ー /.@_()（）　：:') SEPARATOR_TABLE[c.charCodeAt(0)] = 1;
/** A value's characters: the string itself when it has no surrogate pair (one code unit per character), else its code points. */
type Chars = string | readonly string[];
// A character is one code unit, or a surrogate pair (never a separator or a digit: those are all in the BMP).
const isSep = (c: string): boolean => c.length === 1 && SEPARATOR_TABLE[c.charCodeAt(0)] === 1;
const isDigit = (c: string): boolean => {
  const u = c.charCodeAt(0);
  return (u >= 0x30 && u <= 0x39) || (u >= 0xff10 && u <= 0xff19);
};
const isNameSplit = (c: string): boolean => c === ' ' || c === '\u3000' || c === '・';

/** The most digits a mask may leave side by side (KM: "no run of 4+ original digits"). */
const MAX_DIGIT_RUN = 3;

/**
 * Marks kept characters in `keep` (1 = visible; 2 = visible name separator) and returns the index from which a
 * run of 4+ digits may stay visible (the card's last 4, the phone's subscriber group), or -1.
 */
function defaultKeep(chars: Chars, entity: FieldType, cfg: MaskConfig, keep: Uint8Array): number {
  const explicit = cfg.keepFirst !== undefined || cfg.keepLast !== undefined;
  if (explicit || !ENTITY_DEFAULTS.has(entity)) {
    markEnds(chars, keep, cfg.keepFirst ?? 0, cfg.keepLast ?? 0);
    return entity === 'CREDIT_CARD' && (cfg.keepLast ?? 0) <= 4 ? lastDigitsStart(chars, 4) : -1;
  }
  switch (entity) {
    case 'PHONE': {
      // First group (prefix / area code) and last group stay; with no separators, the first 3 and last 4 digits.
      const g = digitGroupEnds(chars);
      if (g !== undefined) {
        for (let i = g.firstStart; i < Math.min(g.firstEnd, g.firstStart + 4); i++) keep[i] = 1;
        for (let i = Math.max(g.lastStart, g.lastEnd - 4); i < g.lastEnd; i++) keep[i] = 1;
        return Math.max(g.lastStart, g.lastEnd - 4);
      }
      markEnds(chars, keep, 3, 4);
      return lastDigitsStart(chars, 4);
    }
    case 'CREDIT_CARD':
      markEnds(chars, keep, 0, 4);
      return lastDigitsStart(chars, 4);
    case 'EMAIL': {
      const at = chars.lastIndexOf('@');
      if (at > 0) {
        keep[0] = 1;
        for (let i = at; i < chars.length; i++) keep[i] = 1;
      }
      return -1;
    }
    case 'PERSON_NAME':
    case 'NAME_KANA': {
      // The first token (the surname in Japanese order) stays; a one-token name keeps its first character.
      let i = 0;
      let firstSplit = 0;
      while (firstSplit < chars.length && !isNameSplit(chars[firstSplit] as string)) firstSplit++;
      if (firstSplit === chars.length) firstSplit = -1;
      if (firstSplit <= 0) keep[0] = 1;
      else {
        for (; i < firstSplit; i++) keep[i] = 1;
        for (let j = firstSplit; j < chars.length; j++) if (isNameSplit(chars[j] as string)) keep[j] = 2;
      }
      return -1;
    }
    default:
      return -1; // MY_NUMBER and the rest: nothing visible but separators
  }
}

const ENTITY_DEFAULTS: ReadonlySet<FieldType> = new Set<FieldType>([
  'PHONE',
  'CREDIT_CARD',
  'EMAIL',
  'PERSON_NAME',
  'NAME_KANA',
]);

function markEnds(chars: Chars, keep: Uint8Array, first: number, last: number): void {
  for (let i = 0, n = 0; i < chars.length && n < first; i++) {
    if (isSep(chars[i] as string)) continue;
    keep[i] = 1;
    n++;
  }
  for (let i = chars.length - 1, n = 0; i >= 0 && n < last; i--) {
    if (isSep(chars[i] as string)) continue;
    keep[i] = 1;
    n++;
  }
}

/**
 * Unmarks kept digits so no more than MAX_DIGIT_RUN stand side by side (separators do not break a run). A run
 * reaching the end of the value keeps its LAST digits (it came from keepLast), any other its first. Digits from
 * `allowedFrom` on (card last 4, phone subscriber group) are exempt.
 */
function limitDigitRuns(chars: Chars, keep: Uint8Array, allowedFrom: number): void {
  const end = allowedFrom >= 0 ? allowedFrom : chars.length;
  // The current run's kept digit positions, in runBuf (sized with keepBuf, so a run always fits).
  const run = new Int32Array(chars.length);
  let len = 0;
  for (let i = 0; i < end; i++) {
    const c = chars[i] as string;
    if (keep[i] === 1 && isDigit(c)) run[len++] = i;
    else if (!isSep(c)) {
      dropExcess(run, len, keep, false);
      len = 0;
    }
  }
  let tailOnlySeps = true;
  for (let i = end; i < chars.length && tailOnlySeps; i++) tailOnlySeps = isSep(chars[i] as string);
  dropExcess(run, len, keep, tailOnlySeps && end === chars.length);
}

/** Unmarks all but MAX_DIGIT_RUN of a run's `len` digits: its last ones when `atEnd`, else its first ones. */
function dropExcess(run: Int32Array, len: number, keep: Uint8Array, atEnd: boolean): void {
  if (len <= MAX_DIGIT_RUN) return;
  const from = atEnd ? 0 : MAX_DIGIT_RUN;
  const to = atEnd ? len - MAX_DIGIT_RUN : len;
  for (let k = from; k < to; k++) keep[run[k] as number] = 0;
}

/** Index of the n-th digit from the end. */
function lastDigitsStart(chars: Chars, n: number): number {
  for (let i = chars.length - 1, k = 0; i >= 0; i--) if (isDigit(chars[i] as string) && ++k === n) return i;
  return -1;
}

/** [start, end) of the first and the last maximal run of digits, or undefined when there are fewer than two runs. */
function digitGroupEnds(
  chars: Chars,
): { firstStart: number; firstEnd: number; lastStart: number; lastEnd: number } | undefined {
  let firstStart = -1;
  let firstEnd = -1;
  let lastStart = -1;
  let lastEnd = -1;
  for (let i = 0; i < chars.length;) {
    if (!isDigit(chars[i] as string)) {
      i++;
      continue;
    }
    const s = i;
    while (i < chars.length && isDigit(chars[i] as string)) i++;
    if (firstStart < 0) {
      firstStart = s;
      firstEnd = i;
    } else {
      lastStart = s;
      lastEnd = i;
    }
  }
  return lastStart < 0 ? undefined : { firstStart, firstEnd, lastStart, lastEnd };
}
