import { japaneseAddressHead } from '../address/parse.js';
import { isCalendarDate } from '../dates/eras.js';
import { parseJapaneseDate } from '../dates/parse.js';
import { coreError } from '../errors.js';
import type { FieldType } from '../types.js';
import type { Operator } from './operator.js';

/** Policy parameters of `generalize`. */
export interface GeneralizeParams {
  /**
   * DATE_OF_BIRTH: 'year' (1985年 / 1985) or 'band' (1985-1989, default). ADDRESS: 'prefecture' (default) or
   * 'municipality' (prefecture + municipality). POSTAL_CODE: 'masked' (150-****, default) or 'prefix' (150).
   */
  readonly level?: 'year' | 'band' | 'prefecture' | 'municipality' | 'masked' | 'prefix';
  /** Band width: years for birth years and ages (default 5), yen for SALARY (default 100000). */
  readonly width?: number;
}

export interface GeneralizeConfig {
  readonly level: NonNullable<GeneralizeParams['level']>;
  readonly width: number;
}

const LEVELS: Partial<Record<FieldType, readonly GeneralizeConfig['level'][]>> = {
  DATE_OF_BIRTH: ['band', 'year'],
  ADDRESS: ['prefecture', 'municipality'],
  POSTAL_CODE: ['masked', 'prefix'],
  SALARY: ['band'],
};

/** What is left when a value cannot be read: nothing of it. */
const SUPPRESSED = '*';
const AGE = /^(?:満 ?)?(\d{1,3}) ?(歳|才)?$/u;
const CJK = /[\u3000-\u9fff\uff00-\uffef]/u;

// NFKC leaves ASCII as it is; most dates, ages and salaries are ASCII, and a regex test is cheaper than ICU.
// Without the u flag: a code unit test, so surrogate halves count as non-ASCII too.
const NON_ASCII = /[\u0080-\uffff]/;
const toAscii = (s: string): string => (NON_ASCII.test(s) ? s.normalize('NFKC') : s);

function band(n: number, width: number): [number, number] {
  const lo = Math.floor(n / width) * width;
  return [lo, lo + width - 1];
}

/**
 * The year of a value written exactly yyyy-mm-dd in ASCII digits (the common form of a birth-date column), 0 when
 * it is no calendar date, -1 when the value has another form. parseJapaneseDate reads this form the same way
 * (normalising leaves it as it is; only its ISO pattern matches), without normalising, trimming and four regexes.
 */
