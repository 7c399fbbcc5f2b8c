import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { leadAnchorOf } from '../../../packages/core/src/detectors/lead-anchor.js';
import { anchoredRegex } from '../../../packages/core/src/detectors/anchored-regex.js';
import { findDigitRuns } from '../../../packages/core/src/text/digit-runs.js';
import { anchoredMatches, globalMatches } from './regex-matches.js';

const WAREKI =
  '(?<![A-Za-z])(?:明治|大正|昭和|平成|令和|[明大昭平令MTSHRmtshr])\\.? ?(?:元|\\d{1,2}) ?[年./-] ?\\d{1,2}';

const firstOf = (source: string): string | undefined => {
  const a = leadAnchorOf(source);
  if (a === undefined) return undefined;
  const first = [...a.first].flatMap((v, c) => (v === 1 ? [String.fromCharCode(c)] : [])).join('');
  return `${first} ${a.pivots.join('')} ${a.reach}`;
};

describe('leadAnchorOf', () => {
  it.each([
    [WAREKI, 'HMRSThmrst令大平明昭 元 4'],
    ['(?<![A-Za-z])[MTS]\\.?\\d{2}', 'MST  2'],
    ['(?:ab|c) ?(?:x|\\d+)', 'ac x 3'],
    ['Q\\d', 'Q  1'],
  ])('%s: lead characters, pivots and reach', (source, expected) => {
    expect(firstOf(source)).toBe(expected);
  });

  it.each([
    '(?:明治|[MT])?\\d', // the lead may be skipped
    '(?:明治|[MT])+\\d', // the lead may repeat: no bound on the reach
    '[A-Z]\\d', // a range
    '[^a]\\d', // a negated class
    '(?:a1|b)\\d', // a digit in the lead: the pivot need not start a run
    'a\\.?(?:元|\\d)?', // the pivot may be skipped
    'a(?:元?|\\d)', // an alternative of the pivot may be skipped
    'a x', // a required character between the lead and the pivot
    'a\\w', // no pivot
    'a\\d*', // the pivot digit may be skipped
  ])('%s has no lead anchor', (source) => {
    expect(leadAnchorOf(source)).toBeUndefined();
  });

  it('reads what can come second and what the lookbehind rejects before the start', () => {
    const chars = (set: Uint8Array): string =>
      [...set].flatMap((v, c) => (v === 1 ? [String.fromCharCode(c)] : [])).join('');
    const wareki = leadAnchorOf(WAREKI);
    expect(chars(wareki?.second ?? new Uint8Array())).toBe(' .0123456789元和成正治');
    expect(chars(wareki?.notAfter ?? new Uint8Array())).toBe('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz');
    const two = leadAnchorOf('(?<!\\bx)(?:ab|cd)\\d');
    expect(chars(two?.second ?? new Uint8Array())).toBe('bd');
    // A boundary in the body: whether it rejects depends on more than the character before, so nothing is marked.
    expect(chars(two?.notAfter ?? new Uint8Array())).toBe('');
  });

  it.each([
    [WAREKI, 2],
    ['(?<![A-Za-z])[MTS]\\.?\\d{2}年', 2],
    ['(?<![A-Za-z])[MTS]\\.?\\d{2}', Infinity], // nothing after the digits: the run may go on
    ['(?:ab|c) ?(?:x|\\d+) ', Infinity], // unbounded
    ['a(?:元|\\d{1,3})\\d', Infinity], // a digit may follow
  ])('%s: a pivot run holds at most %d digits', (source, most) => {
    expect(leadAnchorOf(source)?.pivotDigits).toBe(most);
  });

  it('reads nothing under the i, u and v flags', () => {
    expect(leadAnchorOf(WAREKI, 'i')).toBeUndefined();
    expect(leadAnchorOf(WAREKI, 'u')).toBeUndefined();
    expect(leadAnchorOf(WAREKI)).toBeDefined();
  });
});

describe('anchoredRegex with a lead anchor', () => {
  const sources = [
    WAREKI,
    `${WAREKI}日?(?= ?生)`,
    '(?<![A-Za-z])[MTS]\\.?\\d{2}',
    '(?:ab|c) ?(?:x|\\d+)',
    '(?<!x|[0-9])(?:ab|c) ?(?:x|\\d+)',
    '(?<!\\bs)(?:ab|[sc])\\.?(?:x|\\d)',
  ];
  const pieceArb = fc.oneof(
    fc.stringMatching(/^\d{1,4}$/),
    fc.constantFrom(
      '元',
      '平成',
      '令和',
      '明',
      'S',
      'H',
      's',
      'T',
      'M',
      'x',
      'ab',
      'c',
      'a',
      '.',
      ' ',
      '年',
      '/',
      '月',
      '生',
    ),
  );

  it('finds exactly the matches of the global scan on text dense in leads and pivots', () => {
    fc.assert(
      fc.property(fc.array(pieceArb, { maxLength: 40 }), (parts) => {
        const text = parts.join('');
        for (const s of sources) expect(anchoredMatches(s, '', text), s).toEqual(globalMatches(s, '', text));
      }),
      { numRuns: 400 },
    );
  });

  it('finds exactly the matches of the global scan when candidates are sparse (the sticky path)', () => {
    const sparseArb = fc
      .array(fc.array(pieceArb, { maxLength: 6 }), { maxLength: 5 })
      .map((groups) => groups.map((g) => `${'あ'.repeat(150)}${g.join('')}`).join(''));
    fc.assert(
      fc.property(sparseArb, (text) => {
        for (const s of sources) expect(anchoredMatches(s, 'd', text), s).toEqual(globalMatches(s, 'd', text));
      }),
      { numRuns: 300 },
    );
  });

  it('shares one walk between patterns of the same lead, on the same text and runs only', () => {
    const shared = [WAREKI, `${WAREKI}日?(?= ?生)`, `${WAREKI}(?=x)`];
    expect(new Set(shared.map((s) => leadAnchorOf(s))).size).toBe(1);
    const res = shared.map((s) => anchoredRegex(s, ''));
    const key = (m: RegExpExecArray): string => `${m.index}:${m[0]}:null`;
    const sparseArb = fc
      .array(fc.array(pieceArb, { maxLength: 6 }), { maxLength: 4 })
      .map((groups) => groups.map((g) => `${'あ'.repeat(150)}${g.join('')}`).join(''));
    fc.assert(
      fc.property(fc.array(sparseArb, { minLength: 2, maxLength: 4 }), (texts) => {
        // Each text twice, with its runs found once and found again: the second must not reuse the first's walk
        // unless both the text and its runs are the same.
        for (const text of [...texts, ...texts]) {
          const runs = findDigitRuns(text);
          for (let k = 0; k < res.length; k++) {
            const s = shared[k] as string;
            const want = globalMatches(s, '', text);
            expect((res[k] as (typeof res)[number]).matches(text, runs).map(key), s).toEqual(want);
            expect((res[k] as (typeof res)[number]).matches(text, findDigitRuns(text)).map(key), s).toEqual(want);
          }
        }
      }),
      { numRuns: 150 },
    );
  });
});
