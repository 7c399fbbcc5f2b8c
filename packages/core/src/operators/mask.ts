import { coreError } from '../errors.js';
import type { FieldType } from '../types.js';
import type { Operator } from './operator.js';
import { intParam, readParams } from './params.js';

/** Policy parameters of `mask`. Without keepFirst/keepLast, entity-aware defaults apply (see docs/operators.md). */
export interface MaskParams {
  /** One character; default '*' for ASCII values, '＊' when the value is full-width or CJK. */
  readonly maskChar?: string;
  /** Characters (separators excluded) left visible at the start / end. */
  readonly keepFirst?: number;
  readonly keepLast?: number;
  /** Keep '-', spaces, '@', '.' and the like as written (default true). */
  readonly keepSeparators?: boolean;
}

interface MaskConfig {
  readonly maskChar: string | undefined;
  readonly keepFirst: number | undefined;
  readonly keepLast: number | undefined;
  readonly keepSeparators: boolean;
}

const HAS_SURROGATE = 1;
const HAS_WIDE = 2;

/**
 * HAS_SURROGATE when the value holds a surrogate half (paired or not), HAS_WIDE when it holds a full-width or CJK
 * code unit (U+3000–U+9FFF, U+FF00–U+FFEF): one pass over the code units instead of two regex calls per value.
 */
export function unitFlags(value: string): number {
  let flags = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c < 0x3000) continue;
    if (c >= 0xd800 && c <= 0xdfff) flags |= HAS_SURROGATE;
    else if (c <= 0x9fff || (c >= 0xff00 && c <= 0xffef)) flags |= HAS_WIDE;
  }
  return flags;
}
// A lookup table by UTF-16 code unit, not a Set of strings: isSep runs for every character of every masked value.
const SEPARATOR_TABLE = new Uint8Array(0x10000);
for (const c of '-‐‑‒–—―−－ー /.@_()（）　：:') SEPARATOR_TABLE[c.charCodeAt(0)] = 1;
/** A value's characters: the string itself when it has no surrogate pair (one code unit per character), else its code points. */
type Chars = string | readonly string[];
// A character is one code unit, or a surrogate pair (never a separator or a digit: those are all in the BMP).
const isSep = (c: string): boolean => c.length === 1 && SEPARATOR_TABLE[c.charCodeAt(0)] === 1;
const isDigit = (c: string): boolean => isDigitUnit(c.charCodeAt(0));
const isDigitUnit = (u: number): boolean => (u >= 0x30 && u <= 0x39) || (u >= 0xff10 && u <= 0xff19);
const isNameSplitUnit = (u: number): boolean => u === 0x20 || u === 0x3000 || u === 0x30fb; // space, ideographic space, katakana middle dot
/**
 * The code unit of character `i`, or -1 for a surrogate pair (never a separator, digit or name split). The
 * helpers below read characters by code unit: `value[i]` of a kanji or kana makes a new one-character string
 * (V8 caches only Latin-1 ones), a garbage string per character per pass.
 */
const unitAt = (chars: Chars, i: number): number => {
  if (typeof chars === 'string') return chars.charCodeAt(i);
  const c = chars[i] as string;
  return c.length === 1 ? c.charCodeAt(0) : -1;
};
const isSepAt = (chars: Chars, i: number): boolean => {
  const u = unitAt(chars, i);
  return u >= 0 && SEPARATOR_TABLE[u] === 1;
};
const isDigitAt = (chars: Chars, i: number): boolean => isDigitUnit(unitAt(chars, i));

// Scratch buffers reused by every call (apply is synchronous and never re-entered): no allocation per value.
let keepBuf = new Uint8Array(64);
let runBuf = new Int32Array(64);

/** keepBuf, zeroed for the first `n` characters (the only ones read). */
function scratch(n: number): Uint8Array {
  if (n > keepBuf.length) {
    keepBuf = new Uint8Array(Math.max(n, keepBuf.length * 2));
    runBuf = new Int32Array(keepBuf.length);
  }
  keepBuf.fill(0, 0, n);
  return keepBuf;
}
/** The most digits a mask may leave side by side (KM: "no run of 4+ original digits"). */
const MAX_DIGIT_RUN = 3;

/**
 * `mask`: replaces characters with a mask character, one for one, keeping separators so the written shape
 * survives. Entity defaults: PHONE 090-****-5678, EMAIL y*****@example.com, PERSON_NAME 山田 ＊＊,
 * CREDIT_CARD ****-****-****-1234, MY_NUMBER fully masked. Irreversible.
 */
