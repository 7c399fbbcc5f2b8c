import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { detect, getDefaultRegistry } from '@kamen/core';
import { patternBounds } from '../../../packages/core/src/detectors/pattern-bounds.js';

const PATTERNS = getDefaultRegistry().rules.flatMap((r) =>
  (r.patterns ?? []).map((p) => ({ id: `${r.id}/${p.name}`, source: p.regex, flags: p.flags ?? '' })),
);

/** A small regex grammar whose exact shortest match and digit need are known from its tree. */
interface Gen {
  readonly src: string;
  readonly min: number;
  readonly digit: boolean;
  /** False when the reader may legitimately report less (lookarounds, backreferences). */
  readonly exact: boolean;
}
const leaf: fc.Arbitrary<Gen> = fc.constantFrom<Gen>(
  { src: 'a', min: 1, digit: false, exact: true },
  { src: '7', min: 1, digit: true, exact: true },
  { src: '\\d', min: 1, digit: true, exact: true },
  { src: '[0-9]', min: 1, digit: true, exact: true },
  { src: '[a-z\\d]', min: 1, digit: false, exact: true },
  { src: '.', min: 1, digit: false, exact: true },
  { src: '\\u3042', min: 1, digit: false, exact: true },
  { src: '\\x41', min: 1, digit: false, exact: true },
  { src: '\\.', min: 1, digit: false, exact: true },
  { src: '{', min: 1, digit: false, exact: true },
  { src: '\\b', min: 0, digit: false, exact: true },
  { src: '^', min: 0, digit: false, exact: true },
  { src: '(?=\\d\\d)', min: 0, digit: false, exact: false },
  { src: '(?<!a)', min: 0, digit: false, exact: true },
);
const { tree } = fc.letrec<{ tree: Gen }>((tie) => ({
  tree: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    fc.array(tie('tree'), { minLength: 1, maxLength: 4 }).map((xs) => ({
      src: xs.map((x) => x.src).join(''),
      min: xs.reduce((n, x) => n + x.min, 0),
      digit: xs.some((x) => x.digit),
      exact: xs.every((x) => x.exact),
    })),
    fc.array(tie('tree'), { minLength: 1, maxLength: 3 }).map((xs) => ({
      src: `(?:${xs.map((x) => x.src).join('|')})`,
      min: Math.min(...xs.map((x) => x.min)),
      digit: xs.every((x) => x.digit),
      exact: xs.every((x) => x.exact),
    })),
    fc
      .tuple(tie('tree'), fc.constantFrom(['?', 0], ['*', 0], ['+', 1], ['{2}', 2], ['{0,3}', 0], ['{3,}?', 3]))
      .map(([x, [q, n]]) => ({
        src: `(${x.src})${q as string}`,
        min: x.min * (n as number),
        digit: x.digit && (n as number) > 0,
        exact: x.exact,
      })),
  ),
}));

describe('patternBounds', () => {
  it.each([
    ['(?<![\\dA-Za-z])\\d{12}(?![\\dA-Za-z])', 12, true],
    ['[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+\\.[A-Za-z]{2,}', 6, false],
    ['(?:明治|大正|[MTSH])\\.? ?(?:元|\\d{1,2})年\\d{1,2}月', 5, true],
    ['(a)\\1', 1, false],
    ['(?<x>\\d)\\k<x>', 1, true],
    ['a{,3}', 5, true], // not a quantifier: the literal "{,3}", which holds a 3
    ['\\d{1000000}', 1000000, true],
    ['x|\\d\\d', 1, false],
    ['', 0, false],
  ])('%s: at least %i units, digit %s', (source, min, digit) => {
    expect(patternBounds(source)).toEqual({ minLength: min, needsDigit: digit });
  });

  it('counts a quantified surrogate pair under u as one atom, and follows nothing under v', () => {
    expect(patternBounds('😀{0}x', 'u').minLength).toBeLessThanOrEqual(1);
    expect(patternBounds('\\uD83D\\uDE00{0}', 'u').minLength).toBe(0);
    expect(patternBounds('\\d{5}', 'v')).toEqual({ minLength: 0, needsDigit: false });
  });

  it('equals the shortest match and digit need of generated patterns (never more where unsure)', () => {
    fc.assert(
      fc.property(tree, (g) => {
        const b = patternBounds(g.src);
        if (g.exact) expect(b).toEqual({ minLength: g.min, needsDigit: g.digit });
        else {
          expect(b.minLength).toBeLessThanOrEqual(g.min);
          if (b.needsDigit) expect(g.digit).toBe(true);
        }
      }),
      { numRuns: 2000 },
    );
  });

  const pieces = fc.oneof(
    fc.stringMatching(/^\d{1,14}$/),
    fc.constantFrom(' ', '-', '.', '/', ':', '@', '年', '月', '日', '生', '〒', '昭和', 'S', 'Apr ', 'Tokyo', 'ab'),
    fc.constantFrom('example.com', 'Shibuya-ku', '記号', '番号', 'DE', 'GB82', 'JP', '::1', '192.168.', 'Main St'),
  );
  it('bounds every match of every rule pattern on text dense in what the rules look for', () => {
    const compiled = PATTERNS.map((p) => ({
      ...p,
      re: new RegExp(p.source, `g${p.flags}`),
      b: patternBounds(p.source, p.flags),
    }));
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 30 }), (parts) => {
        const text = parts.join('');
        for (const p of compiled) {
          for (const m of text.matchAll(p.re)) {
            expect(m[0].length, p.id).toBeGreaterThanOrEqual(p.b.minLength);
            if (p.b.needsDigit) expect(/\d/.test(m[0]), p.id).toBe(true);
          }
        }
      }),
      { numRuns: 400 },
    );
  });

  it('leaves the findings of short cells unchanged (each rule example cut to every short prefix and suffix)', () => {
    // The rule examples are the strings the patterns are written for; their short cuts are the cells that a
    // too-high bound would silently skip. Compared with the same patterns run without bounds.
    const regs = PATTERNS.map((p) => ({
      ...p,
      re: new RegExp(p.source, `g${p.flags}`),
      b: patternBounds(p.source, p.flags),
    }));
    const examples = getDefaultRegistry().rules.flatMap((r) => [...r.examples.match, ...r.examples.noMatch]);
    for (const ex of examples) {
      const text = typeof ex === 'string' ? ex : ex.text;
      for (let k = 1; k <= Math.min(24, text.length); k++) {
        for (const cell of [text.slice(0, k), text.slice(-k)]) {
          for (const p of regs) {
            const found = [...cell.matchAll(p.re)].filter((m) => m[0].length > 0);
            if (found.length === 0) continue;
            expect(cell.length, `${p.id} on ${cell}`).toBeGreaterThanOrEqual(p.b.minLength);
            if (p.b.needsDigit) expect(/\d/.test(cell), p.id).toBe(true);
          }
        }
      }
    }
    expect(detect('生年月日 S600401').length).toBeGreaterThan(0);
  });
});
