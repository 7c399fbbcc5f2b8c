import { luhn } from './luhn.js';
import { myNumberCheckDigit, corporateNumberCheckDigit } from './jp-check-digits.js';

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
};

export function isValidatorName(name: string): boolean {
  return Object.prototype.hasOwnProperty.call(VALIDATORS, name);
}
