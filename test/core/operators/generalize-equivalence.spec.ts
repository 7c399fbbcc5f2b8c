import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generalizeOperator, parseJapaneseDate, type FieldType } from '@kamen/core';
import { jaAddressArb } from '../../helpers/address-arbs.js';
import { gregorianArb, warekiArb } from '../../helpers/date-arbs.js';
import { toFullWidth } from '../../helpers/generators.js';
import { referenceGeneralizeAddress } from '../address/reference-parse.js';

const run = (value: string, entity: FieldType, params: object = {}): string =>
  generalizeOperator.apply(value, generalizeOperator.validate(params, entity), { entity });

/** The operator's last step: an output equal to the value is suppressed. */
const final = (value: string, out: string): string => (out === value ? '*' : out);

describe('generalize gives what it gave before its per-value fast paths', () => {
  it('property: addresses, both levels, as the reference parse generalised them', () => {
    const valueArb = fc.oneof(
      jaAddressArb.map((a) => a.address),
      jaAddressArb.map((a) => toFullWidth(a.address)),
      jaAddressArb.map((a) => a.address.slice(a.place.prefecture.length)),
      jaAddressArb.map((a) => a.place.prefecture + a.place.municipality),
      jaAddressArb.map((a) => a.place.prefecture),
      fc.string(),
    );
    fc.assert(
      fc.property(valueArb, fc.constantFrom('prefecture', 'municipality'), (value, level) => {
        const expected = final(value, referenceGeneralizeAddress(value, level === 'municipality'));
        expect(run(value, 'ADDRESS', { level })).toBe(expected);
      }),
      { numRuns: 2000 },
    );
  });

  it("property: salary bands are written as toLocaleString('en-US') writes them, for any width", () => {
    const widthArb = fc.oneof(
      fc.integer({ min: 1, max: 1_000_000 }),
      fc.constantFrom(1, 10, 100_000, 2 ** 53 - 1, 2 ** 53, 1e16, 1e21, 1e300),
    );
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 15n - 1n }), widthArb, fc.nat(3), (n, width, form) => {
        const value = [`¥${n.toLocaleString('en-US')}`, `${n}円`, String(n), n.toLocaleString('en-US')][form] as string;
        const lo = Math.floor(Number(n) / width) * width;
        const expected = `${lo.toLocaleString('en-US')}–${(lo + width - 1).toLocaleString('en-US')}`;
        expect(run(value, 'SALARY', { width })).toBe(expected);
      }),
      { numRuns: 2000 },
    );
  });

  it('property: birth dates and ages as before, every value through NFKC (ASCII ones now skip it)', () => {
    const reference = (value: string, year: boolean): string => {
      const age = /^(?:満 ?)?(\d{1,3}) ?(歳|才)?$/u.exec(value.normalize('NFKC').trim());
      if (age !== null) {
        const lo = Math.floor(Number(age[1]) / 5) * 5;
        return `${lo}-${lo + 4}${age[2] ?? ''}`;
      }
      const parsed = parseJapaneseDate(value);
      if (parsed === null) return '*';
      if (year) return /[\u3000-\u9fff\uff00-\uffef]/u.test(value) ? `${parsed.year}年` : String(parsed.year);
      const lo = Math.floor(parsed.year / 5) * 5;
      return `${lo}-${lo + 4}`;
    };
    const from = Date.UTC(1930, 0, 1);
    const to = Date.UTC(2020, 11, 31);
    const valueArb = fc.oneof(
      gregorianArb(from, to).map((d) => d.text),
      warekiArb(from, to).map((d) => d.text),
      fc
        .tuple(fc.constantFrom('', '満', '満 ', ' '), fc.nat(120), fc.constantFrom('', '歳', ' 才', ' '))
        .map((p) => p.join('')),
      fc.nat(120).map((n) => toFullWidth(String(n))),
      // yyyy-mm-dd with any digits (read without parseJapaneseDate now): 2月30日, month 13, leap days, year 0.
      fc
        .tuple(
          fc.nat(9999),
          fc.oneof(fc.nat(99), fc.integer({ min: 1, max: 12 })),
          fc.oneof(fc.nat(99), fc.constantFrom(28, 29, 30, 31)),
        )
        .map(([y, m, d]) => [String(y).padStart(4, '0'), String(m).padStart(2, '0'), String(d).padStart(2, '0')])
        .map(([y, m, d]) => `${y}-${m}-${d}`),
      fc.string(),
    );
    fc.assert(
      fc.property(valueArb, fc.boolean(), (value, year) => {
        const out = run(value, 'DATE_OF_BIRTH', { level: year ? 'year' : 'band' });
        expect(out).toBe(final(value, reference(value, year)));
      }),
      { numRuns: 2000 },
    );
  });

  it('writes bands at every digit count', () => {
    expect(run('5', 'SALARY', { width: 10 })).toBe('0–9');
    expect(run('12345', 'SALARY', { width: 1000 })).toBe('12,000–12,999');
    expect(run('999,999,999,999,999', 'SALARY', { width: 1 })).toBe('999,999,999,999,999–999,999,999,999,999');
  });
});