export const maskOperator: Operator<MaskConfig> = {
  name: 'mask',
  reversible: false,
  contextFree: true,
  validate(params, entity) {
    const p = readParams('mask', params, ['maskChar', 'keepFirst', 'keepLast', 'keepSeparators']);
    const maskChar = p.maskChar;
    if (maskChar !== undefined && (typeof maskChar !== 'string' || [...maskChar].length !== 1 || isDigit(maskChar)))
      throw coreError('KAMEN_ERR_OPERATOR_PARAMS', "mask: 'maskChar' must be one non-digit character");
    const keepSeparators = p.keepSeparators ?? true;
    if (typeof keepSeparators !== 'boolean')
      throw coreError('KAMEN_ERR_OPERATOR_PARAMS', "mask: 'keepSeparators' must be a boolean");
    const keepFirst = intParam('mask', p, 'keepFirst');
    const keepLast = intParam('mask', p, 'keepLast');
    if (entity === 'MY_NUMBER' && ((keepFirst ?? 0) > 0 || (keepLast ?? 0) > 0))
      throw coreError('KAMEN_ERR_OPERATOR_PARAMS', 'mask: a My Number is always fully masked');
    return { maskChar, keepFirst, keepLast, keepSeparators };
  },
  apply(value, cfg, ctx) {
    // Indexing the string itself when every character is one code unit: no array of one-character strings.
    const flags = unitFlags(value);
    const chars: Chars = (flags & HAS_SURROGATE) !== 0 ? [...value] : value;
    const mc = cfg.maskChar ?? ((flags & HAS_WIDE) !== 0 ? '＊' : '*');
    const keep = scratch(chars.length);
    const digitRunAllowed = defaultKeep(chars, ctx.entity, cfg, keep);
    // Separators are kept (unless told not to); they carry no identity and make the output readable.
    limitDigitRuns(chars, keep, digitRunAllowed);
    const keepSeps = cfg.keepSeparators && !(ctx.entity === 'PERSON_NAME' || ctx.entity === 'NAME_KANA');
    const masked =
      typeof chars === 'string' ? maskRuns(chars, keep, keepSeps, mc) : maskEach(chars, keep, keepSeps, mc);
    if (masked !== value) return masked;
    // A value too short for its default to hide anything ('a@x.jp', a one-character name) is masked whole.
    let whole = '';
    for (const c of chars) whole += cfg.keepSeparators && isSep(c) ? c : mc;
    return whole;
  },
};

/** The masked value, one character at a time (a value with surrogate pairs: its characters are an array). */
export function maskEach(chars: readonly string[], keep: Uint8Array, keepSeps: boolean, mc: string): string {
  let masked = '';
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i] as string;
    masked += keep[i] !== 0 || (keepSeps && isSep(c)) ? c : mc;
  }
  return masked;
}

/**
 * maskEach for a value of one code unit per character: a run of kept characters is one slice and a run of masked
 * ones one repeat, a few strings per value instead of one concatenation per character.
 */
export function maskRuns(value: string, keep: Uint8Array, keepSeps: boolean, mc: string): string {
  const n = value.length;
  let masked = '';
  let from = 0;
  let kept = n > 0 && (keep[0] !== 0 || (keepSeps && SEPARATOR_TABLE[value.charCodeAt(0)] === 1));
  for (let i = 1; i <= n; i++) {
    const k = i < n && (keep[i] !== 0 || (keepSeps && SEPARATOR_TABLE[value.charCodeAt(i)] === 1));
    if (k === kept && i < n) continue;
    masked += kept ? value.slice(from, i) : mc.repeat(i - from);
    from = i;
    kept = k;
  }
  return masked;
}

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
      while (firstSplit < chars.length && !isNameSplitUnit(unitAt(chars, firstSplit))) firstSplit++;
      if (firstSplit === chars.length) firstSplit = -1;
      if (firstSplit <= 0) keep[0] = 1;
      else {
        for (; i < firstSplit; i++) keep[i] = 1;
        for (let j = firstSplit; j < chars.length; j++) if (isNameSplitUnit(unitAt(chars, j))) keep[j] = 2;
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
    if (isSepAt(chars, i)) continue;
    keep[i] = 1;
    n++;
  }
  for (let i = chars.length - 1, n = 0; i >= 0 && n < last; i--) {
    if (isSepAt(chars, i)) continue;
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
  const run = runBuf;
  let len = 0;
  for (let i = 0; i < end; i++) {
    const u = unitAt(chars, i);
    if (keep[i] === 1 && isDigitUnit(u)) run[len++] = i;
    else if (u < 0 || SEPARATOR_TABLE[u] !== 1) {
      dropExcess(run, len, keep, false);
      len = 0;
    }
  }
  let tailOnlySeps = true;
  for (let i = end; i < chars.length && tailOnlySeps; i++) tailOnlySeps = isSepAt(chars, i);
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
  for (let i = chars.length - 1, k = 0; i >= 0; i--) if (isDigitAt(chars, i) && ++k === n) return i;
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
    if (!isDigitAt(chars, i)) {
      i++;
      continue;
    }
    const s = i;
    while (i < chars.length && isDigitAt(chars, i)) i++;
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
