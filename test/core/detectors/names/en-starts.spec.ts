// findEnStarts walks the code units once instead of running two whole-text regex scans (the prefixes after a
// lookbehind, then [^A-Za-z][A-Z]); the previous implementation is kept as the oracle (test/core/names/oracle).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findEnStarts } from '../../../../packages/core/src/detectors/names/en-starts.js';
import { findEnStarts as oracleStarts } from '../../names/oracle/en-starts.js';

// Word pieces sharing the prefixes (Mr, the, cc, Dear, e-mail …), capitals, NAME shapes, and what sits between
// words: spaces, tabs, commas, colons, apostrophes, hyphens, digits, accented, macronned and Japanese letters.
const pieces = [
  ...['Mr', 'Mrs.', 'Dr', 'Prof', 'Miss', 'Name', 'name', 'Employee', 'Approved by', 'Dear', 'Attn', 'Emergency'],
  ...['cc', 'Bcc', 'ping', 'notify', 'the', 'This is', 'in', 'me', 'e-mail', 'Email', 'call', 'hi', 'Hello', 'To'],
  ...['From', 'Signed', 'Good morning', 'Thanks', 'Greetings', 'Welcome', 'Support', 'Street', 'report'],
  ...['John', 'Smith', "O'Neil", 'McClure', 'Smith-Jones', 'SMITH', 'MORIOKA', 'Yuusei', 'Ōno', 'A', 'Q.', 'x'],
  ...[' ', ' ', ' ', '  ', '\t', ', ', ',', ': ', ':', '.', '\n', "'", '-', '5', '_', 'é', 'Ō', 'ā', '山田', '、', '('],
];
const text = fc.oneof(
  fc.array(fc.constantFrom(...pieces), { maxLength: 24 }).map((p) => p.join('')),
  fc.string({ unit: fc.constantFrom(..."aZMrcDe -,:'\n.Ō山".split('')), maxLength: 40 }),
  fc.string({ maxLength: 30 }),
);

describe('findEnStarts', () => {
  it('buckets the same word starts as the two regex scans it replaced', () => {
    for (const s of ['', 'A', 'Mr', 'Hi John Smith, cc Roe. Dear SMITH JOHN', '山田 Taro', "x-Ray O'Neil, Bo"]) {
      expect(findEnStarts(s)).toEqual(oracleStarts(s));
    }
  });

  it('property: same buckets as the oracle', () => {
    fc.assert(
      fc.property(text, (s) => {
        expect(findEnStarts(s)).toEqual(oracleStarts(s));
      }),
      { numRuns: 20000 },
    );
  });
});
