import fc from 'fast-check';
import { createHtmlCodec, myNumberCheckDigit } from '@kamen/core';
import { describe, expect, it } from 'vitest';
import { cutPoints, runCodec } from './helpers.js';

/** Synthetic My Numbers: 11 random digits (no leading zero, so the JSON number keeps all 12) and their check digit. */
const myNumber = (base: number) => Number(`${base}${myNumberCheckDigit(String(base))}`);
const isMyNumber = (text: string) =>
  /^\d{12}$/.test(text) && myNumberCheckDigit(text.slice(0, 11)) === Number(text[11]);
const MASK = '************';
/** The transform under test: any leaf that is a valid My Number is masked (what the policy does for its field). */
const maskMyNumbers = (v: string) => (isMyNumber(v) ? MASK : v);

const embed = (type: string, json: unknown) =>
  `<script type="${type}">${JSON.stringify(json).replace(/</g, '\\u003c')}</script>`;
const page = (body: string) => `<!doctype html><html><body><p>社員</p>${body}<p>終</p></body></html>`;
/** An inline script that only assigns a JSON document, as server-rendered pages embed their state. */
const assign = (v: unknown) =>
  `<script>\n  window.__DATA__ = ${JSON.stringify({ v }).replace(/</g, '\\u003c')};\n</script>`;
const assigned = (html: string) => /<script>\n {2}window\.__DATA__ = (.*?);\n<\/script>/s.exec(html)?.[1] ?? '';
const scripts = (html: string) => [...html.matchAll(/<script type="[^"]*">(.*?)<\/script>/gs)].map((m) => m[1] ?? '');

describe('HTML codec: numbers in embedded JSON', () => {
  const mn = myNumber(31415926535);
  const data = { 個人番号: mn, ids: [mn, 7], score: -1.5e3, ok: true, name: '山田 太郎' };
  const input = page(embed('application/json', data) + embed('application/ld+json', { '@type': 'Person', id: mn }));

  it('lifts them into value leaves named like strings in their place', () => {
    const { seen } = runCodec(createHtmlCodec, {}, input);
    const numbers = seen.filter((s) => s.kind === 'value' && /^-?\d/.test(s.value));
    expect(numbers.map((s) => [s.path, s.field, s.value])).toEqual([
      ['$["個人番号"]', '$["個人番号"]', String(mn)],
      ['$.ids[0]', '$.ids[*]', String(mn)],
      ['$.ids[1]', '$.ids[*]', '7'],
      ['$.score', '$.score', '-1500'],
      ['$.id', '$.id', String(mn)],
    ]);
  });

  it('writes unchanged numbers back byte for byte, masked ones as strings, numeric results as numbers', () => {
    expect(runCodec(createHtmlCodec, {}, input).output).toBe(input);
    const masked = runCodec(createHtmlCodec, {}, input, [], maskMyNumbers).output;
    expect(masked).not.toContain(String(mn));
    expect(scripts(masked).map((s) => JSON.parse(s) as unknown)).toEqual([
      { ...data, 個人番号: MASK, ids: [MASK, 7] },
      { '@type': 'Person', id: MASK },
    ]);
    const numeric = runCodec(createHtmlCodec, {}, input, [], (v) => (isMyNumber(v) ? '987654321098' : v)).output;
    expect(scripts(numeric)[0]).toContain('"個人番号":987654321098,"ids":[987654321098,7]');
  });

  it('masks a script that only assigns JSON as JSON; other scripts stay code, and block mode drops it', () => {
    const state = `<script>window.__STATE__ = {"myNumber": ${mn}, "個人番号": "${mn}", "n": [1]};</script>`;
    const { output, seen } = runCodec(createHtmlCodec, {}, page(state), [], (v, loc) =>
      (loc.kind === 'value' && loc.path === '$.myNumber') || isMyNumber(v) ? MASK : v,
    );
    expect(seen.filter((s) => s.kind === 'value').map((s) => s.path)).toEqual([
      '$.myNumber',
      '$["個人番号"]',
      '$.n[0]',
    ]);
    expect(output).toContain(
      `<script>window.__STATE__ = {"myNumber": "${MASK}", "個人番号": "${MASK}", "n": [1]};</script>`,
    );
    expect(runCodec(createHtmlCodec, {}, page(state)).output).toBe(page(state));
    const code = `<script>window.__STATE__ = {"a": "${mn}"}; start();</script>`;
    expect(runCodec(createHtmlCodec, {}, page(code)).seen.map((s) => s.path)).not.toContain('$.a');
    expect(runCodec(createHtmlCodec, { inlineScripts: 'block' }, page(state)).output).toBe(page('<script></script>'));
  });

  it('no valid My Number written as a JSON number survives; other numbers stay numbers and the JSON stays valid', () => {
    const value = fc.letrec((tie) => ({
      v: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        fc.integer({ min: 1e10, max: 99_999_999_999 }).map(myNumber),
        fc.integer({ min: -1e12, max: 1e12 }),
        fc.double({ noNaN: true, noDefaultInfinity: true }),
        fc.string({ maxLength: 4 }),
        fc.constantFrom(true, false, null),
        fc.array(tie('v'), { maxLength: 5 }),
        fc.dictionary(fc.string({ maxLength: 4 }), tie('v'), { maxKeys: 4 }),
      ),
    })).v;
    const expected = (v: unknown): unknown =>
      typeof v === 'number'
        ? isMyNumber(JSON.stringify(v))
          ? MASK
          : v
        : Array.isArray(v)
          ? v.map(expected)
          : v !== null && typeof v === 'object'
            ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, expected(x)]))
            : v;
    fc.assert(
      // recordChars 16: the embedded documents are decoded as many JSON records (resume paths), then joined.
      fc.property(
        value,
        value,
        fc.array(fc.nat(), { maxLength: 4 }),
        fc.constantFrom({}, { recordChars: 16 }),
        (a, b, raw, options) => {
          const html = page(embed('application/json', a) + embed('application/ld+json', { items: [b] }) + assign(a));
          const { output } = runCodec(createHtmlCodec, options, html, cutPoints(raw, html.length), maskMyNumbers);
          const got = scripts(output).map((s) => JSON.parse(s) as unknown);
          // Equality with the expected documents: valid JSON, same shape, every other number still the same number.
          const sent = (v: unknown) => expected(JSON.parse(JSON.stringify(v))); // -0 is sent as 0
          expect(got).toEqual([sent(a), { items: [sent(b)] }]);
          expect(JSON.parse(assigned(output))).toEqual({ v: sent(a) });
          expect(output.replace(/<script.*?<\/script>/gs, '')).toBe(html.replace(/<script.*?<\/script>/gs, ''));
        },
      ),
    );
  });
});
