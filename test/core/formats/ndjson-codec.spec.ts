import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createNdjsonCodec } from '@kamen/core';
import { cutPoints, once, runCodec, thrown } from './helpers.js';

const line = fc.oneof(
  { weight: 4, arbitrary: fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)) },
  { weight: 1, arbitrary: fc.constantFrom('', '  ', '\t') },
);
const ndjson = fc
  .record({ lines: fc.array(line, { maxLength: 8 }), eol: fc.constantFrom('\n', '\r\n'), trailing: fc.boolean() })
  .map(({ lines, eol, trailing }) => lines.join(eol) + (trailing && lines.length > 0 ? eol : ''));

describe('createNdjsonCodec', () => {
  it('round-trips byte for byte, blank lines and CRLF kept', () => {
    fc.assert(
      fc.property(ndjson, (text) => {
        expect(once(createNdjsonCodec, {}, text)).toBe(text);
      }),
      { numRuns: 300 },
    );
  });

  it('makes one record per value line, with paths relative to the line', () => {
    const { seen, output } = runCodec(createNdjsonCodec, {}, '{"name":"山田"}\n\n["a"]\r\n"b"\n', [], (v, loc) =>
      loc.kind === 'value' ? 'M' : v,
    );
    expect(seen.map((s) => `${s.record}:${s.kind}:${s.path}`)).toEqual([
      '0:key:$.name',
      '0:value:$.name',
      '1:value:$[0]',
      '2:value:$',
    ]);
    expect(output).toBe('{"name":"M"}\n\n["M"]\r\n"M"\n');
  });

  it('gives byte-identical output and the same leaves for any chunking (ST-01)', () => {
    fc.assert(
      fc.property(ndjson, fc.array(fc.nat(), { maxLength: 10 }), (text, raw) => {
        const f = (s: string): string => `${s}!`;
        expect(runCodec(createNdjsonCodec, {}, text, cutPoints(raw, text.length), f)).toEqual(
          runCodec(createNdjsonCodec, {}, text, [], f),
        );
      }),
      { numRuns: 300 },
    );
  });

  it.each([
    ['{"a":1}\n{"b":\n2}\n', 2, 6, 'spans more than one line'],
    ['{"a":1}\n{"b" 2}\n', 2, 6, "expected ':'"],
    ['{"a":1} {"b":2}\n', 1, 9, 'more than one JSON value'],
    ['1\n2\n[3\n', 3, 3, 'spans more than one line'],
    ['1\n2\n[3', 3, 3, 'truncated'],
    ['1\nNaN\n', 2, 1, 'expected a JSON value'],
  ])('rejects %j with KAMEN_ERR_INPUT_JSON at line %i, column %i', (text, line, column, detail) => {
    const err = thrown(() => once(createNdjsonCodec, {}, text));
    expect(err.code).toBe('KAMEN_ERR_INPUT_JSON');
    expect(err.context).toMatchObject({ line, column });
    expect(err.message).toContain(detail);
  });

  it('accepts empty input and blank-only input', () => {
    expect(once(createNdjsonCodec, {}, '')).toBe('');
    expect(once(createNdjsonCodec, {}, '\n\r\n')).toBe('\n\r\n');
  });
});
