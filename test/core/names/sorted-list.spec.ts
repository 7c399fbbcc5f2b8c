// sorted-list.ts binary-searches the English list files in place instead of building a Map at start-up: it must
// answer exactly what the old Map and Set did (oracle/en-list.ts), before and after it builds its own Map, and the
// files must keep the order the search relies on.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { getNameDictionary, RULES_DATA_DIR } from '@kamen/core';
import { SortedList } from '../../../packages/core/src/names/sorted-list.js';
import { loadEnOracle, loadWordsOracle } from './oracle/en-list.js';

const read = (file: string): string => readFileSync(join(RULES_DATA_DIR, 'names', file), 'utf8');
const LISTS = ['en-first.txt', 'en-last.txt', 'en-words.txt'];
const kindOf = (w: boolean | undefined) => (w === undefined ? undefined : w ? 'word' : 'name');

describe('English list files', () => {
  it.each(LISTS)('%s: header comments, then non-empty names strictly ascending by code unit once lower-cased', (f) => {
    const lines = read(f).toLowerCase().split('\n');
    expect(lines.pop()).toBe('');
    const body = lines.slice(lines.findIndex((l) => !l.startsWith('#')));
    expect(body.length).toBeGreaterThan(1000);
    let prev = '';
    for (const line of body) {
      const name = line.split('\t')[0] as string;
      if (name.length === 0 || name.startsWith('#') || !(prev < name))
        expect.fail(`${JSON.stringify(prev)} then ${JSON.stringify(name)}`);
      prev = name;
    }
  });
});

/** Tokens near the listed ones: the names themselves, changed case, prefixes, extensions, neighbours, noise. */
function tokens(names: readonly string[]): fc.Arbitrary<string> {
  const name = fc.nat({ max: names.length - 1 }).map((i) => names[i] as string);
  return fc.oneof(
    name,
    name.map((n) => n.toUpperCase()),
    fc.tuple(name, fc.nat()).map(([n, k]) => n.slice(0, k % (n.length + 1))),
    fc.tuple(name, fc.string({ maxLength: 3 })).map(([n, s]) => n + s),
    fc.tuple(name, fc.nat(), fc.integer({ min: -2, max: 2 })).map(([n, k, d]) => {
      const i = k % n.length;
      return n.slice(0, i) + String.fromCharCode(Math.max(0, n.charCodeAt(i) + d)) + n.slice(i + 1);
    }),
    fc.string({ maxLength: 8 }),
    fc.constantFrom('', '\t', '\tw', '\n', '#', 'a\tw'),
  );
}

describe('SortedList', () => {
  it.each(['en-first.txt', 'en-last.txt'])('%s: same kind as the old Map, before and after its own Map', (f) => {
    const text = read(f);
    const oracle = loadEnOracle(text);
    const list = new SortedList(text.toLowerCase());
    // 15k lookups: the first 10k are binary searches, the rest go to the Map the list builds.
    fc.assert(
      fc.property(tokens([...oracle.keys()]), (t) => {
        expect(kindOf(list.get(t.toLowerCase()))).toBe(oracle.get(t.toLowerCase()));
      }),
      { numRuns: 15_000 },
    );
  });

  it('en-words.txt: same membership as the old Set', () => {
    const text = read('en-words.txt');
    const oracle = loadWordsOracle(text);
    const list = new SortedList(text);
    fc.assert(
      fc.property(tokens([...oracle]), (t) => {
        expect(list.get(t) !== undefined).toBe(oracle.has(t));
      }),
      { numRuns: 12_000 },
    );
  });

  it('any sorted list of unique names, with and without marks and headers', () => {
    const names = fc.uniqueArray(fc.string({ unit: fc.constantFrom('a', 'b', 'c', "'", '-'), maxLength: 5 }), {
      maxLength: 40,
    });
    fc.assert(
      fc.property(
        names,
        fc.array(fc.boolean()),
        fc.boolean(),
        fc.array(tokens(['ab', 'b'])),
        (ns, marks, header, ts) => {
          const sorted = ns.filter((n) => n.length > 0).sort();
          const body = sorted.map((n, i) => (marks[i] ? `${n}\tw` : n)).join('\n');
          const text = (header ? '# list\n# more\n' : '') + body + (sorted.length > 0 ? '\n' : '');
          const oracle = loadEnOracle(text);
          const list = new SortedList(text);
          for (const t of [...sorted, ...ts]) expect(kindOf(list.get(t)), t).toBe(oracle.get(t));
        },
      ),
    );
  });

  it('the dictionary answers through it as before', () => {
    const dict = getNameDictionary();
    expect(dict.englishFirstName('John')).toBe('name');
    expect(dict.englishFirstName('WILL')).toBe('word');
    expect(dict.englishLastName('smith')).toBeDefined();
    expect(dict.isEnglishLastName('Zzzzqx')).toBe(false);
    expect(dict.isEnglishWord('Payroll')).toBe(true);
    expect(dict.isEnglishWord('Yamada')).toBe(false);
  });
});
