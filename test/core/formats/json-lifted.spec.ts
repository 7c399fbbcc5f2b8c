import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  codecWithJsonNumbers,
  createJsonCodec,
  createJsonDecoder,
  createJsonNumbersCodec,
  createNdjsonDecoder,
  liftJsonNumbers,
  type FormatLimits,
  type LeafLocation,
} from '@kamen/core';
import { cutPoints, runCodec } from './helpers.js';

type Mode = 'json' | 'ndjson';

/** The oracle: the decoder, then liftJsonNumbers over its records (what the proxy ran before). */
const oracle = (mode: Mode) => (options: FormatLimits, transform: Parameters<typeof createJsonNumbersCodec>[1]) =>
  codecWithJsonNumbers(
    mode === 'json' ? createJsonDecoder(options) : createNdjsonDecoder(options),
    liftJsonNumbers,
    transform,
  );
const fused = (mode: Mode) => (options: FormatLimits, transform: Parameters<typeof createJsonNumbersCodec>[1]) =>
  createJsonNumbersCodec(options, transform, mode);

/** Masks some leaves by value and place: numbers to other numbers or to strings, strings to text that needs escapes. */
function mask(value: string, loc: LeafLocation): string {
  const h = [...`${loc.path}|${value}`].reduce((a, c) => (a * 31 + c.charCodeAt(0)) >>> 0, 7) % 5;
  if (h === 0) return value;
  if (h === 1) return /^-?\d/.test(value) ? String(value.length * 7) : value.toUpperCase();
  if (h === 2) return `＊${value.length}`;
  if (h === 3) return `"\\\n${value.slice(0, 2)}`;
  return '';
}

/** Values where numbers and strings sit in every kind of place: members, elements, nested arrays, top level. */
const nested = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.integer({ min: -1e12, max: 1e12 }),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.string({ maxLength: 6 }),
    fc.constantFrom(true, false, null, 0, -0.5, 1e21, '山田 太郎', 'a"b\\c', 'line\nbreak'),
    fc.array(tie('value'), { maxLength: 5 }),
    fc.dictionary(fc.constantFrom('id', 'name', 'n', '氏名', 'a b', '$x', ''), tie('value'), { maxKeys: 4 }),
  ),
})).value;

/** A JSON text of `value` in one of several layouts (minified, indented, with odd whitespace). */
const layout = (value: unknown, style: number): string => {
  if (style === 0) return JSON.stringify(value);
  if (style === 1) return JSON.stringify(value, null, 2);
  // A line break in JSON.stringify's output is always structural (strings escape theirs).
  return ` \t${JSON.stringify(value, null, '\t').replace(/,\n/g, ' ,\r\n ')}\n`;
};

