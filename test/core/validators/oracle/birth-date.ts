/** isPlausibleBirthDate and isEraImpliedBirthDate before the integer date keys and the cached day: the oracle of birth-date-oracle.spec.ts. */
import { ERAS, isCalendarDate, isInEra } from '../../../../packages/core/src/dates/eras.js';
import { parseJapaneseDate } from '../../dates/oracle/parse.js';

/** Youngest plausible employee or dependant age, in years; younger dates are not birth dates of staff. */
const MIN_AGE = 0;
/** Oldest plausible birth year. */
const MIN_YEAR = 1900;

function isPlausible(y: number, m: number, d: number, now: Date): boolean {
  if (y < MIN_YEAR) return false;
  const t = Date.UTC(y, m - 1, d);
  return t <= Date.UTC(now.getUTCFullYear() - MIN_AGE, now.getUTCMonth(), now.getUTCDate());
}

/**
 * True when `text` is one valid calendar date (和暦 within its era, or Gregorian) that can be a date of birth of
 * a living person: from 1900 up to today. Dependants can be newborns, so the upper bound is today, not today − 15.
 */
export function isPlausibleBirthDate(text: string, now: Date = new Date()): boolean {
  const d = parseJapaneseDate(text);
  return d !== null && isPlausible(d.year, d.month, d.day, now);
}

const ERA_IMPLIED = /^(\d{1,2})[./-](\d{1,2})[./-](\d{1,2})$/;
const ERA_CODED = /^(\d)(\d{2})(\d{2})(\d{2})$/;
// 元号 codes: 1 明治 … 5 令和 is the de facto standard, 1/3/5/7/9 appears in some government specs (jp-pii-spec §6).
const CODE_SETS: readonly (readonly number[])[] = [
  [1, 2, 3, 4, 5],
  [1, 3, 5, 7, 9],
];

function fitsSomeEra(
  eraYear: number,
  m: number,
  d: number,
  eras: readonly (typeof ERAS)[number][],
  now: Date,
): boolean {
  return eras.some((era) => {
    const y = era.offset + eraYear;
    return eraYear >= 1 && isCalendarDate(y, m, d) && isInEra(era, y, m, d) && isPlausible(y, m, d, now);
  });
}

/**
 * A 和暦 birth date written without its era: `60.4.1` after a 生年月日 label (the era is implied by the form), or
 * the COBOL-style `3600401` (era code, then YYMMDD). True when some era, or the era the code names in either code
 * set, makes it a plausible birth date. Which era it is stays unknown, so parseJapaneseDate does not read these.
 */
export function isEraImpliedBirthDate(text: string, now: Date = new Date()): boolean {
  let m = ERA_IMPLIED.exec(text);
  if (m) return fitsSomeEra(Number(m[1]), Number(m[2]), Number(m[3]), ERAS, now);
  m = ERA_CODED.exec(text);
  if (!m) return false;
  const code = Number(m[1]);
  const eras = CODE_SETS.map((set) => ERAS[set.indexOf(code)]).filter((e) => e !== undefined);
  return fitsSomeEra(Number(m[2]), Number(m[3]), Number(m[4]), eras, now);
}
