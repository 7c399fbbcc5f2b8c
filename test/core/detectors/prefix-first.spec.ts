import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { getDefaultRegistry } from '@kamen/core';
import { digitAnchorOf } from '../../../packages/core/src/detectors/digit-anchor.js';
import { prefixFirstChars } from '../../../packages/core/src/detectors/prefix-first.js';
import { anchoredMatches, globalMatches } from './regex-matches.js';

const firstOf = (source: string, flags = ''): string | undefined => {
  const set = prefixFirstChars(source, flags);
  return set === undefined ? undefined : [...set].flatMap((v, c) => (v === 1 ? [String.fromCharCode(c)] : [])).join('');
};

describe('prefixFirstChars', () => {
  it.each([
    ['記号[ :]{0,2}(\\d{4})', '記'],
    ['(?:保険者番号|[Ii]nsurer (?:[Nn]umber|[Nn]o\\.?))[ :]{0,2}(\\d{6})', 'Ii保'],
    ['(?<![A-Za-z\\d])[A-C]{2}\\d{7}', 'ABC'],
    ['\\b\\#?x\\d', undefined],
    ['[a\\-c-e]x', '-acde'],
    ['(?<name>〒|\\$)\\d', '$〒'],
    ['\\.\\d', '.'],
  ])('%s starts with one of %s', (source, expected) => {
    expect(firstOf(source)).toBe(expected);
  });

  it.each([
    'x?\\d', // the first item may match nothing
    '(?:ab|c?d)\\d', // an alternative may start with what follows its first item
    '(?:ab|)\\d', // an empty alternative
    '[^a]\\d', // a negated class
    '[\\w]\\d', // a class escape
    '\\w\\d', // an escape with a wide class
    '.\\d', // any character
    '(?=a)?b', // an assertion that is quantified
    '[z-a]\\d', // an inverted range (not a valid regex either)
  ])('%s has no first-character set', (source) => {
    expect(prefixFirstChars(source)).toBeUndefined();
  });

  it('reads nothing under the i, u and v flags', () => {
    expect(prefixFirstChars('記号\\d', 'i')).toBeUndefined();
    expect(prefixFirstChars('記号\\d', 'u')).toBeUndefined();
  });

  it('holds the first character of every match of the prefix-anchored built-in patterns', () => {
    const patterns = getDefaultRegistry()
      .rules.flatMap((r) => (r.patterns ?? []).map((p) => ({ source: p.regex, flags: p.flags ?? '' })))
      .filter((p) => (digitAnchorOf(p.source, p.flags)?.prefixMin ?? 0) > 0);
    expect(patterns.length).toBeGreaterThan(8);
    const pieceArb = fc.oneof(
      fc.stringMatching(/^\d{1,13}$/),
      fc.constantFrom(
        '記号',
        '番号',
        '口座番号',
        '(普通)',
        '保険者番号',
        'Insurer No.',
        '〒',
        '郵便番号',
        ' ',
        ':',
        'T',
      ),
      fc.constantFrom('AB', 'ZIP code ', 'P.O. Box ', 'Jan 5, ', '生年月日', '枝番', '-', '/', '、', 'x'),
    );
    fc.assert(
      fc.property(fc.array(pieceArb, { maxLength: 30 }), (parts) => {
        const text = parts.join('');
        for (const p of patterns) {
          const set = prefixFirstChars(p.source, p.flags);
          const re = new RegExp(p.source, `g${p.flags}`);
          for (const m of text.matchAll(re))
            if (set !== undefined) expect(set[text.charCodeAt(m.index)], p.source).toBe(1);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('anchoredRegex with the first-character filter', () => {
  it('finds exactly the matches of the global scan, sparse and dense', () => {
    const sources = [
      '記号[ :]{0,2}(\\d{4})[ ,、・/]{0,3}番号[ :]{0,2}\\d{6}(?!\\d)',
      '口座番号[ :]{0,2}(?:\\(?(?:普通|当座|貯蓄)(?:預金)?\\)? ?)?(\\d{7})(?![\\d-])',
      '(?:保険者番号|[Ii]nsurer (?:[Nn]umber|[Nn]o\\.?))[ :]{0,2}(\\d{6})(?![\\d-])',
      '(?<![A-Za-z\\d])[A-Z]{2}\\d{7}(?!\\d)',
    ];
    const pieceArb = fc.oneof(
      fc.stringMatching(/^\d{1,8}$/),
      fc.constantFrom(
        '記号',
        '番号',
        '口座番号',
        '(普通)',
        '保険者番号',
        'Insurer No.',
        'AB',
        ' ',
        ':',
        '/',
        'x',
        '号',
      ),
    );
    const textArb = fc
      .tuple(fc.array(fc.array(pieceArb, { maxLength: 8 }), { maxLength: 5 }), fc.boolean())
      .map(([groups, sparse]) => groups.map((g) => `${sparse ? 'あ'.repeat(120) : ''}${g.join('')}`).join(''));
    fc.assert(
      fc.property(textArb, (text) => {
        for (const s of sources) expect(anchoredMatches(s, 'd', text), s).toEqual(globalMatches(s, 'd', text));
      }),
      { numRuns: 400 },
    );
  });
});
