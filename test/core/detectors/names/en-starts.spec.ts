// findEnStarts walks the code units once instead of running two whole-text regex scans (the prefixes after a
// lookbehind, then [^A-Za-z][A-Z]); the previous implementation is kept as the oracle (test/core/names/oracle).
// The same pass buckets where the romaji pair pattern can begin: run sticky there it must find what its global scan
// finds, from any index.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  EnFamily,
  enStartsOf,
  execFrom,
  findEnStarts,
  stickyOf,
} from '../../../../packages/core/src/detectors/names/en-starts.js';
import { ROMAJI_PAIR_RE } from '../../../../packages/core/src/detectors/names/person-name-romaji.js';
import { normalizeText } from '../../../../packages/core/src/text/normalize.js';
import { findEnStarts as oracleStarts } from '../../names/oracle/en-starts.js';
import { findEnStarts as walkOracle } from './oracle/en-starts-walk.js';

// Word pieces sharing the prefixes (Mr, the, cc, Dear, e-mail …), capitals, NAME shapes, and what sits between
// words: spaces, tabs, commas, colons, apostrophes, hyphens, digits, accented, macronned and Japanese letters.
const pieces = [
  ...['Mr', 'Mrs.', 'Dr', 'Prof', 'Miss', 'Name', 'name', 'Employee', 'Approved by', 'Dear', 'Attn', 'Emergency'],
  ...['cc', 'Bcc', 'ping', 'notify', 'the', 'This is', 'in', 'me', 'e-mail', 'Email', 'call', 'hi', 'Hello', 'To'],
  ...['From', 'Signed', 'Good morning', 'Thanks', 'Greetings', 'Welcome', 'Support', 'Street', 'report'],
  ...['John', 'Smith', "O'Neil", 'McClure', 'Smith-Jones', 'SMITH', 'MORIOKA', 'Yuusei', 'Ōno', 'A', 'Q.', 'x'],
  ...['ŌNO', 'Ūta', 'ĀKI', 'Satō', 'Yūko', 'OHNO', 'Kenji', 'Taro', 'YAMADA', 'Ohno-ſ', 'ĒMI'],
  ...[' ', ' ', ' ', '  ', '\t', ' \t', ', ', ',', ': ', ':', '.', '\n', "'", '-', '5', '_', 'é', 'Ō', 'ā', 'ſ', 'Ā'],
  ...['ō', 'ū', 'Ū', 'Ă', '山田', '、', '('],
];
const text = fc.oneof(
  fc.array(fc.constantFrom(...pieces), { maxLength: 24 }).map((p) => p.join('')),
  fc.string({ unit: fc.constantFrom(..."aZMrcDe -,:'\n.Ō山".split('')), maxLength: 40 }),
  fc.string({ maxLength: 30 }),
);

/**
 * The NAME and capitals families are the oracle's; the cue families (title, label, slot, greeting) keep a part of
 * the oracle's starts, those where a cue word is spelt out (test/core/names/en-starts.spec.ts checks that every
 * match is still found).
 */
function expectLikeOracle(s: string): void {
  const starts = findEnStarts(s);
  const oracle = oracleStarts(s);
  expect(starts.slice(EnFamily.pair, EnFamily.romaji)).toEqual(oracle.slice(EnFamily.pair));
  for (let f = EnFamily.title; f <= EnFamily.greeting; f++) {
    expect(starts[f]!.every((i) => oracle[f]!.includes(i))).toBe(true);
  }
}

describe('findEnStarts', () => {
  it('buckets the NAME starts as the two regex scans it replaced, and cue starts where the cue word is', () => {
    for (const s of ['', 'A', 'Mr', 'Hi John Smith, cc Roe. Dear SMITH JOHN', '山田 Taro', "x-Ray O'Neil, Bo"]) {
      expectLikeOracle(s);
    }
    // Cue families: the cue word spelt out and its separator and capital after it, not two letters and a capital
    // within reach (the, Hi there, Mr Smith).
    const s = 'the Hi there, Mr Smith. Name: Roe; cc: Bo, cc Bo; Thanks, Al; Thank you Al; Dear Sir';
    const starts = findEnStarts(s);
    expect(starts.slice(0, 4)).toEqual([[14], [24, 76], [43, 76], [50, 62, 76]]);
    // Romaji starts: a capital (Ō too) after no Latin letter (ā, ſ count as letters), then spaces or tabs and a capital.
    expect(findEnStarts('Ōno Kenji, YAMADA\t Taro; aŌno Ken ſTaro Ono x Ab c')[EnFamily.romaji]).toEqual([0, 11]);
  });

  it("property: the oracle's NAME buckets, and a part of its cue buckets", () => {
    fc.assert(
      fc.property(text, (s) => {
        expectLikeOracle(s);
      }),
      { numRuns: 20000 },
    );
  });

  it('property: cutting cue words by their length leaves every bucket as it was', () => {
    // Words sharing a cue's prefix, a letter or two longer or shorter, and cues run into a capital (ccRoe, HiBo).
    const near = fc
      .array(
        fc.constantFrom(...pieces, 'ccRoe', 'HiBo', 'them', 'Thanksgiving', 'Mrs', 'Mrx', 'names', 'nam', 'e-', 'E-m'),
        { maxLength: 24 },
      )
      .map((p) => p.join(''));
    fc.assert(
      fc.property(fc.oneof(text, near), (s) => {
        expect(findEnStarts(s)).toEqual(walkOracle(s));
      }),
      { numRuns: 20000 },
    );
  });

  it('property: the romaji pair pattern finds at its starts what its global scan finds, from any index', () => {
    const sticky = stickyOf(ROMAJI_PAIR_RE);
    fc.assert(
      fc.property(text, fc.nat(), fc.boolean(), (s, at, overlap) => {
        const from = at % (s.length + 2);
        // The detector resumes right after the first token of a rejected pair, else at the match's end.
        const next = (m: RegExpExecArray): number =>
          overlap ? m.index + (m[1] as string).length : m.index + m[0].length;
        const starts = findEnStarts(s)[EnFamily.romaji] as number[];
        const viaStarts: unknown[] = [];
        let m: RegExpExecArray | null;
        for (let i = from; (m = execFrom(sticky, s, starts, i)) !== null; i = next(m)) viaStarts.push([m.index, ...m]);
        const global: unknown[] = [];
        const re = new RegExp(ROMAJI_PAIR_RE.source, 'g');
        re.lastIndex = from;
        while ((m = re.exec(s)) !== null) {
          global.push([m.index, ...m]);
          re.lastIndex = next(m);
        }
        expect(viaStarts).toEqual(global);
      }),
      { numRuns: 20000 },
    );
  });

  it('enStartsOf keeps the buckets on the matching copy, and recomputes them for another text', () => {
    const input = normalizeText('Hi John Smith');
    const starts = enStartsOf(input);
    expect(enStartsOf(input)).toBe(starts);
    expect(starts).toEqual(findEnStarts(input.text));
    const other = { ...input, text: 'YAMADA Taro' };
    expect(enStartsOf(other)).toEqual(findEnStarts('YAMADA Taro'));
    expect(enStartsOf(Object.freeze({ ...normalizeText('Dear Roe') }))).toEqual(findEnStarts('Dear Roe'));
  });
});
