import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { getDefaultRegistry } from '@kamen/core';
import { consumeFirst } from '../../../packages/core/src/detectors/consume-first.js';

/** Every match (index, text, group indices) of a global exec loop. */
function allMatches(source: string, flags: string, text: string): string[] {
  const re = new RegExp(source, `g${flags}`);
  const out: string[] = [];
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    if (m[0].length === 0) re.lastIndex++;
    else out.push(`${m.index}:${m[0]}:${JSON.stringify(m.indices ?? null)}:${JSON.stringify([...m])}`);
  }
  return out;
}

const PATTERNS = getDefaultRegistry().rules.flatMap((r) =>
  (r.patterns ?? []).map((p) => ({
    id: `${r.id}/${p.name}`,
    source: p.regex,
    flags: `d${p.flags ?? ''}`,
  })),
);

// Pieces of what the rewritten rules look for: digits, capitals, lower case, e-mail characters, separators.
const pieceArb = fc.oneof(
  fc.stringMatching(/^\d{1,14}$/),
  fc.string({ unit: fc.constantFrom(...'ABCMTZabckuxyz'), minLength: 1, maxLength: 4 }),
  fc.constantFrom('-', ' ', '.', '/', ':', '@', '_', '+', '#', ',', 'T', 'M', '1', '0', 'ku', '年', 'あ', '\n'),
);
const textArb = fc.array(pieceArb, { maxLength: 30 }).map((parts) => parts.join(''));

describe('consumeFirst', () => {
  it.each([
    ['(?<![\\d-])\\d{4}-\\d{6}(?![\\d-])', '\\d(?<!(?:[\\d-])\\d)\\d{3}-\\d{6}(?![\\d-])'],
    ['(?<!\\d)\\d{1,2}x', '\\d(?<!(?:\\d)\\d)\\d{0,1}x'],
    ['(?<!a)(?<=b)\\d+c', '\\d(?<!(?:a)\\d)(?<=(?:b)\\d)\\d*c'],
    ['(?<![A-Za-z\\d])[A-Z]{2}\\d', '[A-Z](?<!(?:[A-Za-z\\d])[A-Z])[A-Z]{1}\\d'],
    ['(?<!x)T-?\\d', 'T(?<!(?:x)T)-?\\d'],
    ['(?<!x)\\d{3,}', '\\d(?<!(?:x)\\d)\\d{2,}'],
  ])('rewrites %s', (source, expected) => {
    expect(consumeFirst(source)).toBe(expected);
  });

  it.each([
    '\\d{4}',
    '(?<!x)(?:ab|c)',
    '(?<!x)\\d?y',
    '(?<!x)\\d*y',
    '(?<!x)\\d+?y',
    '(?<!x)\\d{0,2}y',
    '(?<!x)\\d{1,2}?y',
    '(?<!x)\\dy|z',
    '(?<!x)\\by',
    '(?<!x)\\1y',
    '(?<!x).y',
  ])('leaves %s alone', (source) => {
    expect(consumeFirst(source)).toBeUndefined();
  });

  it('rewrites most built-in patterns that start with a lookbehind', () => {
    expect(PATTERNS.filter((p) => consumeFirst(p.source) !== undefined).length).toBeGreaterThan(25);
  });

  it('finds exactly the matches (and groups) of the original for every built-in pattern', () => {
    const rewritten = PATTERNS.flatMap((p) => {
      const fast = consumeFirst(p.source);
      return fast === undefined ? [] : [{ ...p, fast }];
    });
    fc.assert(
      fc.property(textArb, (text) => {
        for (const p of rewritten)
          expect(allMatches(p.fast, p.flags, text), p.id).toEqual(allMatches(p.source, p.flags, text));
      }),
      { numRuns: 400 },
    );
  });

  it('keeps the matches of synthetic rule-like patterns on generated text', () => {
    const sources = [
      '(?<![\\w.-])\\d{1,3}(?:\\.\\d{1,3}){3}(?![\\w-]|\\.\\d)',
      "(?<![A-Za-z0-9!#$%&'*+/=?^_`{|}~.-])[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+@[A-Za-z]+\\.[A-Za-z]{2,}",
      '(?<!\\d ?)\\d{4} \\d{4}(?! ?\\d)',
      '(?<![\\d-])\\d([ -])(\\d)\\1\\d\\2',
      '(?<!ab|c)[a-c]{2,3}',
    ];
    fc.assert(
      fc.property(textArb, (text) => {
        for (const source of sources) {
          const fast = consumeFirst(source);
          expect(fast, source).toBeDefined();
          expect(allMatches(fast as string, 'd', text), source).toEqual(allMatches(source, 'd', text));
          expect(allMatches(fast as string, 'di', text), source).toEqual(allMatches(source, 'di', text));
        }
      }),
      { numRuns: 300 },
    );
  });
});
