import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { digitBeforeOf } from '../../../packages/core/src/detectors/digit-before.js';
import { anchoredMatches, globalMatches } from './regex-matches.js';

const beforeOf = (source: string, flags = ''): string | undefined => {
  const set = digitBeforeOf(source, flags);
  return set === undefined ? undefined : [...set].map((v, c) => (v === 1 ? String.fromCharCode(c) : '')).join('');
};

describe('digitBeforeOf', () => {
  it.each([
    ['(?<![\\d./-])\\d{1,2}[./-]', '-./0123456789'],
    ['(?<![\\d-])\\d{4}([ -])\\d{4}', '-0123456789'],
    // Every leading lookbehind adds its characters; lookaheads and boundaries between them are stepped over.
    ['(?<!\\d)\\b(?=1)(?<![a-c])\\d{2}', '0123456789abc'],
    ['(?<![\\da-c])\\d{2}', '0123456789abc'],
    ['(?<![\\da-c])\\d{2}', '0123456789ABCabc', 'i'],
  ])('%s: the characters that cannot stand before a match', (source, expected, flags = '') => {
    expect(beforeOf(source, flags)).toBe(expected);
  });

  it.each([
    '(?<!\\d)\\d{4}', // only digits: a run never follows one
    '\\d{4}', // a match may start inside a run
    '〒(?<!x)\\d{3}', // a prefix: the lookbehind looks before it, not before the run
    '(?<![\\d-])〒?\\d{3}', // an optional prefix
    '(?<!-)\\d{3}', // the lookbehind does not reject a digit: matches start inside runs too
    '(?:)(?<![\\d-])\\d{4}', // a group before the lookbehind
  ])('%s has no set', (source) => {
    expect(digitBeforeOf(source)).toBeUndefined();
  });

  it('leaves out bodies that depend on their surroundings (boundaries, anchors, backreferences)', () => {
    expect(beforeOf('(?<![\\d-])(?<!x\\b)(?<!^y)\\d{2}')).toBe('-0123456789');
  });

  it('finds exactly the matches of the global scan, sparse or dense', () => {
    const sources = [
      '(?<![\\d./-])\\d{1,2}[./-]\\d{1,2}[./-](?:19|20)\\d{2}(?![\\d./-])',
      '(?<![\\d./-])(?:18|19|20)\\d{2} ?[年./-] ?\\d{1,2}',
      '(?<![\\d-])\\d{4}([ -])\\d{4}\\1\\d{4}(?![\\d-])',
      '(?<![\\dA-Za-z-])\\d{3,5}(?![\\dA-Za-z-])',
      '(?<!\\d)(?<![a-c.])\\b\\d{2}',
    ];
    const unit = fc.oneof(
      fc.stringMatching(/^\d{1,5}$/),
      fc.constantFrom('-', ' ', '.', '/', 'a', 'C', '年', '1985', '2024', 'あ', 'あ'.repeat(80)),
    );
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 40 }), fc.constantFrom('', 'd', 'i'), (parts, flags) => {
        const text = parts.join('');
        for (const source of sources)
          expect(anchoredMatches(source, flags, text), source).toEqual(globalMatches(source, flags, text));
      }),
      { numRuns: 1000 },
    );
  });
});
