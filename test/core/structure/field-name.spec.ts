import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeFieldName } from '@kamen/core';

describe('normalizeFieldName', () => {
  it.each([
    ['\uFEFF氏名', '氏名'],
    ['氏名（カナ）', '氏名カナ'],
    ['氏名(ｶﾅ)', '氏名カナ'],
    ['【氏名】カナ', '氏名カナ'],
    ['ふりがな', 'フリガナ'],
    ['first_name', 'firstname'],
    ['firstName', 'firstname'],
    ['First Name', 'firstname'],
    ['first-name', 'firstname'],
    ['ＦＩＲＳＴ－ＮＡＭＥ', 'firstname'],
    ['メールアドレス', 'メールアドレス'],
    ['扶養親族１　氏名', '扶養親族1氏名'],
    ['  ', ''],
  ])('%j → %j', (raw, key) => {
    expect(normalizeFieldName(raw)).toBe(key);
  });

  it('is idempotent on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' })), (s) => {
        const once = normalizeFieldName(s);
        expect(normalizeFieldName(once)).toBe(once);
      }),
      { numRuns: 1000 },
    );
  });

  it('ignores BOM, spaces and separators wherever they are inserted', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 20 }),
        fc.nat(),
        fc.constantFrom('\uFEFF', ' ', '\u3000', '_', '-', '（', '）', '【', '】'),
        (s, at, ins) => {
          const i = at % (s.length + 1);
          // Inserting between a letter and a combining mark may change what NFKC composes; skip those.
          fc.pre(!/^[\u0300-\u036f\u3099\u309a]/.test(s.slice(i)));
          expect(normalizeFieldName(s.slice(0, i) + ins + s.slice(i))).toBe(normalizeFieldName(s));
        },
      ),
      { numRuns: 500 },
    );
  });
});
