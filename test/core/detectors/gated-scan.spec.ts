import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { getDefaultRegistry } from '@kamen/core';
import { gatedMatches } from '../../../packages/core/src/detectors/gated-scan.js';
import { literalGateOf } from '../../../packages/core/src/detectors/literal-gate.js';
import { anchoredMatches, globalMatches } from './regex-matches.js';

const key = (m: RegExpExecArray): string => `${m.index}:${m[0]}:${JSON.stringify(m.indices ?? null)}`;

/** Built-in patterns with a literal gate: the English addresses, the month-name birth dates, and a few digit forms. */
const gated = getDefaultRegistry()
  .rules.flatMap((r) =>
    (r.patterns ?? []).map((p) => ({ source: p.regex, flags: `${p.group ? 'd' : ''}${p.flags ?? ''}` })),
  )
  .filter((p) => literalGateOf(p.source, p.flags) !== undefined);

// Address and date words, joined by spaces and commas into phrases long enough for lead-ins (Apt 4B, 12 Main
// Street; Marunouchi Building 2F, 1-2-3 …), and phrases joined by what a match cannot hold (newlines, Japanese, ':').
const wordArb = fc.oneof(
  fc.stringMatching(/^\d{1,7}[A-Z]?$/),
  fc.constantFrom('Main', 'Street', 'St', 'St.', 'Ave', 'Road', 'Way', 'Park', 'Rue', 'Close', 'Divide', 'Orchard'),
  fc.constantFrom('Apt', 'Apt.', 'Unit', 'Suite', 'Flat', 'Room', '#', '4B', '221B', 'W.', 'N', '12th', 'NW'),
  fc.constantFrom('Chiyoda-ku', '-ku', '-shi', 'Osaka-shi', 'Kita', 'Tokyo', 'Japan', 'Marunouchi', 'Building', '2F'),
  fc.constantFrom('P.O.', 'PO', 'Box', 'IL', 'CA', 'Springfield', 'Oxford', 'OX1', '4AA', "O'Hara", 'Adams-Kemmer'),
  fc.constantFrom('April', 'Jan', 'Dec.', '1st', 'th', '1985', '2001', '19850401', '01/04/1985', '1-2-3', '100-0005'),
  fc.constantFrom('a', 'x', 'the', 'lives', 'at', '-', '.', "'", '_'),
);
const phraseArb = fc
  .array(fc.tuple(wordArb, fc.constantFrom(' ', ' ', ' ', ', ', ',', '', '-')), { maxLength: 14 })
  .map((ws) => ws.map(([w, sep]) => w + sep).join(''));
const textArb = fc
  .array(fc.tuple(phraseArb, fc.constantFrom('\n', ': ', '住所', '。', ' ', '')), { maxLength: 5 })
  .map((ps) => ps.map(([p, sep]) => p + sep).join(''));

describe('gatedMatches', () => {
  it('gates the English address patterns and the month-name birth dates', () => {
    expect(gated.length).toBeGreaterThanOrEqual(7);
  });

  it('finds exactly the matches of the global scan (the gated path itself, most runs)', () => {
    let gatedRuns = 0;
    fc.assert(
      fc.property(textArb, fc.nat(200), (text, pad) => {
        // Padding with characters no match holds keeps the runs a small share of the text, so the gate is used.
        const padded = `${'\n'.repeat(pad)}${text}${'。'.repeat(pad)}`;
        for (const p of gated) {
          const gate = literalGateOf(p.source, p.flags);
          if (gate === undefined) throw new Error('unreachable');
          let fellBack = false;
          const scanAll = (t: string): RegExpExecArray[] => {
            fellBack = true;
            return [...t.matchAll(new RegExp(p.source, `g${p.flags}`))];
          };
          const found = gatedMatches(padded, gate, new RegExp(p.source, `y${p.flags}`), scanAll).map(key);
          expect(found, p.source).toEqual(globalMatches(p.source, p.flags, padded));
          if (!fellBack) gatedRuns++;
        }
      }),
      { numRuns: 400 },
    );
    expect(gatedRuns).toBeGreaterThan(1000);
  });

  it('gives the same matches as the global scan through anchoredRegex, fallbacks included', () => {
    fc.assert(
      fc.property(textArb, (text) => {
        for (const p of gated)
          expect(anchoredMatches(p.source, p.flags, text), p.source).toEqual(globalMatches(p.source, p.flags, text));
      }),
      { numRuns: 400 },
    );
  });

  it('runs the plain scan when the gated runs are most of the text', () => {
    const gate = literalGateOf('\\d+ Street');
    if (gate === undefined) throw new Error('no gate');
    const sentinel = [] as RegExpExecArray[];
    expect(gatedMatches('12 Street', gate, /\d+ Street/y, () => sentinel)).toBe(sentinel);
    expect(gatedMatches(`${'\n'.repeat(100)}12 Street`, gate, /\d+ Street/y, () => sentinel)).toHaveLength(1);
    expect(gatedMatches(`${'\n'.repeat(100)}12 Road`, gate, /\d+ Street/y, () => sentinel)).toHaveLength(0);
  });
});
