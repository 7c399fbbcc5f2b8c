import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createJsonCodec, createJsonDecoder, type Leaf, type RecordUnit } from '@kamen/core';
import { cutPoints, once, runCodec, thrown, type Seen } from './helpers.js';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

const seg = (key: string): string => (/^[a-z_$][\w$]*$/i.test(key) ? `.${key}` : `[${JSON.stringify(key)}]`);

/** The leaves a correct decoder reports for a parsed value, in document order. */
function expectedLeaves(value: Json, path = '$', field = '$'): Omit<Seen, 'record'>[] {
  if (typeof value === 'string') return [{ value, path, field, kind: 'value' }];
  if (Array.isArray(value)) return value.flatMap((v, i) => expectedLeaves(v, `${path}[${i}]`, `${field}[*]`));
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => [
      { value: k, path: path + seg(k), field: field + seg(k), kind: 'key' as const },
      ...expectedLeaves(v, path + seg(k), field + seg(k)),
    ]);
  }
  return [];
}

function mapStrings(value: Json, f: (s: string) => string): Json {
  if (typeof value === 'string') return f(value);
  if (Array.isArray(value)) return value.map((v) => mapStrings(v, f));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [f(k), mapStrings(v, f)]));
  }
  return value;
}

const strip = (seen: Seen[]): Omit<Seen, 'record'>[] => seen.map(({ record: _r, ...rest }) => rest);
const json = fc.jsonValue() as fc.Arbitrary<Json>;

