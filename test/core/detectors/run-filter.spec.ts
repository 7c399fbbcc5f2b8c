import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createRunFilters, type RunFilterSpec } from '../../../packages/core/src/detectors/run-filter.js';
import { after, follows } from '../../../packages/core/src/detectors/run-checks.js';
import { findDigitRuns, type DigitRuns } from '../../../packages/core/src/text/digit-runs.js';

/** The per-pattern walk of anchored-regex.ts the filter replaces: the runs it did not skip, in text order. */
function walked(text: string, runs: DigitRuns, spec: RunFilterSpec): number[] {
  const { need, most, atRunStart, follow, before, last, firstDigit } = spec;
  const out: number[] = [];
  for (let r = 0; r < runs.count; r++) {
    const start = runs.starts[r] as number;
    const len = (runs.ends[r] as number) - start;
    if (len < need || len > most) continue;
    if (follow !== undefined && !follows(follow, text, runs, r)) continue;
    if (before !== undefined && after(before, text, start)) continue;
    if (last !== undefined && last[text.charCodeAt(start - 1)] !== 1) continue;
    if (atRunStart && firstDigit !== undefined && firstDigit[text.charCodeAt(start)] !== 1) continue;
    out.push(r);
  }
  return out;
}

const CHARS = ['-', ' ', '.', 'a', 'Z', '_', '/', '番', '号', 'あ', '〒', '\n'];

function table(size: number, chars: readonly string[]): Uint8Array {
  const set = new Uint8Array(size);
  for (const c of chars) if (c.charCodeAt(0) < size) set[c.charCodeAt(0)] = 1;
  return set;
}

const specArb: fc.Arbitrary<RunFilterSpec> = fc
  .record({
    need: fc.integer({ min: 1, max: 6 }),
    extra: fc.oneof(fc.integer({ min: 0, max: 6 }), fc.constant(Infinity)),
    atRunStart: fc.boolean(),
    follow: fc.option(
      fc.record({
        chars: fc.subarray(CHARS),
        nonAscii: fc.boolean(),
        nextDigits: fc.integer({ min: 0, max: 5 }),
      }),
      { nil: undefined },
    ),
    before: fc.option(fc.subarray([...CHARS, '1', '7']), { nil: undefined }),
    last: fc.option(fc.subarray(CHARS, { minLength: 1 }), { nil: undefined }),
    firstDigit: fc.option(fc.subarray([...'0123456789'], { minLength: 1 }), { nil: undefined }),
  })
  .map((s) => ({
    need: s.need,
    most: s.need + s.extra,
    atRunStart: s.atRunStart,
    follow:
      s.follow === undefined
        ? undefined
        : { ascii: table(128, s.follow.chars), nonAscii: s.follow.nonAscii, nextDigits: s.follow.nextDigits },
    before: s.before === undefined ? undefined : table(128, s.before),
    last: s.last === undefined ? undefined : table(0x10000, s.last),
    firstDigit: s.firstDigit === undefined ? undefined : table(0x10000, s.firstDigit),
  }));

const textArb = fc
  .array(fc.oneof(fc.stringMatching(/^\d{1,9}$/), fc.constantFrom(...CHARS)), { maxLength: 40 })
  .map((parts) => parts.join(''));

describe('run filters', () => {
  it('accept exactly the runs the per-pattern walk tries, in text order, for several filters of one text', () => {
    fc.assert(
      fc.property(
        fc.array(specArb, { minLength: 1, maxLength: 40 }),
        fc.array(textArb, { maxLength: 4 }),
        (specs, texts) => {
          // A set per case: more than 128 distinct filters would not all get a bit.
          const set = createRunFilters();
          const filters = specs.map((s) => set.filterOf(s));
          for (const text of texts) {
            const runs = findDigitRuns(text);
            specs.forEach((s, i) => {
              expect([...set.candidateRuns(text, runs, filters[i]!)]).toEqual(walked(text, runs, s));
            });
          }
        },
      ),
    );
  });

  it('find a filter registered after the text was first read (a new pass), and intern equal filters', () => {
    const set = createRunFilters();
    const spec = (need: number): RunFilterSpec => ({
      need,
      most: need,
      atRunStart: true,
      follow: undefined,
      before: undefined,
      last: undefined,
      firstDigit: undefined,
    });
    const text = '12 123 1234 12';
    const runs = findDigitRuns(text);
    expect(set.candidateRuns(text, runs, set.filterOf(spec(2))!)).toEqual([0, 3]);
    expect(set.candidateRuns(text, runs, set.filterOf(spec(3))!)).toEqual([1]);
    expect(set.filterOf(spec(2))).toBe(set.filterOf(spec(2)));
    // Another text with the same runs is not served the first text's lists.
    const spaced = set.filterOf({ ...spec(2), follow: { ascii: table(128, [' ']), nonAscii: false, nextDigits: 0 } })!;
    expect(set.candidateRuns(text, runs, spaced)).toEqual([0]);
    expect(set.candidateRuns('12x123_1234_12', runs, spaced)).toEqual([]);
  });

  it('give no filter past the bits it has or for bounds the length slots cannot hold', () => {
    const set = createRunFilters();
    const spec = (need: number, most: number): RunFilterSpec => ({
      need,
      most,
      atRunStart: true,
      follow: undefined,
      before: undefined,
      last: undefined,
      firstDigit: undefined,
    });
    expect(set.filterOf(spec(1, 40))).toBeUndefined();
    expect(set.filterOf(spec(33, Infinity))).toBeUndefined();
    for (let i = 0; i < 128; i++) expect(set.filterOf(spec(1 + (i % 16), 1 + (i % 16) + (i >> 4)))).toBeDefined();
    expect(set.filterOf(spec(20, 20))).toBeUndefined();
    expect(set.filterOf(spec(1, 1))).toBeDefined(); // interned: no new bit
  });
});
