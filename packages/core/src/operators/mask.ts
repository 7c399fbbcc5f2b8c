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

const WIDE = /[\u3000-\u9fff\uff00-\uffef]/u;
const SEPARATORS = new Set([...'-‐‑‒–—―−－ー /.@_()（）　：:']);
const isSep = (c: string): boolean => SEPARATORS.has(c);
const isDigit = (c: string): boolean => (c >= '0' && c <= '9') || (c >= '０' && c <= '９');
const NAME_SPLIT = /[ \u3000・]/u;
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
    const chars = [...value];
    const mc = cfg.maskChar ?? (WIDE.test(value) ? '＊' : '*');
    const keep = new Uint8Array(chars.length);
    const digitRunAllowed = defaultKeep(chars, ctx.entity, cfg, keep);
    // Separators are kept (unless told not to); they carry no identity and make the output readable.
    limitDigitRuns(chars, keep, digitRunAllowed);
    const out: string[] = new Array<string>(chars.length);
    const names = ctx.entity === 'PERSON_NAME' || ctx.entity === 'NAME_KANA';
    for (let i = 0; i < chars.length; i++) {
      const c = chars[i] as string;
      if (isSep(c) && cfg.keepSeparators && !names) out[i] = c;
      else out[i] = keep[i] === 1 || keep[i] === 2 ? c : mc;
    }
    const masked = out.join('');
    // A value too short for its default to hide anything ('a@x.jp', a one-character name) is masked whole.
    return masked === value ? chars.map((c) => (isSep(c) && cfg.keepSeparators ? c : mc)).join('') : masked;
  },
};

/**
 * Marks kept characters in `keep` (1 = visible; 2 = visible name separator) and returns the index from which a
 * run of 4+ digits may stay visible (the card's last 4, the phone's subscriber group), or -1.
 */
function defaultKeep(chars: readonly string[], entity: FieldType, cfg: MaskConfig, keep: Uint8Array): number {
  const explicit = cfg.keepFirst !== undefined || cfg.keepLast !== undefined;
  if (explicit || !ENTITY_DEFAULTS.has(entity)) {
    markEnds(chars, keep, cfg.keepFirst ?? 0, cfg.keepLast ?? 0);
    return entity === 'CREDIT_CARD' && (cfg.keepLast ?? 0) <= 4 ? lastDigitsStart(chars, 4) : -1;
  }
  switch (entity) {
    case 'PHONE': {
      // First group (prefix / area code) and last group stay; with no separators, the first 3 and last 4 digits.
      const groups = digitGroups(chars);
      if (groups.length >= 2) {
        const first = groups[0] as [number, number];
        const last = groups[groups.length - 1] as [number, number];
        for (let i = first[0]; i < Math.min(first[1], first[0] + 4); i++) keep[i] = 1;
        for (let i = Math.max(last[0], last[1] - 4); i < last[1]; i++) keep[i] = 1;
        return Math.max(last[0], last[1] - 4);
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
      const firstSplit = chars.findIndex((c) => NAME_SPLIT.test(c));
      if (firstSplit <= 0) keep[0] = 1;
      else {
        for (; i < firstSplit; i++) keep[i] = 1;
        for (let j = firstSplit; j < chars.length; j++) if (NAME_SPLIT.test(chars[j] as string)) keep[j] = 2;
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

function markEnds(chars: readonly string[], keep: Uint8Array, first: number, last: number): void {
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
function limitDigitRuns(chars: readonly string[], keep: Uint8Array, allowedFrom: number): void {
  const end = allowedFrom >= 0 ? allowedFrom : chars.length;
  let run: number[] = [];
  const flush = (atEnd: boolean): void => {
    if (run.length > MAX_DIGIT_RUN) {
      const drop = atEnd ? run.slice(0, run.length - MAX_DIGIT_RUN) : run.slice(MAX_DIGIT_RUN);
      for (const i of drop) keep[i] = 0;
    }
    run = [];
  };
  for (let i = 0; i < end; i++) {
    const c = chars[i] as string;
    if (keep[i] === 1 && isDigit(c)) run.push(i);
    else if (!isSep(c)) flush(false);
  }
  let tailOnlySeps = true;
  for (let i = end; i < chars.length && tailOnlySeps; i++) tailOnlySeps = isSep(chars[i] as string);
  flush(tailOnlySeps && end === chars.length);
}

/** Index of the n-th digit from the end. */
function lastDigitsStart(chars: readonly string[], n: number): number {
  for (let i = chars.length - 1, k = 0; i >= 0; i--) if (isDigit(chars[i] as string) && ++k === n) return i;
  return -1;
}

/** [start, end) of each maximal run of digits. */
function digitGroups(chars: readonly string[]): [number, number][] {
  const groups: [number, number][] = [];
  for (let i = 0; i < chars.length;) {
    if (!isDigit(chars[i] as string)) {
      i++;
      continue;
    }
    const s = i;
    while (i < chars.length && isDigit(chars[i] as string)) i++;
    groups.push([s, i]);
  }
  return groups;
}
