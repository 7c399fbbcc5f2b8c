import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createJsonNumbersCodec, maskJsonWhole, type FormatLimits, type Leaf } from '@kamen/core';
import { myNumberArb } from '../../helpers/generators.js';

interface Seen {
  readonly record: number;
  readonly leaves: readonly Omit<Leaf, never>[];
}

/** Masks some leaves by value and place: numbers to other numbers or to strings, strings to text needing escapes. */
function mask(leaf: Leaf): string {
  const value = leaf.value;
  const h = [...`${leaf.path}|${value}`].reduce((a, c) => (a * 31 + c.charCodeAt(0)) >>> 0, 7) % 6;
  if (h === 0 || h === 5) return value;
  if (h === 1) return /^-?\d/.test(value) ? String(value.length * 7) : value.toUpperCase();
  if (h === 2) return `＊${value.length}\ud800`;
  if (h === 3) return `"\\\n${value.slice(0, 2)}`;
  return '';
}

/** A record hook that notes what it was given (copies) and masks in place. */
function recorder(): { seen: Seen[]; hook: { record(leaves: Leaf[], record: number): void } } {
  const seen: Seen[] = [];
  return {
    seen,
    hook: {
      record(leaves, record) {
        seen.push({ record, leaves: leaves.map((l) => ({ ...l })) });
        for (const l of leaves) l.value = mask(l);
      },
    },
  };
}

type Outcome = { output: string; seen: Seen[] } | { error: unknown };

/** The codec the proxy used before: the whole text in one write. */
function viaCodec(text: string, limits: FormatLimits): Outcome {
  const { seen, hook } = recorder();
  try {
    const codec = createJsonNumbersCodec(limits, hook);
    return { output: codec.write(text) + codec.end(), seen };
  } catch (error) {
    return { error };
  }
}

function viaWhole(text: string, limits: FormatLimits): Outcome | undefined {
  const { seen, hook } = recorder();
  const output = maskJsonWhole(text, limits, hook);
  return output === undefined ? undefined : { output, seen };
}

const NUMBERS = ['0', '-0', '12', '-3.25', '1e5', '1E+21', '2.5e-7', '-0.0E-0', '123456789012345678901234567890'];
const STRINGS = [
  '山田 太郎',
  'ヤマダ タロウ',
  'a"b\\c',
  'line\nbreak\ttab\u0001',
  '😀 emoji',
  '\ud800 lone high',
  'lone low \udc00',
  '/slash/',
  '',
  '090-1234-5678',
  'taro@example.co.jp',
];

/** Values in every kind of place; numbers are markers replaced by their raw text after layout. */
const nested = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom(...NUMBERS).map((n) => `§${n}§`),
    fc.constantFrom(...STRINGS),
    myNumberArb,
    fc.string({ maxLength: 6, unit: 'binary' }),
    fc.constantFrom(true, false, null),
    fc.array(tie('value'), { maxLength: 5 }),
    fc.dictionary(fc.constantFrom('id', 'name', '氏名', 'a b', '$x', '', 'q"\\', '😀'), tie('value'), {
      maxKeys: 4,
    }),
  ),
})).value;

/**
 * Escapes written differently from JSON.stringify: \/ and \u forms (a pair as two escapes) inside strings. The
 * escapes JSON.stringify wrote (\n, \u001f, \ud800 …) are left whole: re-escaping one of their letters would make the
 * document malformed, and this property is about valid documents.
 */
function reescape(json: string, seed: number): string {
  let k = seed;
  return json.replace(/"(?:[^"\\]|\\.)*"/g, (s) =>
    s.replace(/\\u[0-9a-fA-F]{4}|\\.|[a-z/\u3040-\u30ff\ud800-\udfff]/g, (c) => {
      if (c.length > 1) return c;
      k = (k * 1103515245 + 12345) >>> 0;
      if (k % 4 !== 0) return c;
      return c === '/' && k % 8 === 0 ? '\\/' : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
    }),
  );
}

function layout(value: unknown, style: number, seed: number): string {
  let text =
    style === 0
      ? JSON.stringify(value)
      : style === 1
        ? JSON.stringify(value, null, 2)
        : ` \t${JSON.stringify(value, null, '\t').replace(/,\n/g, ' ,\r\n ')}\n`;
  text = text.replace(/"§([^§"]*)§"/g, '$1');
  return seed % 2 === 1 ? reescape(text, seed) : text;
}