describe('createJsonNumbersCodec (numbers lifted by the tokenizer, lowered while encoding)', () => {
  it('gives the old path’s output and hands the transform the same leaves, however the input is chunked', () => {
    fc.assert(
      fc.property(nested, fc.integer({ min: 0, max: 2 }), fc.array(fc.nat(), { maxLength: 8 }), (value, style, raw) => {
        const text = layout({ total: 3, employees: [value, { n: value }], tail: value }, style);
        const cuts = cutPoints(raw, text.length);
        const want = runCodec(oracle('json'), {}, text, cuts, mask);
        const got = runCodec(fused('json'), {}, text, cuts, mask);
        expect(got.output).toBe(want.output);
        expect(got.seen).toEqual(want.seen);
      }),
    );
  });

  // Past twice recordChars a record is cut inside its text, and liftJsonNumbers then names a number after the cut
  // only approximately (RecordUnit.resume); the tokenizer names it exactly. Where each path cuts can then differ
  // too, so only what does not depend on names is compared: output under a value-only mask, and the leaves' values.
  // (A record smaller than one number, recordChars 8 against a 17-digit number, is not compared: the old path cut
  // that number in two leaves; the tokenizer keeps a number whole.)
  it('lifts and masks the same numbers when records are cut small', () => {
    const byValue = (v: string): string => mask(v, { path: '', field: '', kind: 'value', record: 0 });
    fc.assert(
      fc.property(
        nested,
        fc.integer({ min: 0, max: 2 }),
        fc.constantFrom(24, 200),
        fc.array(fc.nat(), { maxLength: 8 }),
        (value, style, recordChars, raw) => {
          const text = layout({ total: 3, employees: [value, { n: value }], tail: value }, style);
          const cuts = cutPoints(raw, text.length);
          const want = runCodec(oracle('json'), { recordChars }, text, cuts, byValue);
          const got = runCodec(fused('json'), { recordChars }, text, cuts, byValue);
          expect(got.output).toBe(want.output);
          expect(got.seen.map((l) => [l.kind, l.value])).toEqual(want.seen.map((l) => [l.kind, l.value]));
        },
      ),
    );
  });

  it('matches the old path on NDJSON lines, top-level numbers included', () => {
    fc.assert(
      fc.property(fc.array(nested, { maxLength: 5 }), fc.array(fc.nat(), { maxLength: 6 }), (values, raw) => {
        const text = values.map((v) => JSON.stringify(v)).join('\n') + (values.length > 0 ? '\r\n' : '');
        const cuts = cutPoints(raw, text.length);
        const want = runCodec(oracle('ndjson'), {}, text, cuts, mask);
        const got = runCodec(fused('ndjson'), {}, text, cuts, mask);
        expect(got.output).toBe(want.output);
        expect(got.seen).toEqual(want.seen);
      }),
    );
  });

  it('joins a number cut by chunk ends into one leaf and writes unchanged numbers byte for byte', () => {
    const text = '{"ids":[-12.5e+3, 123456789018],"n":0}';
    for (let a = 1; a < text.length; a++) {
      const { output, seen } = runCodec(fused('json'), {}, text, [a, Math.min(a + 3, text.length)]);
      expect(output).toBe(text);
      expect(seen.filter((l) => l.kind === 'value').map((l) => [l.path, l.field, l.value])).toEqual([
        ['$.ids[0]', '$.ids[*]', '-12.5e+3'],
        ['$.ids[1]', '$.ids[*]', '123456789018'],
        ['$.n', '$.n', '0'],
      ]);
    }
  });

  it('writes a masked number as a number when it still is one, as a string otherwise', () => {
    const { output } = runCodec(fused('json'), {}, '[{"my":123456789018,"fpe":5,"s":"7"}]', [], (v, loc) =>
      loc.kind !== 'value' ? v : loc.field === '$[*].my' ? '************' : loc.field === '$[*].fpe' ? '42' : v,
    );
    expect(output).toBe('[{"my":"************","fpe":42,"s":"7"}]');
  });

  // The tokenizer reuses a member's key, path segment and field when a record repeats the key at the same position:
  // leaves are checked against paths computed from JSON.parse, for records whose keys repeat, move or change.
  it('names members right when records repeat, reorder or change their keys', () => {
    const seg = (k: string): string => (/^[a-z_$][\w$]*$/i.test(k) ? `.${k}` : `[${JSON.stringify(k)}]`);
    const expected = (v: unknown, path: string, field: string): string[][] =>
      typeof v === 'string'
        ? [[path, field, v, 'value']]
        : Array.isArray(v)
          ? v.flatMap((x, i) => expected(x, `${path}[${i}]`, `${field}[*]`))
          : v !== null && typeof v === 'object'
            ? Object.entries(v).flatMap(([k, x]) => [
                [path + seg(k), field + seg(k), k, 'key'],
                ...expected(x, path + seg(k), field + seg(k)),
              ])
            : [];
    const key = fc.constantFrom('id', '氏名', 'a b', 'tel', '', '1', 'x');
    const rec = fc.letrec((tie) => ({
      obj: fc.dictionary(key, fc.oneof({ depthSize: 'small' }, fc.string({ maxLength: 3 }), tie('obj')), {
        maxKeys: 5,
      }),
    })).obj;
    fc.assert(
      fc.property(fc.array(rec, { maxLength: 6 }), fc.array(fc.nat(), { maxLength: 5 }), (rows, raw) => {
        const doc = { rows, other: rows.slice(0, 2), nested: [{ rows }] };
        const text = JSON.stringify(doc);
        const { seen } = runCodec(createJsonCodec, {}, text, cutPoints(raw, text.length));
        expect(seen.map((l) => [l.path, l.field, l.value, l.kind])).toEqual(expected(doc, '$', '$'));
      }),
    );
  });

  it('hands the transform plain leaf objects (made by new for the GC, still plain data)', () => {
    const units = [...createJsonDecoder({}).write('{"a":["b",1]}')];
    const leaves: unknown[] = [];
    createJsonNumbersCodec({}, { record: (ls) => void leaves.push(...ls) }).write('[{"a":"b","n":1}]');
    for (const leaf of [...units.flatMap((u) => u.leaves), ...leaves]) {
      expect(Object.getPrototypeOf(leaf)).toBe(Object.prototype);
      expect(structuredClone(leaf)).toStrictEqual(leaf);
      expect(Object.keys(leaf as object)).toEqual(['value', 'path', 'field', 'kind', 'record']);
    }
    expect(leaves).toHaveLength(4);
  });

  it('rejects what the decoder rejects and stays failed', () => {
    const codec = createJsonNumbersCodec({}, (v) => v);
    expect(() => codec.write('{"a": 01}')).toThrow(/leading zero/);
    expect(() => codec.end()).toThrow(/after an error/);
    const truncated = createJsonNumbersCodec({}, (v) => v);
    truncated.write('[1, 2');
    expect(() => truncated.end()).toThrow(/truncated/);
  });
});
