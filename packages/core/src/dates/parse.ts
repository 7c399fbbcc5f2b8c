import { normalizeText } from '../text/normalize.js';
import { eraByMark, isCalendarDate, isInEra } from './eras.js';

/** A calendar date read from text; `era` is set when it was written in 和暦. @public */
export interface ParsedDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly era?: string;
}

// All forms are matched on the normalised copy (NFKC, dashes folded), anchored to the whole value.
const WAREKI =
  /^(明治|大正|昭和|平成|令和|[明大昭平令MTSHR])\.? ?(元|\d{1,2}) ?[年./-] ?(\d{1,2}) ?[月./-] ?(\d{1,2}) ?日?$/i;
const WAREKI_COMPACT = /^([MTSHR])(\d{2})(\d{2})(\d{2})$/i;
const ISO_LIKE = /^(\d{4}) ?[年./-] ?(\d{1,2}) ?[月./-] ?(\d{1,2}) ?日?$/;
const COMPACT = /^((?:18|19|20)\d{2})(\d{2})(\d{2})$/;
const SLASHED_US_EU = /^(\d{1,2})[./-](\d{1,2})[./-](\d{4})$/;
/** Whitespace the trim and the fold to single spaces would change: at either end, in a row, or not a plain space. */
const ODD_SPACE = /^\s|\s$|\s\s|[^\S ]/;
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const EN_MDY = /^([A-Za-z]{3,9})\.? (\d{1,2})(?:st|nd|rd|th)?,? (\d{4})$/;
const EN_DMY = /^(\d{1,2})(?:st|nd|rd|th)? ([A-Za-z]{3,9})\.?,? (\d{4})$/;

const monthOf = (name: string): number => {
  const i = MONTHS.indexOf(name.slice(0, 3).toLowerCase());
  return i < 0 ? 0 : i + 1;
};

function gregorian(y: number, m: number, d: number): ParsedDate | null {
  return isCalendarDate(y, m, d) ? { year: y, month: m, day: d } : null;
}

function wareki(mark: string, yearText: string, m: number, d: number): ParsedDate | null {
  const era = eraByMark(mark);
  if (era === undefined) return null;
  const eraYear = yearText === '元' ? 1 : Number(yearText);
  if (eraYear < 1) return null;
  const y = era.offset + eraYear;
  // 昭和65年 or 平成32年 do not exist: the date must fall inside the era (overlap day allowed).
  if (!isCalendarDate(y, m, d) || !isInEra(era, y, m, d)) return null;
  return { year: y, month: m, day: d, era: era.name };
}

/**
 * Reads a date written as 和暦 (昭和60年4月1日, S60.4.1, S600401, 平成元年1月8日, R1.5.1, full-width too) or Gregorian
 * (1985年4月1日, 1985/4/1, 1985-04-01, 19850401, April 1, 1985, 1 April 1985, 01/04/1985). Returns null when the
 * value is not exactly one valid date (昭和65年, 2月30日). Ambiguous d/m/y: day first unless the first number
 * cannot be a day-first month (then month first, US style).
 * @public
 */
export function parseJapaneseDate(value: string): ParsedDate | null {
  const text = normalizeText(value).text;
  const s = ODD_SPACE.test(text) ? text.trim().replace(/\s+/g, ' ') : text;
  // The 和暦 and month-name forms start with a letter or a kanji, the others with a digit: only one group can match,
  // and the others are not run (measured together with validators/birth-date.ts's date keys, see there).
  const c = s.charCodeAt(0);
  if (!(c >= 0x30 && c <= 0x39)) {
    let w = WAREKI.exec(s) ?? WAREKI_COMPACT.exec(s);
    if (w) return wareki(w[1] as string, w[2] as string, Number(w[3]), Number(w[4]));
    w = EN_MDY.exec(s);
    return w ? gregorian(Number(w[3]), monthOf(w[1] as string), Number(w[2])) : null;
  }
  let m = ISO_LIKE.exec(s) ?? COMPACT.exec(s);
  if (m) return gregorian(Number(m[1]), Number(m[2]), Number(m[3]));
  m = SLASHED_US_EU.exec(s);
  if (m) {
    const a = Number(m[1]);
    const b = Number(m[2]);
    const y = Number(m[3]);
    return b <= 12 ? gregorian(y, b, a) : gregorian(y, a, b);
  }
  m = EN_DMY.exec(s);
  if (m) return gregorian(Number(m[3]), monthOf(m[2] as string), Number(m[1]));
  return null;
}
