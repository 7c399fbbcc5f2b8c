import { luhn } from './luhn.js';
import {
  myNumberCheckDigit,
  corporateNumberCheckDigit,
  insurerNumberCheckDigit,
  driversLicenseCheckDigit,
} from './jp-check-digits.js';
import { isValidIban } from './iban.js';
import { isIpAddress } from './ip.js';
import { isValidSsn } from './ssn.js';
import { cardBrandOf } from './credit-card.js';
import { isEraImpliedBirthDate, isPlausibleBirthDate } from './birth-date.js';

/**
 * Named validators a rule may list. A validator sees the matched text of the NORMALISED copy and answers
 * true (keep), false (drop). Checksums live in code; rules only name them.
 */
export type Validator = (matched: string) => boolean;

/**
 * The ASCII digits of `s`. Most candidates are digits only (twelve digits, a card without spaces): they are returned
 * as they are, without running the replace (measured with notAllSameDigit).
 */
function digitsOf(s: string): string {
  for (let i = 0; i < s.length; i++) {
    if ((s.charCodeAt(i) - 0x30) >>> 0 > 9) return s.replace(/\D/g, '');
  }
  return s;
}

/**
 * True unless the ASCII digits of `s` are one digit repeated (what /^(\d)\1*$/ says of them); no digits at all is
 * true, as the regex fails on the empty string. A loop instead of the regex over a digits-only copy: the seven
 * validators that read digits, over the bench candidates of a 2 MB pass (13-18k), CPU ms, same process, with
 * digitsOf's shortcut: mixed 1.98 -> 1.07, ja 1.94 -> 0.97, en 1.93 -> 1.19.
 */
function notAllSameDigit(s: string): boolean {
  let first = -1;
  for (let i = 0; i < s.length; i++) {
    const d = s.charCodeAt(i) - 0x30;
    if (d >>> 0 > 9) continue;
    if (first < 0) first = d;
    else if (d !== first) return true;
  }
  return first < 0;
}

export const VALIDATORS: Readonly<Record<string, Validator>> = {
  luhn: (s) => luhn(digitsOf(s)),
  my_number: (s) => {
    const d = digitsOf(s);
    return d.length === 12 && myNumberCheckDigit(d.slice(0, 11)) === Number(d[11]);
  },
  corporate_number: (s) => {
    const d = digitsOf(s);
    return d.length === 13 && corporateNumberCheckDigit(d.slice(1)) === Number(d[0]);
  },
  not_all_same_digit: notAllSameDigit,
  /** 保険者番号: 8 digits (社保) or 6 digits (国保), last digit the Luhn-style check digit. */
  insurer_number: (s) => {
    const d = digitsOf(s);
    return (d.length === 8 || d.length === 6) && insurerNumberCheckDigit(d.slice(0, -1)) === Number(d[d.length - 1]);
  },
  /** 運転免許証番号: the 11th digit matches the UNOFFICIAL check digit; rules use it to raise a score only. */
  drivers_license_check_digit: (s) => {
    const d = digitsOf(s);
    return d.length === 12 && driversLicenseCheckDigit(d.slice(0, 10)) === Number(d[10]);
  },
  /** Payment card: a known brand IIN with a length that brand issues (pair with luhn). */
  credit_card_iin: (s) => cardBrandOf(digitsOf(s)) !== undefined,
  iban: (s) => isValidIban(s),
  ip_address: (s) => isIpAddress(s),
  us_ssn: (s) => isValidSsn(s),
  /** One valid date (和暦 within its era, or Gregorian) between 1900 and today. */
  birth_date: (s) => isPlausibleBirthDate(s),
  /** 和暦 without its era (60.4.1 after a label) or with an era code (3600401), plausible in some era. */
  era_implied_birth_date: (s) => isEraImpliedBirthDate(s),
};

export function isValidatorName(name: string): boolean {
  return Object.prototype.hasOwnProperty.call(VALIDATORS, name);
}
