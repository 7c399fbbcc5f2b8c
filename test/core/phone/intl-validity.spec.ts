import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { getExampleNumber, parsePhoneNumberFromString, type CountryCode, type Examples } from 'libphonenumber-js/max';
import {
  isCertainlyValidInternational,
  isCertainlyValidUsNational,
} from '../../../packages/core/src/detectors/phone/intl-validity.js';

// The phone detector skips libphonenumber for +CC numbers this function calls valid: libphonenumber must agree.
const viaLibrary = (text: string): boolean => parsePhoneNumberFromString(text)?.isValid() === true;
const examples = createRequire(import.meta.url)('libphonenumber-js/examples.mobile.json') as Examples;

// Every country's example mobile number, written in its international format and as +CC and bare digits.
const written = Object.keys(examples).flatMap((country) => {
  const n = getExampleNumber(country as CountryCode, examples);
  if (n === undefined) return [];
  return [
    n.formatInternational(),
    `+${n.countryCallingCode} ${n.nationalNumber}`,
    `+${n.countryCallingCode}-${n.nationalNumber}`,
  ];
});

describe('isCertainlyValidInternational', () => {
  it('decides most example numbers of the world itself, always as libphonenumber does', () => {
    const decided = written.filter((t) => isCertainlyValidInternational(t));
    for (const t of decided) expect(viaLibrary(t), t).toBe(true);
    expect(decided.length).toBeGreaterThan(written.length / 2);
  });

  it('says valid only where libphonenumber does, on example numbers with digits changed, added or dropped', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...written),
        fc.nat(20),
        fc.constantFrom('0', '1', '5', '9', ''),
        fc.constantFrom('replace', 'insert', 'drop', 'prefix0'),
        (text, at, digit, how) => {
          const i = Math.min(at, text.length - 1);
          const cut = text.indexOf(' ') + 1;
          const mutated =
            how === 'replace'
              ? `${text.slice(0, i)}${digit}${text.slice(i + 1)}`
              : how === 'insert'
                ? `${text.slice(0, i)}${digit}${text.slice(i)}`
                : how === 'drop'
                  ? `${text.slice(0, i)}${text.slice(i + 1)}`
                  : `${text.slice(0, cut)}0${text.slice(cut)}`; // a national prefix after the calling code
          if (isCertainlyValidInternational(mutated)) expect(viaLibrary(mutated), mutated).toBe(true);
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('says valid only where libphonenumber does, on random digits after every calling code', () => {
    const codes = [
      '1',
      '7',
      '20',
      '33',
      '39',
      '44',
      '47',
      '49',
      '61',
      '65',
      '82',
      '86',
      '91',
      '212',
      '358',
      '590',
      '599',
      '800',
      '882',
    ];
    fc.assert(
      fc.property(
        fc.constantFrom(...codes),
        fc.stringMatching(/^\d{4,14}$/),
        fc.constantFrom(' ', '-', ''),
        (cc, rest, sep) => {
          const text = `+${cc}${sep}${rest}`;
          if (isCertainlyValidInternational(text)) expect(viaLibrary(text), text).toBe(true);
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('says a US-shaped number is valid only where libphonenumber (default country US) does', () => {
    const usValid = (text: string): boolean => parsePhoneNumberFromString(text, 'US')?.isValid() === true;
    // NANPA example numbers (US, Canada, the Caribbean) and random ten digits, in the shapes the detector takes.
    const nanpa = Object.keys(examples).flatMap((country) => {
      const n = getExampleNumber(country as CountryCode, examples);
      return n?.countryCallingCode === '1' ? [n.nationalNumber] : [];
    });
    const shape = (d: string, form: number): string =>
      form === 0
        ? `(${d.slice(0, 3)}) ${d.slice(3, 6)}-${d.slice(6)}`
        : form === 1
          ? `${d.slice(0, 3)}-${d.slice(3, 6)}-${d.slice(6)}`
          : `${d.slice(0, 3)} ${d.slice(3, 6)}-${d.slice(6)}`;
    let decided = 0;
    for (const d of nanpa)
      for (const form of [0, 1, 2])
        if (isCertainlyValidUsNational(shape(d, form))) {
          decided++;
          expect(usValid(shape(d, form)), shape(d, form)).toBe(true);
        }
    expect(decided).toBeGreaterThan(0);
    fc.assert(
      fc.property(fc.stringMatching(/^\d{10}$/), fc.constantFrom(0, 1, 2), (d, form) => {
        const text = shape(d, form);
        if (isCertainlyValidUsNational(text)) expect(usValid(text), text).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it('leaves Japan, brackets and letters to the other paths', () => {
    expect(isCertainlyValidInternational('+81 90 1234 5678')).toBe(false);
    expect(isCertainlyValidInternational('+44 (0)20 7946 0018')).toBe(false);
    expect(isCertainlyValidInternational('+1 415 555 0132 ext 5')).toBe(false);
  });
});
