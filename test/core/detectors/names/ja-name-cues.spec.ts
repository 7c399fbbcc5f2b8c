// The index-based cues (no slice) against the string versions they stand for, and the backwards label reader
// against the regex it replaced (kept in test/core/names/oracle/ja-name-cues.ts), on text made of the pieces they
// branch on: labels, notes, brackets, separators, department words, given-name endings, place suffixes.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  JA_LABELS,
  cannotStartGivenName,
  cannotStartGivenNameAt,
  hasLabelBefore,
  honorificAt,
  honorificSuffixLength,
  honorificSuffixLengthAt,
  isDepartmentWord,
  isDepartmentWordAt,
  looksLikeGivenName,
  labelPrefixLength,
  labelPrefixLengthAt,
  looksLikeGivenNameAt,
  KANJI_HONORIFICS,
} from '../../../../packages/core/src/detectors/names/ja-name-cues.js';
import { hasLabelBefore as oldHasLabelBefore, honorificAt as oldHonorificAt } from '../../names/oracle/ja-name-cues.js';

const pieces = [
  ...JA_LABELS,
  ...['(漢字)', '(氏名)', '(', ')', '()', '(1234567)', ':', '=', ' ', '  ', ' : ', ': ', ' =', '\n'],
  ...[
    '経理',
    '経',
    '理',
    '理事',
    '人事',
    'システム',
    '太郎',
    '郎',
    '子',
    '市',
    '山田',
    '田中',
    '一',
    'お',
    'A',
    'さん',
  ],
];
const textArb = fc.array(fc.constantFrom(...pieces), { maxLength: 10 }).map((p) => p.join(''));
// Honorifics, titles and their prefixes, with labels and other pieces around them.
const honorificText = fc
  .array(
    fc.constantFrom(
      ...KANJI_HONORIFICS,
      ...['さん', 'さま', 'くん', 'ちゃん', 'ちゃ', '先', '先生', '部', '代理', ' ', '  ', '山田', 'A', 'の'],
      ...JA_LABELS,
    ),
    { maxLength: 8 },
  )
  .map((p) => p.join(''));
const rangeArb = textArb.chain((text) =>
  fc.tuple(fc.constant(text), fc.nat(text.length), fc.nat(text.length)).map(([t, a, b]) => {
    const [start, end] = a <= b ? [a, b] : [b, a];
    return { text: t, start, end };
  }),
);

describe('Japanese name cues read in place', () => {
  it('hasLabelBefore reads what the label-tail regex matched, at every position', () => {
    fc.assert(
      fc.property(textArb, (text) => {
        for (let i = 0; i <= text.length; i++)
          expect(hasLabelBefore(text, i), `${text} ${i}`).toBe(oldHasLabelBefore(text, i));
      }),
      { numRuns: 3000 },
    );
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 24 }), (text) => {
        for (let i = 0; i <= text.length; i++) expect(hasLabelBefore(text, i)).toBe(oldHasLabelBefore(text, i));
      }),
      { numRuns: 500 },
    );
  });

  it('the generated texts hold labels (the comparison above is not all false)', () => {
    const hits = fc
      .sample(textArb, { numRuns: 500, seed: 1 })
      .filter((t) => [...Array(t.length + 1).keys()].some((i) => oldHasLabelBefore(t, i)));
    expect(hits.length).toBeGreaterThan(50);
  });

  it('honorificAt, honorificSuffixLengthAt and labelPrefixLengthAt read in place what the slice-based versions read', () => {
    fc.assert(
      fc.property(honorificText, (text) => {
        for (let i = 0; i <= text.length; i++) {
          for (let e = i; e <= text.length; e++)
            expect(honorificSuffixLengthAt(text, i, e), `${text} ${i} ${e}`).toBe(
              honorificSuffixLength(text.slice(i, e)),
            );
          expect(honorificAt(text, i), `${text} ${i}`).toBe(oldHonorificAt(text, i));
          expect(labelPrefixLengthAt(text, i), `${text} ${i}`).toBe(labelPrefixLength(text.slice(i)));
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('the At forms answer as the string forms on the slice', () => {
    fc.assert(
      fc.property(rangeArb, ({ text, start, end }) => {
        const slice = text.slice(start, end);
        expect(isDepartmentWordAt(text, start, end)).toBe(isDepartmentWord(slice));
        expect(looksLikeGivenNameAt(text, start, end)).toBe(looksLikeGivenName(slice));
        if (end > start) expect(cannotStartGivenNameAt(text, start)).toBe(cannotStartGivenName(slice));
      }),
      { numRuns: 3000 },
    );
  });
});
