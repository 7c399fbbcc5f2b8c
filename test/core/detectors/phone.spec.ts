import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { detect } from '@kamen/core';
import { jpPhoneArb } from '../../helpers/jp-phone-arb.js';

const phones = (text: string): string[] => detect(text, { entities: ['PHONE'] }).map((f) => text.slice(f.start, f.end));

describe('phone detector', () => {
  it('finds generated Japanese numbers in every written form, with the exact original span', () => {
    const prefix = fc.constantFrom('携帯：', '電話番号 ', 'TEL', 'Phone: ', '緊急連絡先（母）', 'call ');
    const suffix = fc.constantFrom('', 'まで', '（自宅）', ' ext.', '。', 'FAX');
    fc.assert(
      fc.property(prefix, jpPhoneArb, suffix, (p, phone, s) => {
        expect(phones(`${p}${phone}${s}`)).toEqual([phone]);
      }),
      { numRuns: 300 },
    );
  });

  it('splits two numbers written in one run', () => {
    expect(phones('TEL 03-1234-5678 090-1234-5678')).toEqual(['03-1234-5678', '090-1234-5678']);
  });

  it('finds nothing in runs of other digits', () => {
    const notPhone = fc.oneof(
      fc.integer({ min: 1_000_000, max: 9_999_999 }).map((n) => `口座番号 ${n}`),
      fc.integer({ min: 100, max: 999 }).map((n) => `〒${n}-0002`),
      fc
        .date({ min: new Date('1950-01-01'), max: new Date('2030-01-01'), noInvalidDate: true })
        .map((d) => d.toISOString().slice(0, 10)),
      fc.integer({ min: 1, max: 9_999_999 }).map((n) => `基本給 ${n.toLocaleString('en-US')}円`),
    );
    fc.assert(
      fc.property(notPhone, (text) => {
        expect(phones(text)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});
