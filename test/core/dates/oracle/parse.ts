/** parseJapaneseDate before the first-character dispatch and the whitespace check: the oracle of birth-date-oracle.spec.ts. */
import { normalizeText } from '../../../../packages/core/src/text/normalize.js';
import { eraByMark, isCalendarDate, isInEra } from '../../../../packages/core/src/dates/eras.js';

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
  const s = normalizeText(value).text.trim().replace(/\s+/g, ' ');
  let m = WAREKI.exec(s);
  if (m) return wareki(m[1] as string, m[2] as string, Number(m[3]), Number(m[4]));
  m = WAREKI_COMPACT.exec(s);
  if (m) return wareki(m[1] as string, m[2] as string, Number(m[3]), Number(m[4]));
  m = ISO_LIKE.exec(s) ?? COMPACT.exec(s);
  if (m) return gregorian(Number(m[1]), Number(m[2]), Number(m[3]));
  m = SLASHED_US_EU.exec(s);
  if (m) {
    const a = Number(m[1]);
    const b = Number(m[2]);
    const y = Number(m[3]);
    return b <= 12 ? gregorian(y, b, a) : gregorian(y, a, b);
  }
  m = EN_MDY.exec(s);
  if (m) return gregorian(Number(m[3]), monthOf(m[1] as string), Number(m[2]));
  m = EN_DMY.exec(s);
  if (m) return gregorian(Number(m[3]), monthOf(m[2] as string), Number(m[1]));
  return null;
}
