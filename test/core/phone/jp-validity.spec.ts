import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { japaneseNumberValidity } from '../../../packages/core/src/detectors/phone/jp-validity.js';
import { digitsArb } from '../../helpers/generators.js';

// The phone detector decides plain Japanese numbers without libphonenumber; it must give libphonenumber's answer.
const viaLibrary = (text: string, country?: 'JP'): boolean =>
  parsePhoneNumberFromString(text, ...(country ? [country] : []))?.isValid() === true;

// Prefixes of every kind (fixed lines with 1- to 4-digit area codes, mobile, IP, toll-free, navi dial, pagers,
// unassigned ones) followed by random digits, 10 or 11 digits in all.
const nationalArb = fc
  .tuple(
    fc.constantFrom(
      '0',
      '03',
      '06',
      '011',
      '045',
      '0466',
      '01267',
      '060',
      '070',
      '080',
      '090',
      '050',
      '020',
      '0120',
      '0800',
      '0570',
      '0990',
      '01',
    ),
    digitsArb(11),
    fc.constantFrom(10, 11),
  )
  .map(([prefix, rest, length]) => `${prefix}${rest}`.slice(0, length));

describe('japaneseNumberValidity', () => {
  it('agrees with libphonenumber on numbers written with the trunk 0, in any grouping', () => {
    fc.assert(
      fc.property(nationalArb, fc.constantFrom('', '-', ' '), (digits, sep) => {
        const text = sep === '' ? digits : `${digits.slice(0, 3)}${sep}${digits.slice(3, 7)}${sep}${digits.slice(7)}`;
        const fast = japaneseNumberValidity(digits, false);
        if (fast !== undefined) expect(fast, text).toBe(viaLibrary(text, 'JP'));
      }),
      { numRuns: 2000 },
    );
  });

  it('agrees with libphonenumber on +81 numbers', () => {
    fc.assert(
      fc.property(nationalArb, fc.constantFrom('', '-', ' '), (digits, sep) => {
        const national = digits.slice(1);
        const text = `+81${sep}${national}`;
        const fast = japaneseNumberValidity(`81${national}`, true);
        if (fast !== undefined) expect(fast, text).toBe(viaLibrary(text));
      }),
      { numRuns: 2000 },
    );
  });

  it('decides the ordinary forms itself', () => {
    for (const d of ['0312345678', '09012345678', '05012345678', '0120123456', '08001234567', '0570123456'])
      expect(japaneseNumberValidity(d, false), d).toBe(true);
    expect(japaneseNumberValidity('819012345678', true)).toBe(true);
    expect(japaneseNumberValidity('0912345678', false)).toBe(viaLibrary('0912345678', 'JP'));
  });

  it('leaves international call prefixes and +81 0… to libphonenumber', () => {
    for (const d of ['0012345678', '0101234567890', '00037681234'])
      expect(japaneseNumberValidity(d, false)).toBeUndefined();
    expect(japaneseNumberValidity('8103123456789', true)).toBeUndefined();
    expect(japaneseNumberValidity('4412345678', true)).toBeUndefined();
  });
});
