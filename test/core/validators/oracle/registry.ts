/** The validator table before notAllSameDigit and the digits-only shortcut of digitsOf: the oracle of registry-oracle.spec.ts. */
import { luhn } from '../../../../packages/core/src/validators/luhn.js';
import {
  myNumberCheckDigit,
  corporateNumberCheckDigit,
  insurerNumberCheckDigit,
  driversLicenseCheckDigit,
} from '../../../../packages/core/src/validators/jp-check-digits.js';
import { isValidIban } from '../../../../packages/core/src/validators/iban.js';
import { isIpAddress } from '../../../../packages/core/src/validators/ip.js';
import { isValidSsn } from '../../../../packages/core/src/validators/ssn.js';
import { cardBrandOf } from '../../../../packages/core/src/validators/credit-card.js';
import { isEraImpliedBirthDate, isPlausibleBirthDate } from '../../../../packages/core/src/validators/birth-date.js';

/**
 * Named validators a rule may list. A validator sees the matched text of the NORMALISED copy and answers
 * true (keep), false (drop). Checksums live in code; rules only name them.
 */
export type Validator = (matched: string) => boolean;

const digitsOf = (s: string): string => s.replace(/\D/g, '');

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
  not_all_same_digit: (s) => !/^(\d)\1*$/.test(digitsOf(s)),
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
