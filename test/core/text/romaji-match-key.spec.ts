import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { kanaToRomaji, romajiMatchKey } from '../../../packages/core/src/text/romaji.js';
import { romajiMatchKeyBefore } from './oracle/romaji-match-key-before.js';

// The letters every rewrite of romajiMatchKey reads (m before b/m/p, tch, si, ti, tu, hu after c or s, zi, sy, ty,
// jy, zy, oh, oo, ou, uu), capitals, macrons and other accents, and what the key drops.
const UNITS = [...'aeiouhmnstczjybpfkrwOUHMSTŌōÛûâ', '-', ' ', "'", '\u0304', 'é'];
const romajiLike = fc.array(fc.constantFrom(...UNITS), { maxLength: 16 }).map((units) => units.join(''));
const kana = fc
  .array(fc.constantFrom(...'アイウエオカキクコサシスソタチツトナノハヒフホマミムモヤユヨラリルロワンッーャュョ'), {
    maxLength: 10,
  })
  .map((units) => units.join(''));

describe('romajiMatchKey (rewrites gated on includes())', () => {
  it('gives the key the ungated rewrites gave, on romaji-like text', () => {
    fc.assert(
      fc.property(romajiLike, (s) => {
        expect(romajiMatchKey(s)).toBe(romajiMatchKeyBefore(s));
      }),
      { numRuns: 20_000 },
    );
  });

  it('gives the same key on any string and on romanised kana in every long-vowel policy', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 24 }), (s) => {
        expect(romajiMatchKey(s)).toBe(romajiMatchKeyBefore(s));
      }),
    );
    fc.assert(
      fc.property(kana, fc.constantFrom('omit', 'oh', 'keep') as fc.Arbitrary<'omit' | 'oh' | 'keep'>, (k, long) => {
        const r = kanaToRomaji(k, { long });
        expect(romajiMatchKey(r)).toBe(romajiMatchKeyBefore(r));
        expect(romajiMatchKey(r.toUpperCase())).toBe(romajiMatchKeyBefore(r.toUpperCase()));
      }),
      { numRuns: 5_000 },
    );
  });

  it('collapses long vowels until none is left (Oouchi, Ohno, Oono, Ōno)', () => {
    expect(['Oouchi', 'OUCHI', 'Ohuchi'].map(romajiMatchKey)).toEqual(['ochi', 'ochi', 'ofuchi']);
    expect(['Ohno', 'Oono', 'Ōno', 'ONO', 'Ouuno'].map(romajiMatchKey)).toEqual(['ono', 'ono', 'ono', 'ono', 'ono']);
  });
});