function isoDateYear(v: string): number {
  if (v.length !== 10 || v.charCodeAt(4) !== 0x2d || v.charCodeAt(7) !== 0x2d) return -1;
  let n = 0;
  for (let i = 0; i < 10; i++) {
    if (i === 4 || i === 7) continue;
    const d = v.charCodeAt(i) - 0x30;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  const y = Math.floor(n / 10_000);
  return isCalendarDate(y, Math.floor(n / 100) % 100, n % 100) ? y : 0;
}

function generalizeDate(value: string, c: GeneralizeConfig): string {
  const iso = isoDateYear(value);
  if (iso === 0) return SUPPRESSED;
  if (iso > 0) {
    if (c.level === 'year') return String(iso);
    const [lo, hi] = band(iso, c.width);
    return `${lo}-${hi}`;
  }
  const age = AGE.exec(toAscii(value).trim());
  if (age !== null) {
    // 年齢 columns are classified with birth dates: an age becomes an age band (30-34歳).
    const [lo, hi] = band(Number(age[1]), c.width);
    return `${lo}-${hi}${age[2] ?? ''}`;
  }
  const parsed = parseJapaneseDate(value);
  if (parsed === null) return SUPPRESSED;
  if (c.level === 'year') return CJK.test(value) ? `${parsed.year}年` : String(parsed.year);
  const [lo, hi] = band(parsed.year, c.width);
  return `${lo}-${hi}`;
}

function generalizeAddress(value: string, c: GeneralizeConfig): string {
  // The prefecture (+ municipality) parseJapaneseAddress would find, without splitting off the rest of the value.
  const out = japaneseAddressHead(value, c.level === 'municipality');
  return out === '' ? SUPPRESSED : out;
}

function generalizePostal(value: string, c: GeneralizeConfig): string {
  const digits = toAscii(value).replace(/\D/g, '');
  if (digits.length !== 7) return SUPPRESSED;
  return c.level === 'prefix' ? digits.slice(0, 3) : `${digits.slice(0, 3)}-****`;
}

const SALARY_JUNK = /[,\s¥￥円]/gu;
const SALARY_DIGITS = /^\d{1,15}$/;

/** n with en-US thousands separators: toLocaleString('en-US') goes through ICU on every call. */
function withCommas(n: number): string {
  // Beyond 2^53 String() switches to exponent form (a huge width): leave those to ICU.
  if (!Number.isSafeInteger(n) || n < 0) return n.toLocaleString('en-US');
  const d = String(n);
  let out = d.slice(0, ((d.length - 1) % 3) + 1);
  for (let k = out.length; k < d.length; k += 3) out += `,${d.slice(k, k + 3)}`;
  return out;
}

function generalizeSalary(value: string, c: GeneralizeConfig): string {
  const digits = toAscii(value).replace(SALARY_JUNK, '');
  if (!SALARY_DIGITS.test(digits)) return SUPPRESSED;
  const [lo, hi] = band(Number(digits), c.width);
  return `${withCommas(lo)}–${withCommas(hi)}`;
}

/**
 * Coarsens a value so it describes a group, not a person (匿名加工 step 5: generalisation): birth date -> year or
 * 5-year band, age -> age band, address -> prefecture (+ municipality), postal code -> first 3 digits,
 * salary -> band. Irreversible and unkeyed. A value it cannot read is suppressed ('*'), never passed through.
 * @public
 */
export const generalizeOperator: Operator<GeneralizeConfig> = {
  name: 'generalize',
  reversible: false,
  contextFree: true,
  validate(params: unknown, entity: FieldType): GeneralizeConfig {
    const levels = LEVELS[entity];
    const fail = (detail: string) => coreError('KAMEN_ERR_OPERATOR_PARAMS', `generalize: ${detail}`);
    if (levels === undefined) throw fail(`cannot generalise ${entity}`);
    const p = (params ?? {}) as Record<string, unknown>;
    if (typeof p !== 'object' || Array.isArray(p)) throw fail('params must be an object');
    for (const k of Object.keys(p)) if (k !== 'level' && k !== 'width') throw fail(`unknown param ${k}`);
    const level = p.level ?? levels[0];
    if (!levels.includes(level as GeneralizeConfig['level'])) throw fail(`level for ${entity}: ${levels.join(', ')}`);
    const width = p.width ?? (entity === 'SALARY' ? 100_000 : 5);
    if (typeof width !== 'number' || !Number.isInteger(width) || width < 1)
      throw fail('width must be a positive integer');
    return { level: level as GeneralizeConfig['level'], width };
  },
  apply(value, config, ctx) {
    let out: string;
    switch (ctx.entity) {
      case 'DATE_OF_BIRTH':
        out = generalizeDate(value, config);
        break;
      case 'ADDRESS':
        out = generalizeAddress(value, config);
        break;
      case 'POSTAL_CODE':
        out = generalizePostal(value, config);
        break;
      case 'SALARY':
        out = generalizeSalary(value, config);
        break;
      default:
        throw coreError('KAMEN_ERR_OPERATOR_PARAMS', `generalize: cannot generalise ${ctx.entity}`);
    }
    // A value that is already as coarse as the output (a bare prefecture, 1985) says nothing new, but
    // returning it verbatim would break the "never the original" contract: suppress it instead.
    return out === value ? SUPPRESSED : out;
  },
};
