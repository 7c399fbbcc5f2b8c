import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { getNameDictionary } from '@kamen/core';
import { NameTrie } from '../../../packages/core/src/names/name-trie.js';

const dict = getNameDictionary();

// Text made of pieces of dictionary names (so lookups hit), itaiji spellings and other characters.
const pieces = [
  ...dict.surnames.slice(0, 400).map((e) => e.kanji),
  ...dict.givenNames.slice(0, 400).map((e) => e.kanji),
  '髙',
  '﨑',
  '邉',
  '齋',
  'の',
  ' ',
  'A',
  '様',
];
const textArb = fc.array(fc.constantFrom(...pieces), { maxLength: 12 }).map((p) => p.join(''));

describe('name lookups straight on a text', () => {
  it('surnamesAt gives surnameInfo of every slice, itaiji folded', () => {
    fc.assert(
      fc.property(textArb, (text) => {
        for (let s = 0; s < text.length; s++) {
          const found = dict.surnamesAt(text, s, 4);
          for (let L = 1; L <= 4 && s + L <= text.length; L++)
            expect(found[L], `${text} ${s} ${L}`).toBe(dict.surnameInfo(text.slice(s, s + L)));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('canStartSurname is false only where surnamesAt finds no surname', () => {
    fc.assert(
      fc.property(textArb, (text) => {
        for (let s = 0; s < text.length; s++) {
          if (dict.canStartSurname(text.charCodeAt(s))) continue;
          expect(
            dict.surnamesAt(text, s, 4).some((x) => x !== undefined),
            `${text} ${s}`,
          ).toBe(false);
        }
      }),
      { numRuns: 300 },
    );
    expect(dict.canStartSurname('髙'.charCodeAt(0))).toBe(true);
  });

  it('givenNameInfoAt gives givenNameInfo of the slice', () => {
    fc.assert(
      fc.property(textArb, fc.nat(), fc.nat(), (text, a, b) => {
        const start = text.length === 0 ? 0 : a % text.length;
        const end = Math.min(text.length, start + (b % 5));
        expect(dict.givenNameInfoAt(text, start, end)).toBe(
          end > start ? dict.givenNameInfo(text.slice(start, end)) : undefined,
        );
      }),
      { numRuns: 500 },
    );
  });

  it('surnamesInto writes what surnamesAt returns into a reused array; surnameInfoAt is surnameInfo of the slice', () => {
    // Stale values from the previous walk stay past the returned length: callers read only up to it.
    const out: ReturnType<typeof dict.surnamesAt>[number][] = [];
    fc.assert(
      fc.property(textArb, fc.nat(), fc.nat(6), (text, a, maxLength) => {
        const start = text.length === 0 ? 0 : a % text.length;
        const want = dict.surnamesAt(text, start, maxLength);
        const walked = dict.surnamesInto(text, start, maxLength, out);
        expect(walked).toBe(want.length - 1);
        for (let L = 1; L <= walked; L++) expect(out[L]).toBe(want[L]);
        for (let end = start; end <= Math.min(text.length, start + 5); end++)
          expect(dict.surnameInfoAt(text, start, end)).toBe(
            end > start ? dict.surnameInfo(text.slice(start, end)) : undefined,
          );
      }),
      { numRuns: 500 },
    );
  });

  it('finds 髙橋 under 高橋 and stops at the longest stored name', () => {
    const trie = new NameTrie<string>();
    trie.add('高橋', 'a');
    trie.add('高', 'b');
    expect(trie.prefixes('髙橋さん', 0, 4)).toEqual([undefined, 'b', 'a']);
    expect(trie.get('髙橋', 0, 2)).toBe('a');
    expect(trie.get('高橋', 0, 0)).toBeUndefined();
    trie.add('高橋', 'c');
    expect(trie.get('高橋', 0, 2)).toBe('a'); // the first value added wins, as in the dictionary
  });
});