describe('createJsonCodec', () => {
  it('round-trips canonical and pretty-printed JSON byte for byte with the identity transform', () => {
    fc.assert(
      fc.property(json, fc.constantFrom(undefined, 2, '\t'), (value, indent) => {
        const text = JSON.stringify(value, null, indent);
        expect(once(createJsonCodec, {}, text)).toBe(text);
      }),
      { numRuns: 300 },
    );
  });

  it('gives every key and string value to the transform exactly once, with its path', () => {
    fc.assert(
      fc.property(json, (value) => {
        const { seen } = runCodec(createJsonCodec, {}, JSON.stringify(value));
        expect(strip(seen)).toEqual(expectedLeaves(value));
      }),
      { numRuns: 300 },
    );
  });

  it('re-serialises transformed values into valid JSON of the same shape', () => {
    fc.assert(
      fc.property(json, (value) => {
        const f = (s: string): string => `<${s}>\u0000"\\`;
        const { output } = runCodec(createJsonCodec, {}, JSON.stringify(value), [], f);
        expect(JSON.parse(output)).toEqual(JSON.parse(JSON.stringify(mapStrings(value, f))));
      }),
      { numRuns: 200 },
    );
  });

  it('gives byte-identical output and the same leaves for any chunking (ST-01)', () => {
    fc.assert(
      fc.property(json, fc.array(fc.nat(), { maxLength: 12 }), (value, raw) => {
        const text = JSON.stringify(value, null, 1);
        const whole = runCodec(createJsonCodec, { recordChars: 64 }, text, [], (s) => s.toUpperCase());
        const cut = runCodec(createJsonCodec, { recordChars: 64 }, text, cutPoints(raw, text.length), (s) =>
          s.toUpperCase(),
        );
        expect(cut.output).toBe(whole.output);
        expect(cut.seen).toEqual(whole.seen);
      }),
      { numRuns: 300 },
    );
  });

  it('is split-independent at every offset of small generated documents', () => {
    fc.assert(
      fc.property(
        json.map((v) => JSON.stringify(v)).filter((t) => t.length <= 80),
        (text) => {
          const whole = runCodec(createJsonCodec, { recordChars: 16 }, text);
          for (let i = 0; i <= text.length; i++) {
            expect(runCodec(createJsonCodec, { recordChars: 16 }, text, [i])).toEqual(whole);
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it('is split-independent at every offset: \\u escapes, surrogate pairs, numbers, keys, literals', () => {
    const text =
      '[{"\\u6c0f\\u540d":"\\ud83d\\ude00\\u5c71\\u7530","n":-12.5e+3,"t":true,"z":null},"a\\"b\\\\c\\/\\n"]';
    const whole = runCodec(createJsonCodec, {}, text);
    for (let i = 0; i <= text.length; i++) {
      for (const j of [i, Math.min(text.length, i + 1), Math.min(text.length, i + 5)]) {
        expect(runCodec(createJsonCodec, {}, text, [...new Set([i, j])])).toEqual(whole);
      }
    }
    expect(whole.seen.map((s) => s.value)).toEqual(['氏名', '😀山田', 'n', 't', 'z', 'a"b\\c/\n']);
    expect(whole.output).toBe('[{"氏名":"😀山田","n":-12.5e+3,"t":true,"z":null},"a\\"b\\\\c/\\n"]');
  });

  it('property: strings full of quotes, backslashes and control characters decode as JSON.parse reads them, any chunking', () => {
    const tricky = fc
      .array(fc.constantFrom('"', '\\', '\n', '\u0001', '\u001f', '/', 'a', '山', '\ud83d\ude00', ' '), {
        maxLength: 12,
      })
      .map((parts) => parts.join(''));
    const doc = fc.array(fc.tuple(tricky, tricky), { maxLength: 5 }).map((pairs) => [Object.fromEntries(pairs)]);
    fc.assert(
      fc.property(doc, fc.array(fc.nat(), { maxLength: 8 }), (value, raw) => {
        const text = JSON.stringify(value);
        const run = runCodec(createJsonCodec, {}, text, cutPoints(raw, text.length));
        expect(strip(run.seen)).toEqual(expectedLeaves(value as Json));
        expect(run.output).toBe(text);
      }),
      { numRuns: 500 },
    );
  });

  it('refuses a raw control character in a string wherever the chunks are cut', () => {
    const text = '[{"a":"ok","b":"x\u0001y"}]';
    for (let i = 0; i <= text.length; i++)
      expect(thrown(() => runCodec(createJsonCodec, {}, text, [i])).code).toBe('KAMEN_ERR_INPUT_JSON');
  });

  it('runs detection on decoded values and never patches raw text (EN-01, EN-02)', () => {
    const text = '{"name":"\\u5c71\\u7530","tel":"090\\u002d1234\\u002d5678","mail":"a\\u0040b.jp","memo":"x\\" 090"}';
    const { output, seen } = runCodec(createJsonCodec, {}, text, [], (v, loc) => (loc.kind === 'value' ? '***' : v));
    expect(seen.filter((s) => s.kind === 'value').map((s) => s.value)).toEqual([
      '山田',
      '090-1234-5678',
      'a@b.jp',
      'x" 090',
    ]);
    expect(JSON.parse(output)).toEqual({ name: '***', tel: '***', mail: '***', memo: '***' });
  });

  it('transforms every occurrence of a duplicate key (FC-03)', () => {
    const { output, seen } = runCodec(createJsonCodec, {}, '{"name":"X","name":"山田"}', [], (v, loc) =>
      loc.kind === 'value' ? 'M' : v,
    );
    expect(seen.filter((s) => s.path === '$.name' && s.kind === 'value')).toHaveLength(2);
    expect(output).toBe('{"name":"M","name":"M"}');
  });

  it('keeps a leading BOM as text, never as part of a value', () => {
    const { output, seen } = runCodec(createJsonCodec, {}, '\ufeff{"a":"b"}', [1]);
    expect(output).toBe('\ufeff{"a":"b"}');
    expect(seen.map((s) => s.value)).toEqual(['a', 'b']);
  });

  it('copies numbers byte-identical, however large or precise', () => {
    const text = '[1E400,-0.0000000000000000000001,12345678901234567890123,0e-0,1.50]';
    expect(once(createJsonCodec, {}, text)).toBe(text);
  });

  it.each([
    ['[1,2', 1, 5, 'truncated'],
    ['{"a":"b', 1, 6, 'unterminated string'],
    ['{"a":1}x', 1, 8, 'after the top-level value'],
    ['{"a":1} {"b":2}', 1, 9, 'after the top-level value'],
    ['{\n  "a": NaN\n}', 2, 8, 'expected a JSON value'],
    ['[1, // c\n2]', 1, 5, 'expected a JSON value'],
    ["{'a':1}", 1, 2, 'expected a string key'],
    ['{"a":1,}', 1, 8, 'expected a string key'],
    ['[1,]', 1, 4, 'expected a JSON value'],
    ['"a\tb"', 1, 3, 'control character'],
    ['"\\x"', 1, 3, 'invalid escape'],
    ['"\\u12G4"', 1, 6, 'invalid \\u escape'],
    ['01', 1, 2, 'leading zero'],
    ['[-]', 1, 3, 'invalid number'],
    ['[1.e5]', 1, 4, 'invalid number'],
    ['[tru]', 1, 5, 'invalid literal'],
    ['{"a" 1}', 1, 6, "expected ':'"],
    ['[1 2]', 1, 4, "expected ',' or ']'"],
    ['', 1, 1, 'no JSON value'],
    ['   ', 1, 4, 'no JSON value'],
    ['{"a":[1}', 1, 8, "expected ',' or ']'"],
  ])('rejects %j with KAMEN_ERR_INPUT_JSON at line %i, column %i', (text, line, column, detail) => {
    const err = thrown(() => once(createJsonCodec, {}, text));
    expect(err.code).toBe('KAMEN_ERR_INPUT_JSON');
    expect(err.context).toMatchObject({ line, column });
    expect(err.message).toContain(detail);
  });

  it('reports the JSON path of the error and never the input value', () => {
    const err = thrown(() => once(createJsonCodec, {}, '{"employees":[{"name":"山田太郎","tel":090}]}'));
    expect(err.context?.path).toBe('$.employees[0].tel');
    expect(err.message).not.toContain('山田');
  });

  it('enforces depth, string length and key count limits before the transform sees anything (FC-08)', () => {
    const deep = '['.repeat(10_000) + ']'.repeat(10_000);
    expect(thrown(() => once(createJsonCodec, {}, deep)).code).toBe('KAMEN_ERR_INPUT_LIMIT');
    expect(once(createJsonCodec, { maxDepth: 10_000 }, deep)).toBe(deep);

    let calls = 0;
    const big = `["ok","${'x'.repeat(2000)}"]`;
    const codec = createJsonCodec({ maxStringLength: 1000 }, (v) => {
      calls++;
      return v;
    });
    expect(thrown(() => codec.write(big) + codec.end()).code).toBe('KAMEN_ERR_INPUT_LIMIT');
    expect(calls).toBe(0);

    const keys = `{${Array.from({ length: 11 }, (_, i) => `"k${i}":1`).join(',')}}`;
    expect(thrown(() => once(createJsonCodec, { maxKeys: 10 }, keys)).code).toBe('KAMEN_ERR_INPUT_LIMIT');
    expect(once(createJsonCodec, { maxKeys: 11 }, keys)).toBe(keys);
  });

  it('throws on use after an error (fail closed)', () => {
    const codec = createJsonCodec({}, (v) => v);
    expect(() => codec.write('[1,}')).toThrow();
    expect(() => codec.write('1]')).toThrow();
  });
});

describe('JSON records', () => {
  const decode = (text: string, options = {}): RecordUnit[] => {
    const d = createJsonDecoder(options);
    return [...d.write(text), ...d.end()];
  };

  it('makes each element of a top-level array one record', () => {
    const units = decode('[{"a":"1","b":"2"},{"a":"3"},"x"]');
    const withLeaves = units.filter((u) => u.leaves.length > 0);
    expect(withLeaves.map((u) => u.leaves.map((l) => l.value))).toEqual([['a', '1', 'b', '2'], ['a', '3'], ['x']]);
    for (const u of units) for (const l of u.leaves) expect(l.record).toBe(u.record);
  });

  it('makes each element of an array reached through objects one record ($.data.employees)', () => {
    const text = JSON.stringify({
      meta: { n: 2 },
      data: { employees: [{ 氏名: '山田' }, { 氏名: '佐藤' }] },
      next: 'x',
    });
    const units = decode(text);
    const values = units.map((u) => u.leaves.filter((l) => l.kind === 'value').map((l) => l.value));
    // The text before the array travels with the first element; the closing ']' ends a record of its own.
    expect(values).toEqual([['山田'], ['佐藤'], [], ['x']]);
    const employees = units.flatMap((u) => u.leaves.filter((l) => l.path.includes('employees[')));
    expect(employees.map((l) => `${l.path}@${l.record}`)).toEqual([
      '$.data.employees[0]["氏名"]@0',
      '$.data.employees[0]["氏名"]@0',
      '$.data.employees[1]["氏名"]@1',
      '$.data.employees[1]["氏名"]@1',
    ]);
  });

  it('returns to one record per element after splitting one huge element', () => {
    const huge = Object.fromEntries(Array.from({ length: 100 }, (_, i) => [`k${i}`, `v${i}`]));
    const text = JSON.stringify([{ a: '1' }, huge, { a: '2' }, { a: '3' }]);
    const units = decode(text, { recordChars: 100 });
    const small = units.filter((u) => u.leaves.some((l) => l.path === '$[2].a' || l.path === '$[3].a'));
    expect(small).toHaveLength(2);
    expect(units.filter((u) => u.leaves.some((l) => l.path.startsWith('$[1].'))).length).toBeGreaterThan(5);
  });

  it('keeps a top-level object in one record while it is small', () => {
    expect(decode('{"氏名":"山田","フリガナ":"ヤマダ"}')).toHaveLength(1);
  });

  it('splits a large container between its children, keeping each child whole (bounded memory)', () => {
    const employees = Array.from({ length: 200 }, (_, i) => ({ 氏名: `山田${i}`, フリガナ: `ヤマダ${i}`, id: i }));
    const text = JSON.stringify({ meta: { n: 200 }, data: { employees } });
    const units = decode(text, { recordChars: 500 });
    expect(units.length).toBeGreaterThan(20);
    for (const u of units) {
      const size = u.pieces.join('').length + u.leaves.reduce((n, l) => n + l.value.length + 2, 0);
      expect(size).toBeLessThanOrEqual(1000);
      // 氏名 and フリガナ of one employee are never in different records.
      const paths = u.leaves.map((l) => l.path);
      for (const p of paths.filter((x) => x.endsWith('["氏名"]'))) {
        expect(paths).toContain(p.replace('氏名', 'フリガナ'));
      }
    }
    expect(units.map((u) => u.pieces.map((p, i) => p + (u.leaves[i]?.value ?? '')).join('')).join('')).toBe(
      text.replaceAll('"', ''),
    );
  });

  it('gives the record hook all leaves of a record, before the leaf transform', () => {
    const order: string[] = [];
    const codec = createJsonCodec(
      {},
      {
        record(leaves: Leaf[], record: number) {
          const name = leaves.find((l) => l.kind === 'value' && l.field === '$[*]["氏名"]');
          const kana = leaves.find((l) => l.kind === 'value' && l.field === '$[*]["フリガナ"]');
          order.push(`record ${record}`);
          if (name && kana) {
            name.value = `氏名${record}`;
            kana.value = `カナ${record}`;
          }
        },
        leaf(value, loc) {
          order.push(`leaf ${loc.record}`);
          return value;
        },
      },
    );
    const out = codec.write('[{"氏名":"山田","フリガナ":"ヤマダ"},{"氏名":"佐藤","フリガナ":"サトウ"}]') + codec.end();
    expect(JSON.parse(out)).toEqual([
      { 氏名: '氏名0', フリガナ: 'カナ0' },
      { 氏名: '氏名1', フリガナ: 'カナ1' },
    ]);
    expect(order.slice(0, 2)).toEqual(['record 0', 'leaf 0']);
  });

  it('fails closed when a transform returns a non-string', () => {
    const codec = createJsonCodec({}, () => undefined as unknown as string);
    expect(thrown(() => codec.write('["x"]') + codec.end()).code).toBe('KAMEN_ERR_MASK_FAILED');
  });
});
