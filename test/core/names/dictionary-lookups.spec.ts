import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { foldItaiji, getNameDictionary, RULES_DATA_DIR } from '@kamen/core';
import { ITAIJI_CHAR_FOLDS } from '../../../packages/core/src/text/itaiji.js';

interface Line {
  readonly surface: string;
  readonly readings: string[];
  readonly cost: number;
  readonly word: boolean;
  readonly place: boolean;
}

/** A name file read as plainly as possible: every data line, and a Map of folded keys where the first line wins. */
function oracle(file: string): { lines: Line[]; byKey: Map<string, Line> } {
  const lines = readFileSync(join(RULES_DATA_DIR, 'names', file), 'utf8')
    .split('\n')
    .filter((l) => l.length > 0 && !l.startsWith('#'))
    .map((l) => {
      const [surface = '', readingList = '', cost = '0', flags = ''] = l.split('\t');
      const readings = readingList.split(',');
      return { surface, readings, cost: Number(cost), word: flags.includes('w'), place: flags.includes('p') };
    });
  const byKey = new Map<string, Line>();
  for (const l of lines) if (!byKey.has(foldItaiji(l.surface))) byKey.set(foldItaiji(l.surface), l);
  return { lines, byKey };
}

const dict = getNameDictionary();
const kinds = [
  {
    file: 'ja-surnames.tsv',
    kind: 'surname',
    entries: () => dict.surnames,
    info: dict.surnameInfo,
    is: dict.isSurname,
  },
  {
    file: 'ja-given-names.tsv',
    kind: 'given',
    entries: () => dict.givenNames,
    info: dict.givenNameInfo,
    is: dict.isGivenName,
  },
] as const;
// The written forms an itaiji fold maps from, so queries spell names both ways (髙橋 and 高橋).
const unfold = new Map<number, number>([...ITAIJI_CHAR_FOLDS].map(([from, to]) => [to, from]));
const variant = (s: string): string =>
  String.fromCharCode(...[...s].map((c) => unfold.get(c.charCodeAt(0)) ?? c.charCodeAt(0)));

// The lookups answer from the trie alone and the entry lists are read on first use (dictionary.ts): the same answers
// as a Map of itaiji-folded keys where a key's first line wins, and the file's lines in order.
describe.each(kinds)('name dictionary lookups ($kind names)', ({ file, kind, entries, info, is }) => {
  const { lines, byKey } = oracle(file);
  const expected = (s: string) => {
    const l = byKey.get(foldItaiji(s));
    return l === undefined ? undefined : { readings: l.readings, cost: l.cost, word: l.word, place: l.place };
  };

  it('answers for every written form in the file, and its itaiji spelling, as the first line of its key', () => {
    for (const { surface } of lines) {
      for (const s of [surface, variant(surface)]) {
        expect(info(s)).toEqual(expected(s));
        expect(is(s)).toBe(true);
        expect(dict.readingsOf(s, kind)).toEqual(expected(s)?.readings);
      }
    }
  });

  it('answers as the Map would for any string made of name characters (prefixes, extensions, strangers)', () => {
    const chars = [...new Set(lines.slice(0, 400).flatMap((l) => [...l.surface]))];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...chars, '髙', '﨑', 'ア', 'x'), { maxLength: 5 }), (units) => {
        const s = units.join('');
        expect(info(s)).toEqual(expected(s));
        expect(is(s)).toBe(expected(s) !== undefined);
        expect(dict.readingsOf(s, kind)).toEqual(expected(s)?.readings ?? []);
      }),
      { numRuns: 5_000 },
    );
  });

  it('lists every line as an entry, in file order, with its primary reading', () => {
    expect(entries().map((e) => [e.kanji, e.kana])).toEqual(lines.map((l) => [l.surface, l.readings[0]]));
    expect(entries()).toBe(entries());
  });
});
