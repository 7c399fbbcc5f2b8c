import fc from 'fast-check';
import { createSseCodec } from '@kamen/core';
import { describe, expect, it } from 'vitest';
import { cutPoints, runCodec } from './helpers.js';

const STREAM =
  ': keep-alive 山田\n\nevent: employee\nid: 42\ndata: {"name":"山田 太郎","tel":"090-1234-5678"}\n\n' +
  'data: 連絡先 090-1234-5678\r\ndata: second line\r\n\r\nretry: 1000\rdata:[1,"x"]\r\r';

describe('SSE codec', () => {
  it('is byte-identical with an identity transform and exposes every value as a leaf', () => {
    const { output, seen } = runCodec(createSseCodec, {}, STREAM);
    expect(output).toBe(STREAM);
    expect(seen.map((s) => [s.kind, s.path, s.value])).toEqual([
      ['comment', '', ' keep-alive 山田'],
      ['text', '', 'employee'],
      ['text', 'id', '42'],
      ['key', '$.name', 'name'],
      ['value', '$.name', '山田 太郎'],
      ['key', '$.tel', 'tel'],
      ['value', '$.tel', '090-1234-5678'],
      ['text', '', '連絡先 090-1234-5678'],
      ['text', '', 'second line'],
      ['text', '', '1000'],
      ['value', '$[0]', '1'],
      ['value', '$[1]', 'x'],
    ]);
    expect(seen.map((s) => s.record)).toEqual([0, 1, 1, 1, 1, 1, 1, 2, 2, 3, 3, 3]);
  });

  it('re-serialises JSON data and never lets a value start a new field', () => {
    const { output } = runCodec(createSseCodec, {}, STREAM, [], (v, loc) =>
      loc.path === '$.name' && loc.kind === 'value'
        ? 'a"b\nc'
        : loc.kind === 'text' && v.startsWith('連絡先')
          ? 'x\ndata: injected'
          : v,
    );
    expect(output).toContain('data: {"name":"a\\"b\\nc","tel":"090-1234-5678"}');
    expect(output).toContain('data: x data: injected\r\n');
  });

  it('releases each event when its blank line arrives', () => {
    const codec = createSseCodec({}, (v) => v);
    expect(codec.write('data: a\n')).toBe('');
    expect(codec.write('\ndata: b')).toBe('data: a\n\n');
    expect(codec.end()).toBe('data: b');
  });

  it('caps the event size', () => {
    expect(() => runCodec(createSseCodec, { maxStringLength: 10 }, `data: ${'x'.repeat(20)}\n`)).toThrow(/event size/);
  });

  it('gives the same output wherever the input is cut', () => {
    const whole = runCodec(createSseCodec, {}, STREAM, [], (v) => v.toUpperCase()).output;
    fc.assert(
      fc.property(fc.array(fc.nat(), { maxLength: 6 }), (raw) => {
        expect(runCodec(createSseCodec, {}, STREAM, cutPoints(raw, STREAM.length), (v) => v.toUpperCase()).output).toBe(
          whole,
        );
      }),
    );
  });
});

describe('SSE codec: fields besides data (issue 5)', () => {
  const EVENT =
    'event: 山田太郎\nid: E10001\nretry: 090-1234-5678\nx-note: 連絡 090-1234-5678\n090-8765-4321\ndata\n' +
    'data: {"社員番号":"E10001","個人番号":123456789018}\n\n';
  const upper = (v: string) => `<${v}>`;

  it('passes event, id, retry, unknown fields and colon-less lines to the transform', () => {
    const { output, seen } = runCodec(createSseCodec, {}, EVENT, [], upper);
    expect(seen.map((s) => [s.kind, s.path, s.value])).toEqual([
      ['text', '', '山田太郎'],
      ['text', 'id', 'E10001'],
      ['text', '', '090-1234-5678'],
      ['text', '', 'x-note: 連絡 090-1234-5678'],
      ['text', '', '090-8765-4321'],
      ['key', '$["社員番号"]', '社員番号'],
      ['value', '$["社員番号"]', 'E10001'],
      ['key', '$["個人番号"]', '個人番号'],
      ['value', '$["個人番号"]', '123456789018'],
    ]);
    expect(output).toBe(
      'event: <山田太郎>\nid: <E10001>\nretry: <090-1234-5678>\n<x-note: 連絡 090-1234-5678>\n<090-8765-4321>\ndata\n' +
        'data: {"<社員番号>":"<E10001>","<個人番号>":"<123456789018>"}\n\n',
    );
  });

  it('gives an id the field of the data value it repeats, else the field `id`', () => {
    const { seen } = runCodec(createSseCodec, {}, `${EVENT}id: 7\ndata: {"n":8}\n\n`);
    const ids = seen.filter((s) => s.path === 'id');
    expect(ids.map((s) => [s.value, s.field])).toEqual([
      ['E10001', '$["社員番号"]'],
      ['7', 'id'],
    ]);
  });

  it('writes unchanged numbers back verbatim and masked ones as numbers or strings', () => {
    const input = 'data: {"a":1.50,"b":123456789018,"c":[2, 123456789018]}\n\n';
    expect(runCodec(createSseCodec, {}, input).output).toBe(input);
    const { output } = runCodec(createSseCodec, {}, input, [], (v, loc) =>
      loc.kind !== 'value'
        ? v
        : loc.path === '$.b' || loc.path === '$.c[1]'
          ? '************'
          : loc.path === '$.a'
            ? '2'
            : v,
    );
    expect(output).toBe('data: {"a":2,"b":"************","c":[2, "************"]}\n\n');
  });

  it('keeps a masked id on one line without NUL, CR or LF', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (masked) => {
        const { output } = runCodec(createSseCodec, {}, 'id: E1\ndata: x\n\n', [], (v, loc) =>
          loc.path === 'id' ? masked : v,
        );
        const lines = output.split(/\r\n|\r|\n/);
        expect(lines[0]).toMatch(/^id: /);
        expect(lines[0]).not.toMatch(/\0/);
        expect(lines.slice(1)).toEqual(['data: x', '', '']);
      }),
    );
  });
});
