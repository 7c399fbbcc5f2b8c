import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { relate, type FieldType } from '@kamen/core';

const KANJI = /[\u3400-\u9fff]/u;
const value = fc.oneof(fc.constantFrom('山田 太郎', 'Taro Yamada', 'ヤマダ タロウ', '田中', 'x'), fc.string());
const type = fc.constantFrom<FieldType>('PERSON_NAME', 'EMAIL', 'ADDRESS');

describe('relate (the record context applyStep passes to operators)', () => {
  it('keeps the first value of a type, except that the first kanji name replaces a non-kanji one', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(type, value), { maxLength: 12 }), (leaves) => {
        const related: Partial<Record<FieldType, string>> = {};
        for (const [t, v] of leaves) relate(related, t, v);
        for (const t of ['PERSON_NAME', 'EMAIL', 'ADDRESS'] as const) {
          const values = leaves.filter(([lt]) => lt === t).map(([, v]) => v);
          const first = values[0];
          const expected =
            t === 'PERSON_NAME' && first !== undefined && !KANJI.test(first)
              ? (values.find((v) => KANJI.test(v)) ?? first)
              : first;
          expect(related[t]).toBe(expected);
        }
      }),
    );
  });
});
