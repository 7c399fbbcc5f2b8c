import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createTextCodec } from '@kamen/core';
import { cutPoints, once, runCodec, thrown } from './helpers.js';

const text = fc.string({ unit: fc.constantFrom('a', '山', '😀', ' ', '\n', '\r\n', '\r', '0'), maxLength: 60 });

describe('createTextCodec', () => {
  it('round-trips any text and gives each line (without its line end) to the transform once', () => {
    fc.assert(
      fc.property(text, (t) => {
        const { output, seen } = runCodec(createTextCodec, {}, t);
        expect(output).toBe(t);
        const parts = t.split('\n');
        // A '\r' ends a line only before '\n'; at the very end it is text.
        const lines = t === '' ? [] : parts.map((l, i) => (i < parts.length - 1 ? l.replace(/\r$/, '') : l));
        if (t.endsWith('\n')) lines.pop();
        expect(seen.map((s) => s.value)).toEqual(lines);
        expect(seen.map((s) => s.record)).toEqual(lines.map((_, i) => i));
      }),
      { numRuns: 300 },
    );
  });

  it('is chunking-independent, CRLF split included (ST-01)', () => {
    fc.assert(
      fc.property(text, fc.array(fc.nat(), { maxLength: 8 }), (t, raw) => {
        const f = (s: string): string => `[${s}]`;
        expect(runCodec(createTextCodec, {}, t, cutPoints(raw, t.length), f)).toEqual(
          runCodec(createTextCodec, {}, t, [], f),
        );
      }),
      { numRuns: 300 },
    );
  });

  it('keeps line ends around transformed lines', () => {
    expect(runCodec(createTextCodec, {}, 'a\r\nb\nc', [], (s) => s.toUpperCase()).output).toBe('A\r\nB\nC');
  });

  it('stops at the line length cap for input without line breaks (CLI-06)', () => {
    const codec = createTextCodec({ maxStringLength: 100 }, (s) => s);
    expect(codec.write('short\n')).toBe('short\n');
    expect(thrown(() => codec.write('x'.repeat(200))).code).toBe('KAMEN_ERR_INPUT_LIMIT');
    expect(thrown(() => once(createTextCodec, { maxStringLength: 3 }, 'abcd')).code).toBe('KAMEN_ERR_INPUT_LIMIT');
  });
});
