// Ordinary HR/payroll text that looks numeric but holds no identifier: phone numbers, dates, amounts, version
// strings, order and tracking numbers. None of the identifier rules may report anything in it.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detect } from '@kamen/core';
import { digitsArb, myNumberArb } from '../helpers/generators.js';

const IDENTIFIER_RULES = new Set([
  'jp.my_number',
  'jp.corporate_number',
  'jp.pension_number',
  'jp.employment_insurance_number',
  'jp.health_insurance_number',
  'jp.drivers_license',
  'jp.passport',
  'jp.residence_card',
  'jp.bank_account',
  'jp.postal_code',
  'common.credit_card',
  'common.us_ssn',
  'common.iban',
  'common.ip_address',
]);

const pad = (n: number, w: number): string => String(n).padStart(w, '0');
const phoneArb = fc.oneof(
  fc.tuple(fc.constantFrom('090', '080', '070', '050'), digitsArb(4), digitsArb(4)).map((p) => p.join('-')),
  fc.tuple(digitsArb(4), digitsArb(4)).map(([a, b]) => `03-${a}-${b}`),
  fc.tuple(digitsArb(3), digitsArb(3)).map(([a, b]) => `0120-${a}-${b}`),
  fc.tuple(digitsArb(2), digitsArb(4)).map(([a, b]) => `0123-${a}-${b}`),
);
const dateArb = fc
  .tuple(fc.integer({ min: 1950, max: 2030 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }))
  .chain(([y, m, d]) => fc.constantFrom(`${y}-${pad(m, 2)}-${pad(d, 2)}`, `${y}/${m}/${d}`, `${y}年${m}月${d}日`));
const amountArb = fc.integer({ min: 1000, max: 9_999_999 }).map((n) => `${n.toLocaleString('en-US')}円`);
const versionArb = fc
  .tuple(fc.integer({ min: 0, max: 20 }), fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 99 }))
  .map((v) => `version ${v.join('.')}.0`);
const labelled = (labels: readonly string[], value: fc.Arbitrary<string>) =>
  fc.tuple(fc.constantFrom(...labels), value).map(([l, v]) => `${l} ${v}`);

const lineArb = fc.oneof(
  labelled(['電話', 'TEL', '携帯', '緊急連絡先 電話'], phoneArb),
  labelled(['入社日', '生年月日', '支給日'], dateArb),
  labelled(['基本給', '通勤手当', '源泉所得税'], amountArb),
  versionArb,
  labelled(['注文番号', '追跡番号', '伝票番号'], myNumberArb),
  labelled(['注文番号'], digitsArb(12)),
);

describe('identifier rules on ordinary numeric HR text', () => {
  it('report nothing', () => {
    fc.assert(
      fc.property(fc.array(lineArb, { minLength: 1, maxLength: 6 }), (lines) => {
        const text = lines.join('\n');
        const hits = detect(text, { conflicts: 'none' })
          .filter((f) => IDENTIFIER_RULES.has(f.ruleId))
          .map((f) => `${f.ruleId}: ${text.slice(f.start, f.end)}`);
        expect(hits, text).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});
