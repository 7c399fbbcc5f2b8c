import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { getDefaultRegistry } from '@kamen/core';
import { prefixFirstChars } from '../../../packages/core/src/detectors/prefix-first.js';
import { rareFirstChars } from '../../../packages/core/src/detectors/first-char-matches.js';
import { anchoredRegex } from '../../../packages/core/src/detectors/anchored-regex.js';
import { findDigitRuns } from '../../../packages/core/src/text/digit-runs.js';
import { globalMatches } from './regex-matches.js';

const chars = (set: Uint8Array | undefined): string | undefined =>
  set === undefined ? undefined : [...set].flatMap((v, c) => (v === 1 ? [String.fromCharCode(c)] : [])).join('');

describe('rareFirstChars', () => {
  it.each([
    ['記号[ :]{0,2}\\d{4}', ['記']],
    ['(?:生年月日|誕生日|出生日)[ :]{0,2}\\d{7}', ['出', '生', '誕']],
    ['〒 ?\\d{3}', ['〒']],
    ['T-?\\d{13}', undefined], // ASCII: as common as the runs
    ['(?:郵便番号|〒|[Pp]ost)\\d{7}', undefined], // P and p
    ['(?:あ|い|う|え)\\d', undefined], // more than three
  ])('%s starts with %j', (source, expected) => {
    expect(rareFirstChars(prefixFirstChars(source)), chars(prefixFirstChars(source))).toEqual(expected);
  });
});

describe('anchoredRegex by the rare first character of a prefix', () => {
  // The symbol patterns whose prefix may end with any kana or kanji: they take the path of first-char-matches.ts.
  const PATTERNS = getDefaultRegistry()
    .rules.flatMap((r) => (r.patterns ?? []).map((p) => ({ id: `${r.id}/${p.name}`, source: p.regex })))
    .filter((p) => p.source.startsWith('記号'))
    .map((p) => ({ ...p, re: anchoredRegex(p.source, '') }));
  const key = (m: RegExpExecArray): string => `${m.index}:${m[0]}:null`;

  it('finds exactly the matches of the global scan', () => {
    expect(PATTERNS.length).toBeGreaterThan(0);
    // Several runs per symbol (the runs' places outweigh the text) and few symbols per character (no plain scan).
    const groupArb = fc
      .tuple(
        fc.constantFrom('記号 ', '記号:あ ', '記号あいうえお ', '記', '記号 記号 ', '記号:', '記号  '),
        fc.stringMatching(/^\d{1,8}$/),
        fc.constantFrom('-', ' ', '', '番号'),
        fc.stringMatching(/^\d{1,8}$/),
        fc.constantFrom('', ' 1 2 3', '、4'),
      )
      .map(([pre, a, sep, b, more]) => `${pre}${a}${sep}${b}${more}${'あ'.repeat(24)}`);
    fc.assert(
      fc.property(fc.array(groupArb, { maxLength: 5 }), (groups) => {
        const text = groups.join('');
        const runs = findDigitRuns(text);
        for (const p of PATTERNS)
          expect(p.re.matches(text, runs).map(key), p.id).toEqual(globalMatches(p.source, '', text));
      }),
      { numRuns: 200 },
    );
  });
});
