import fc from 'fast-check';
import { createSseCodec } from '@kamen/core';
import { describe, expect, it } from 'vitest';
import { cutPoints, runCodec } from './helpers.js';

const STREAM =
  ': keep-alive 山田\n\nevent: employee\nid: 42\ndata: {"name":"山田 太郎","tel":"090-1234-5678"}\n\n' +
  'data: 連絡先 090-1234-5678\r\ndata: second line\r\n\r\nretry: 1000\rdata:[1,"x"]\r\r';

describe('SSE codec', () => {
  it('is byte-identical with an identity transform and exposes data, id and comment leaves', () => {
    const { output, seen } = runCodec(createSseCodec, {}, STREAM);
    expect(output).toBe(STREAM);
    expect(seen.map((s) => [s.kind, s.path, s.value])).toEqual([
      ['comment', '', ' keep-alive 山田'],
      ['text', '', '42'],
      ['key', '$.name', 'name'],
      ['value', '$.name', '山田 太郎'],
      ['key', '$.tel', 'tel'],
      ['value', '$.tel', '090-1234-5678'],
      ['text', '', '連絡先 090-1234-5678'],
      ['text', '', 'second line'],
      ['value', '$[1]', 'x'],
    ]);
    expect(seen.map((s) => s.record)).toEqual([0, 1, 1, 1, 1, 1, 2, 2, 3]);
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
