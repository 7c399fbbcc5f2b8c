import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { forEachRun } from '../../../packages/core/src/detectors/phone/phone-runs.js';
import { findDigitRuns } from '../../../packages/core/src/text/digit-runs.js';
import { phoneishTextArb } from './phoneish-text.js';

// The global scan phone-runs.ts replaces (the detector's RUN with the g flag).
const RUN = /(?<![\d+])(?<!\d\.)(?:\+ ?\d{1,3}[ -]?(?:\(0\)[ -]?)?)?\(?\d[\d ()-]{5,46}\d(?!\d|\.\d)/g;

function globalRuns(text: string): string[] {
  const out: string[] = [];
  RUN.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = RUN.exec(text)) !== null) out.push(`${m.index}:${m.index + m[0].length}`);
  return out;
}

function stickyRuns(text: string): string[] {
  const out: string[] = [];
  forEachRun(text, findDigitRuns(text), (start, end) => out.push(`${start}:${end}`));
  return out;
}

describe('phone runs: sticky attempts at digit-run starts', () => {
  it.each([
    'TEL03-1234-5678FAX03-1234-5679',
    '+81 90 1234 5678 / + 81-3-1234-5678',
    '(03)1234-5678 ((202) 454-9896',
    '1+81-90-1234-5678 ++81 90 1234 5678 1.5 1.0312345678',
    '2024-01-15 12345678 9.87654321',
    '03-1234-56',
  ])('finds what the global scan finds in %j', (text) => {
    expect(stickyRuns(text)).toEqual(globalRuns(text));
  });

  it('finds exactly the matches of the global scan on generated text', () => {
    fc.assert(
      fc.property(phoneishTextArb, (text) => {
        expect(stickyRuns(text)).toEqual(globalRuns(text));
      }),
      { numRuns: 3000 },
    );
  });

  // Stretches of body characters longer than RUN's 47 after the first digit: the bound of the run read by hand.
  it('finds the matches of the global scan in long stretches of body characters', () => {
    const stretch = fc
      .array(
        fc.oneof(
          { weight: 80, arbitrary: fc.constantFrom(...'0123456789 -()') },
          { weight: 1, arbitrary: fc.constantFrom('.', '+', 'a') },
        ),
        { minLength: 40, maxLength: 120 },
      )
      .map((units) => units.join(''));
    fc.assert(
      fc.property(stretch, (text) => {
        expect(stickyRuns(text)).toEqual(globalRuns(text));
      }),
      { numRuns: 300 },
    );
  });
});
