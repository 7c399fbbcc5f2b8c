import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { getNameDictionary, kanaToRomaji } from '@kamen/core';
import { findings, spans } from './helpers.js';

const RULE = 'names.person_name_romaji';
const STOP = new Set(
  'the and are one tokyo osaka kyoto japan nagoya kobe yokohama sapporo fukuoka sendai hiroshima'.split(' '),
);
const romaji = (t: string): string[] => spans(t, RULE);

describe('person_name_romaji', () => {
  it.each([
    ['Passport name: YAMADA Taro', 'YAMADA Taro'],
    ['Please welcome Taro Yamada.', 'Taro Yamada'],
    ['OHNO Kenji', 'OHNO Kenji'],
    ['Ono Kenji', 'Ono Kenji'],
    ['Oono Kenji', 'Oono Kenji'],
    ['Report by Satoh Hanako', 'Satoh Hanako'],
    ['HOMMA Ichiro', 'HOMMA Ichiro'],
  ])('%s → %s', (text, want) => expect(romaji(text)).toContain(want));

  it.each([
    'The Tokyo Osaka route is closed.',
    'Annual Report for Human Resources',
    'Sushi Bar Opening',
    'Total Amount',
  ])('leaves %s alone', (text) => expect(romaji(text)).toEqual([]));

  const dict = getNameDictionary();
  const cap = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
  const kanjiOnly = (es: typeof dict.surnames) => es.filter((e) => /^[\u4e00-\u9fff]+$/.test(e.kanji)).slice(0, 1000);
  const sur = fc.constantFrom(...kanjiOnly(dict.surnames));
  const giv = fc.constantFrom(...kanjiOnly(dict.givenNames));
  const long = fc.constantFrom<'omit' | 'oh' | 'keep'>('omit', 'oh', 'keep');

  it('finds passport-style and Western-order romaji of dictionary names, any long-vowel policy', () => {
    fc.assert(
      fc.property(sur, giv, long, fc.boolean(), (s, g, policy, western) => {
        const last = kanaToRomaji(s.kana, { long: policy }).toUpperCase();
        const first = cap(kanaToRomaji(g.kana, { long: policy }));
        // Tokens on the detector's stop list (English words, big cities) are rejected on purpose.
        if ([last, first].some((t) => t.length < 3 || STOP.has(t.toLowerCase()))) return true;
        const full = western ? `${first} ${cap(last.toLowerCase())}` : `${last} ${first}`;
        const text = `Contract signed by ${full} yesterday.`;
        const start = text.indexOf(full);
        return findings(text, RULE).some((f) => f.start === start && f.end === start + full.length);
      }),
      { numRuns: 300 },
    );
  });
});