const limits: FormatLimits = {};

describe('maskJsonWhole (one scan of a whole JSON document)', () => {
  it('gives createJsonNumbersCodec’s output and hands the hook the same records and leaves', () => {
    fc.assert(
      fc.property(nested, fc.nat(2), fc.nat(), fc.nat(3), (value, style, seed, shape) => {
        const doc =
          shape === 0
            ? value
            : shape === 1
              ? { total: 3, employees: [value, { n: value }], tail: value }
              : shape === 2
                ? [value, [value], { a: [value] }]
                : { data: { items: [value, value] }, more: [value] };
        const text = layout(doc, style, seed);
        const want = viaCodec(text, limits);
        const got = viaWhole(text, limits);
        expect(got).toBeDefined(); // a valid document is always taken
        expect(got).toEqual(want);
      }),
      { numRuns: 400 },
    );
  });

  it('takes no malformed or truncated document (the codec then reports the error), and never differs', () => {
    const noise = fc.constantFrom('{', '}', '[', ']', ',', ':', '"', '\\', ' ', 'x', '-', 'e', '.', '0', '\u0001', 't');
    fc.assert(
      fc.property(nested, fc.nat(2), fc.nat(), fc.nat(), noise, fc.nat(2), (value, style, seed, at, ch, how) => {
        const text = layout({ employees: [value, value] }, style, seed);
        const i = at % (text.length + 1);
        const broken =
          how === 0
            ? text.slice(0, i)
            : how === 1
              ? text.slice(0, i) + ch + text.slice(i + 1)
              : text.slice(0, i) + ch + text.slice(i);
        const want = viaCodec(broken, limits);
        const got = viaWhole(broken, limits);
        if ('error' in want) expect(got).toBeUndefined();
        else if (got !== undefined) expect(got).toEqual(want);
      }),
      { numRuns: 600 },
    );
  });

  it('leaves limits to the codec: depth, keys, string length, and records the builder would cut by size', () => {
    const deep = '['.repeat(6) + ']'.repeat(6);
    expect(maskJsonWhole(deep, { maxDepth: 5 }, recorder().hook)).toBeUndefined();
    expect('error' in viaCodec(deep, { maxDepth: 5 })).toBe(true);
    expect(maskJsonWhole('{"a":1,"b":2,"c":3}', { maxKeys: 2 }, recorder().hook)).toBeUndefined();
    expect(maskJsonWhole('["abcdef"]', { maxStringLength: 5 }, recorder().hook)).toBeUndefined();
    expect(maskJsonWhole('[123456]', { maxStringLength: 5 }, recorder().hook)).toBeUndefined();
    const big = JSON.stringify({ employees: [{ name: 'x'.repeat(40) }, { name: 'y'.repeat(40) }] });
    expect(maskJsonWhole(big, { recordChars: 32 }, recorder().hook)).toBeUndefined();
    expect(maskJsonWhole(big, { recordChars: big.length }, recorder().hook)).toBeDefined();
    // A BOM left in the text (TextDecoder removes one): the tokenizer keeps it as text; this path leaves it alone.
    expect(maskJsonWhole('\ufeff[1]', {}, recorder().hook)).toBeUndefined();
  });

  it('copies what the hook left unchanged as it was written, escapes included', () => {
    const text = '{"a\\u0041":[1.50,"x\\/y",true] , "b":"山田"}';
    const keep = { record: () => undefined };
    const codec = createJsonNumbersCodec({}, keep);
    const out = maskJsonWhole(text, {}, keep);
    expect(out).toBe(codec.write(text) + codec.end());
    expect(out).toBe('{"aA":[1.50,"x/y",true] , "b":"山田"}');
  });

  it('fails closed when the hook leaves a non-string value', () => {
    const bad = {
      record(leaves: Leaf[]) {
        (leaves[0] as { value: unknown }).value = 3;
      },
    };
    expect(() => maskJsonWhole('["a"]', {}, bad)).toThrow(expect.objectContaining({ code: 'KAMEN_ERR_MASK_FAILED' }));
  });
});
