import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { getDefaultRegistry } from '@kamen/core';
import { literalGateOf } from '../../../packages/core/src/detectors/literal-gate.js';

const alphabetOf = (a: Uint8Array): string =>
  [...a].flatMap((v, c) => (v === 1 ? [String.fromCharCode(c)] : [])).join('');

describe('literalGateOf', () => {
  it.each([
    ['(?:ab)?cd', 'cd'],
    ['\\d+ (?:St|Street)\\b\\.?', ' (?:St|Street)\\b'],
    ['(?:(?:[A-Z]\\w*|\\d) ){1,4}(?:St|Street)\\b', ' (?:St|Street)\\b'],
    ['(?:[A-Z]\\w* |\\d ){1,4}(?:St|Street)\\b', '(?:St|Street)\\b'],
    ['(?:[A-Z]\\w* )?(?:St|Street)\\b', '(?:St|Street)\\b'],
    ['(?:[A-Z]\\w* )+x?(?:St|Street)\\b', '(?:St|Street)\\b'],
    ['a(?:bc|de)f\\d', 'a(?:bc|de)f'],
    ['(?:x|y)?zz\\d', 'zz'],
    ['(?:\\d+bcd)+x', 'bcdx'],
    ['(?:\\d+bcd)+\\d', 'bcd'],
    ['(?:\\d+,? [A-Z][a-z]+-(?:ku|shi)){1,3}', '-(?:ku|shi)'],
    ['\\bP\\.? ?O\\.? Box \\d', '\\bP\\.? ?O\\.? Box '],
    ['(?:Meadows?|Glen)\\d', '(?:Meadows?|Glen)'],
    ['(?<![\\w-])ab\\d', 'ab'],
  ])('%s is found through %s', (source, finder) => {
    expect(literalGateOf(source)?.finder.source).toBe(finder);
  });

  it('reads the alphabet from every consuming atom, not from lookarounds', () => {
    const gate = literalGateOf('(?<![\\w-])[A-C]\\d x(?=[%])\\.(?:yz|#)?');
    expect(gate === undefined ? undefined : alphabetOf(gate.alphabet)).toBe(' #.0123456789ABCxyz');
  });

  it.each([
    'ab|cd', // a top-level alternation: no stretch every match passes through
    '(?:abc)?\\d', // an optional group
    '(?:ab|c)\\d', // one mandatory character only
    '\\d+ \\d-', // no two literal characters in a row
    '(?:ab){0,2}cd.', // any character
    'ab[^c]', // a negated class
    'ab\\s', // a class that reaches outside ASCII
    'ab\\D',
    'ab[\\s]',
    '(a)b\\1c', // a backreference
    'abcé', // a character outside ASCII
    '(?i:ab)cd', // a modifier group
  ])('%s has no gate', (source) => {
    expect(literalGateOf(source)).toBeUndefined();
  });

  it('reads nothing under the i, u, v and s flags', () => {
    for (const flags of ['i', 'u', 'v', 's']) expect(literalGateOf('abc', flags)).toBeUndefined();
    expect(literalGateOf('abc', 'd')).toBeDefined();
  });

  it('holds every character of every match of the gated built-in patterns, and a finder match inside it', () => {
    const patterns = getDefaultRegistry()
      .rules.flatMap((r) => (r.patterns ?? []).map((p) => ({ source: p.regex, flags: p.flags ?? '' })))
      .flatMap((p) => {
        const gate = literalGateOf(p.source, p.flags);
        return gate === undefined ? [] : [{ ...p, gate }];
      });
    expect(patterns.length).toBeGreaterThanOrEqual(7);
    const wordArb = fc.oneof(
      fc.stringMatching(/^\d{1,6}[A-Z]?$/),
      fc.constantFrom('Apt', 'Unit', '4B', 'Main', 'Street', 'St.', 'Ave', 'Close', 'Rue', 'NW', 'W.', '#', '12th'),
      fc.constantFrom('1-2-3', 'Chiyoda-ku', 'Osaka-shi', 'Tokyo', 'Building', '2F', 'P.O.', 'Box', 'IL', '62704'),
      fc.constantFrom('April', 'Jan.', '1st', '1985', '01/04/1985', '19850401', 'x', "O'Hara", '\n', '住所', ':'),
    );
    let matches = 0;
    fc.assert(
      fc.property(fc.array(fc.tuple(wordArb, fc.constantFrom(' ', ', ', '')), { maxLength: 24 }), (words) => {
        const text = words.map(([w, s]) => w + s).join('');
        for (const { source, flags, gate } of patterns) {
          const finder = new RegExp(gate.finder.source, `y${flags}`);
          for (const m of text.matchAll(new RegExp(source, `g${flags}`))) {
            const end = m.index + m[0].length;
            expect(gate.first[text.charCodeAt(m.index)], source).toBe(1);
            for (let k = m.index; k < end; k++) expect(gate.alphabet[text.charCodeAt(k)], source).toBe(1);
            let held = false;
            for (let x = m.index; x < end && !held; x++) {
              finder.lastIndex = x;
              held = finder.test(text);
            }
            expect(held, `${source} on ${text}`).toBe(true);
            if (gate.literal !== undefined) expect(m[0].includes(gate.literal), `${source} on ${text}`).toBe(true);
            matches++;
          }
        }
      }),
      { numRuns: 500 },
    );
    expect(matches).toBeGreaterThan(50);
  });

  it('keeps the longest stretch of plain characters every finder match holds, of three or more without spaces', () => {
    expect(literalGateOf('\\bP\\.? ?O\\.? Box \\d{1,6}')?.literal).toBe('Box');
    expect(literalGateOf('\\d{1,6} (?:St|Street)\\b')?.literal).toBeUndefined();
    expect(literalGateOf('\\d+ Main Stree?t')?.literal).toBe('Main Stre');
    expect(literalGateOf('\\d+ [A-Z] ab \\d')?.literal).toBeUndefined();
  });

  it('names the punctuation mark every finder match starts with, but no space, letter or optional one', () => {
    expect(literalGateOf('[A-Z][a-z]+-(?:ku|shi)')?.opener?.char).toBe('-');
    expect(literalGateOf('\\d{1,6} (?:St|Street)\\b')?.opener).toBeUndefined();
    expect(literalGateOf('\\bP\\.? ?O\\.? Box \\d{1,6}')?.opener).toBeUndefined();
    expect(literalGateOf('[a-z]+-?(?:ku|shi)')?.opener).toBeUndefined();
  });
});
