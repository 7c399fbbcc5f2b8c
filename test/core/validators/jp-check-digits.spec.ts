import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  VALIDATORS,
  corporateNumberCheckDigit,
  driversLicenseCheckDigit,
  insurerNumberCheckDigit,
  myNumberCheckDigit,
} from '@kamen/core';
import { digitsArb } from '../../helpers/generators.js';
import {
  refCorporateCheckDigit,
  refInsurerCheckDigit,
  refLicenceCheckDigit,
  refMyNumberCheckDigit,
} from '../../helpers/reference-check-digits.js';

const v = (name: string) => VALIDATORS[name] as (s: string) => boolean;

describe('My Number check digit (jp-pii-spec.md §1)', () => {
  it.each(['123456789018', '621498320257', '111111111118', '987654321093', '314159265352', '6214 9832 0257'])(
    '%s is valid',
    (s) => expect(v('my_number')(s)).toBe(true),
  );
  it.each(['123456789012', '621498320258', '12345678901', '1234567890183'])('%s is invalid', (s) =>
    expect(v('my_number')(s)).toBe(false),
  );
  it('flags the degenerate all-zero value through not_all_same_digit', () => {
    expect(v('my_number')('000000000000')).toBe(true);
    expect(v('not_all_same_digit')('000000000000')).toBe(false);
  });
  it('agrees with the ordinance form on every base', () => {
    fc.assert(fc.property(digitsArb(11), (b) => myNumberCheckDigit(b) === refMyNumberCheckDigit(b)));
  });
});

describe('Corporate Number check digit (§2)', () => {
  it.each(['7123456789012', '4011001098993', '2120901007402', '5835678256246', '1180301018771', '7000012050002'])(
    '%s is valid',
    (s) => expect(v('corporate_number')(s)).toBe(true),
  );
  it('rejects 2835678256246 (python-stdnum negative)', () =>
    expect(v('corporate_number')('2835678256246')).toBe(false));
  it('agrees with the reference on every base', () => {
    fc.assert(fc.property(digitsArb(12), (b) => corporateNumberCheckDigit(b) === refCorporateCheckDigit(b)));
  });
});

describe('insurer number check digit (§3)', () => {
  it.each(['33120015', '01130012', '138057'])('%s is valid', (s) => expect(v('insurer_number')(s)).toBe(true));
  it.each(['33120016', '0113001', '123'])('%s is invalid', (s) => expect(v('insurer_number')(s)).toBe(false));
  it('agrees with the reference for 5- and 7-digit bodies', () => {
    fc.assert(
      fc.property(fc.oneof(digitsArb(5), digitsArb(7)), (b) => insurerNumberCheckDigit(b) === refInsurerCheckDigit(b)),
    );
  });
});

describe("driver's licence check digit (unofficial)", () => {
  it('accepts the jiko0.com sample 309012345620', () =>
    expect(v('drivers_license_check_digit')('309012345620')).toBe(true));
  it('rejects a changed 11th digit', () => expect(v('drivers_license_check_digit')('309012345630')).toBe(false));
  it('agrees with the reference', () => {
    fc.assert(fc.property(digitsArb(10), (b) => driversLicenseCheckDigit(b) === refLicenceCheckDigit(b)));
  });
});
