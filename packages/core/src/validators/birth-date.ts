import { parseJapaneseDate } from '../dates/parse.js';

/** Youngest plausible employee or dependant age, in years; younger dates are not birth dates of staff. */
const MIN_AGE = 0;
/** Oldest plausible birth year. */
const MIN_YEAR = 1900;

/**
 * True when `text` is one valid calendar date (和暦 within its era, or Gregorian) that can be a date of birth of
 * a living person: from 1900 up to today. Dependants can be newborns, so the upper bound is today, not today − 15.
 */
export function isPlausibleBirthDate(text: string, now: Date = new Date()): boolean {
  const d = parseJapaneseDate(text);
  if (d === null) return false;
  if (d.year < MIN_YEAR) return false;
  const t = Date.UTC(d.year, d.month - 1, d.day);
  return t <= Date.UTC(now.getUTCFullYear() - MIN_AGE, now.getUTCMonth(), now.getUTCDate());
}
