import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maskOperator, type FieldType } from '@kamen/core';
import { referenceMask } from './reference-mask.js';

// Separators, digits (ASCII and full-width), name splits, ASCII and full-width letters, kana, kanji, a surrogate
// pair and lone surrogate halves: every branch of the per-character helpers.
const unit = fc.constantFrom(
  ...'-‐ー /.@_()（）　：:・0159０９aZＡｱア山田'.split(''),
  '\ud842\udfb7',
  '\ud800',
  '\udc00',
);
const entity = fc.constantFrom<FieldType>(
  'PHONE',
  'EMAIL',
  'PERSON_NAME',
  'NAME_KANA',
  'CREDIT_CARD',
  'MY_NUMBER',
  'BANK_ACCOUNT',
  'US_SSN',
  'ADDRESS',
);
const count = fc.option(fc.integer({ min: 0, max: 8 }), { nil: undefined });

describe('mask: characters read by code unit', () => {
  it('masks every value exactly as the string-per-character helpers did, for every entity and parameter', () => {
    fc.assert(
      fc.property(
        fc.array(unit, { maxLength: 30 }).map((u) => u.join('')),
        entity,
        fc.record({
          maskChar: fc.option(fc.constantFrom('*', '＊', '■', '𝕏'), { nil: undefined }),
          keepFirst: count,
          keepLast: count,
          keepSeparators: fc.boolean(),
        }),
        (value, e, params) => {
          const p = { ...params, ...(e === 'MY_NUMBER' ? { keepFirst: undefined, keepLast: undefined } : {}) };
          const cfg = maskOperator.validate(p, e);
          expect(maskOperator.apply(value, cfg, { entity: e })).toBe(referenceMask(value, p, e));
        },
      ),
      { numRuns: 5000 },
    );
  });
});
