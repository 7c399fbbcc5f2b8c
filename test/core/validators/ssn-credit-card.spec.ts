import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { VALIDATORS, cardBrandOf, isValidSsn, luhn } from '@kamen/core';
import { creditCardDigitsArb, creditCardWrongLuhnArb, ssnDigitsArb, ssnInvalidArb } from '../../helpers/generators.js';
import { refLuhnValid } from '../../helpers/reference-check-digits.js';

describe('US SSN validator', () => {
  it.each(['123-45-6789', '536 22 1234', '001010001'])('%s may be issued', (s) => expect(isValidSsn(s)).toBe(true));
  it.each(['000-12-3456', '666-12-3456', '900-12-3456', '123-00-4567', '123-45-0000', '078-05-1120', '12-34-567'])(
    '%s is never issued',
    (s) => expect(isValidSsn(s)).toBe(false),
  );
  it('accepts generated issuable numbers and rejects generated exclusions', () => {
    fc.assert(
      fc.property(ssnDigitsArb, (d) => {
        expect(isValidSsn(d)).toBe(true);
      }),
    );
    fc.assert(
      fc.property(ssnInvalidArb, (d) => {
        expect(isValidSsn(d)).toBe(false);
      }),
    );
  });
});

describe('payment card validators', () => {
  it.each([
    ['4111111111111111', 'visa'],
    ['5555555555554444', 'mastercard'],
    ['2223003122003222', 'mastercard'],
    ['378282246310005', 'amex'],
    ['3530111333300000', 'jcb'],
    ['36227206271667', 'diners'],
    ['6011111111111117', 'discover'],
    ['6200000000000005', 'unionpay'],
  ])('%s is %s', (pan, brand) => expect(cardBrandOf(pan)).toBe(brand));

  it.each(['4222222222222', '1234567890123456', '341111111111111111', '4901234567894'])('%s has no brand', (pan) =>
    expect(cardBrandOf(pan)).toBeUndefined(),
  );

  it('Luhn agrees with a string-arithmetic reference on valid and corrupted card numbers', () => {
    fc.assert(
      fc.property(fc.oneof(creditCardDigitsArb, creditCardWrongLuhnArb), (d) => {
        expect(luhn(d)).toBe(refLuhnValid(d));
        expect(VALIDATORS.credit_card_iin?.(d)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});
