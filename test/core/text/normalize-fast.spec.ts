import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { normalizeText } from '@kamen/core';
import { normalizeText as normalizeBefore } from './oracle/normalize-before.js';

// Units that exercise every branch of the one-to-one map and of the cluster path: ASCII, digits (half and full
// width), both long-vowel marks, dashes, full-width forms, half-width kana and their voicing marks, itaiji,
// zero-width and variation selectors, combining marks, expanding characters (㈱, ﷺ), surrogate halves.
const UNITS = [
  ...'ab Z-09.',
  '０',
  '９',
  'ー',
  'ｰ',
  '－',
  '‐',
  '―',
  '−',
  'Ａ',
  '（',
  '：',
  'ｶ',
  'ﾀ',
  'ﾞ',
  'ﾟ',
  '髙',
  '﨑',
  '邊',
  '山',
  'あ',
  'ア',
  '、',
  '「',
  '\u200b',
  '\ufe0f',
  '\u0301',
  '\u3099',
  '㈱',
  '\ufdfa',
  '\ud842',
  '\udfb7',
  '\u00a0',
  '\u3000',
];

const textOf = fc
  .array(
    fc.oneof(
      fc.constantFrom(...UNITS),
      fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)),
    ),
    {
      maxLength: 40,
    },
  )
  .map((units) => units.join(''));

// Units each NFKC maps to exactly one (no cluster): the one-to-one path.
const oneToOneText = fc
  .array(
    fc.constantFrom(...'ab Z-09.', '０', 'ー', 'ｰ', '－', '−', 'Ａ', '（', '：', 'ｶ', '髙', '山', 'あ', '、', '\u3000'),
    {
      maxLength: 20,
    },
  )
  .map((units) => units.join(''));

describe('normalizeText, inline units on the cluster path', () => {
  it('gives the text, identity flag and offset maps of the previous normalizeText', () => {
    fc.assert(
      fc.property(textOf, (s) => {
        const now = normalizeText(s);
        const before = normalizeBefore(s);
        expect(now.text).toBe(before.text);
        expect(now.identity).toBe(before.identity);
        for (let i = 0; i <= now.text.length; i++) {
          expect(now.toOriginalStart(i)).toBe(before.toOriginalStart(i));
          expect(now.toOriginalEnd(i)).toBe(before.toOriginalEnd(i));
        }
      }),
      { numRuns: 3000 },
    );
  });

  // Blocks of up to 8,192 units share one scratch buffer for the matching copy's units; longer texts get their own,
  // and a cluster path that outgrows the scratch buffer moves to one.
  it('gives the previous text and offsets for texts of any length, long ones and short ones in turn', () => {
    fc.assert(
      fc.property(
        oneToOneText,
        fc.constantFrom('０', 'ｶﾞ', '㈱', '\ufdfa'),
        fc.integer({ min: 1, max: 1200 }),
        textOf,
        (s, tail, times, short) => {
          const long = `${s}${tail}`.repeat(times);
          for (const t of [long, short, long.slice(0, 8192), long.slice(1, 8193)]) {
            const now = normalizeText(t);
            const before = normalizeBefore(t);
            expect(now.text).toBe(before.text);
            for (let i = 0; i <= now.text.length; i += 97) {
              expect(now.toOriginalStart(i)).toBe(before.toOriginalStart(i));
              expect(now.toOriginalEnd(i)).toBe(before.toOriginalEnd(i));
            }
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it.each([
    ['０ー１', '0-1'],
    ['ーｰ1ー', 'ーー1ー'],
    ['1ｰ2ー', '1-2ー'],
    ['コーヒー', 'コーヒー'],
    ['ｶﾞｰ', 'ガー'],
  ])('maps %s to %s', (input, expected) => {
    expect(normalizeText(input).text).toBe(expected);
    expect(normalizeBefore(input).text).toBe(expected);
  });
});
