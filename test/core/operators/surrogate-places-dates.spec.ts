import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { surrogateOperator, type FieldType } from '@kamen/core';
import type { OperatorContext } from '../../../packages/core/src/operators/operator.js';
import { parseJapaneseAddress } from '../../../packages/core/src/address/parse.js';
import { parseJapaneseDate } from '../../../packages/core/src/dates/parse.js';
import { testKeyRing } from '../../helpers/test-keyring.js';

const keys = testKeyRing();
const config = surrogateOperator.validate({}, 'ADDRESS');
const run = (value: string, entity: FieldType, extra: Partial<OperatorContext> = {}, c = config): string =>
  surrogateOperator.apply(value, c, { entity, keys, ...extra });

const prefectureOfZip3 = new Map(
  readFileSync(new URL('../../../rules/data/surrogates/ja-zip3-pref.tsv', import.meta.url), 'utf8')
    .split('\n')
    .filter((l) => l !== '' && !l.startsWith('#'))
    .map((l) => l.split('\t') as [string, string]),
);

const dayOf = (d: { year: number; month: number; day: number }) => Date.UTC(d.year, d.month - 1, d.day) / 86_400_000;

describe('surrogate: address and postal code', () => {
  it.each([
    '東京都渋谷区神南1-2-3',
    '大阪府大阪市北区梅田１－２－３ ○○ビル5F',
    '北海道札幌市中央区北一条西2丁目3番4号',
  ])('%s stays in its prefecture', (value) => {
    const out = run(value, 'ADDRESS');
    expect(out).not.toBe(value);
    expect(parseJapaneseAddress(out)?.prefecture).toBe(parseJapaneseAddress(value)?.prefecture);
    expect(out).not.toContain('ビル');
  });

  it('keeps 丁目/番/号 style and digit width', () => {
    expect(run('北海道札幌市中央区北一条西2丁目3番4号', 'ADDRESS')).toMatch(/\d丁目\d+番\d+号$/u);
    expect(run('大阪府大阪市北区梅田１－２－３', 'ADDRESS')).toMatch(
      /[\uff10-\uff19]－[\uff10-\uff19]+－[\uff10-\uff19]+$/u,
    );
  });

  it('postal codes stay in the same prefecture and keep 〒 and width', () => {
    const out = run('〒150-0001', 'POSTAL_CODE');
    expect(out).toMatch(/^〒\d{3}-\d{4}$/);
    expect(prefectureOfZip3.get(out.slice(1, 4))).toBe('東京都');
    expect(out).not.toBe('〒150-0001');
    expect(run('１５００００１', 'POSTAL_CODE')).toMatch(/^[\uff10-\uff19]{7}$/u);
  });

  it('property: any Tokyo or Osaka postal code maps to one in the same prefecture', () => {
    fc.assert(
      fc.property(fc.constantFrom('100', '150', '160', '530', '556'), fc.stringMatching(/^\d{4}$/), (z3, rest) => {
        const out = run(`${z3}-${rest}`, 'POSTAL_CODE');
        expect(prefectureOfZip3.get(out.slice(0, 3))).toBe(prefectureOfZip3.get(z3));
        expect(out).not.toBe(`${z3}-${rest}`);
      }),
      { numRuns: 200 },
    );
  });

  it('the postal code follows the related address surrogate', () => {
    const address = '東京都渋谷区神南1-2-3';
    const a = run(address, 'ADDRESS');
    const p = run('150-0041', 'POSTAL_CODE', { related: { ADDRESS: address } });
    expect(a.startsWith('東京都')).toBe(true);
    expect(p).toMatch(/^\d{3}-\d{4}$/);
    expect(run('150-0041', 'POSTAL_CODE', { related: { ADDRESS: address } })).toBe(p);
  });
});

describe('surrogate: date of birth', () => {
  const forms: [string, RegExp][] = [
    ['1985年4月1日', /^\d{4}年\d{1,2}月\d{1,2}日$/u],
    ['1985/04/01', /^\d{4}\/\d{2}\/\d{2}$/],
    ['1985-04-01', /^\d{4}-\d{2}-\d{2}$/],
    ['1980-11-19', /^\d{4}-\d{2}-\d{2}$/],
    ['1961/12/19', /^\d{4}\/\d{2}\/\d{2}$/],
    ['1961/5/9', /^\d{4}\/\d{1,2}\/\d{1,2}$/],
    ['1980年11月19日', /^\d{4}年\d{1,2}月\d{1,2}日$/u],
    ['19850401', /^\d{8}$/],
    ['昭和60年4月1日', /^昭和\d{2}年\d{1,2}月\d{1,2}日$/u],
    ['昭和６０年４月１日', /^昭和[\uff10-\uff19]{2}年[\uff10-\uff19]{1,2}月[\uff10-\uff19]{1,2}日$/u],
    ['S60.4.1', /^S\d{2}\.\d{1,2}\.\d{1,2}$/],
    ['平成元年1月8日', /^(平成|昭和)(元|\d{1,2})年\d{1,2}月\d{1,2}日$/u],
  ];
  it.each(forms)('%s keeps its written form and 5-year band', (value, shape) => {
    const out = run(value, 'DATE_OF_BIRTH');
    expect(out).toMatch(shape);
    expect(out).not.toBe(value);
    const before = parseJapaneseDate(value);
    const after = parseJapaneseDate(out);
    expect(after).not.toBeNull();
    expect(Math.floor((after?.year ?? 0) / 5)).toBe(Math.floor((before?.year ?? 0) / 5));
    expect(Math.abs(dayOf(after!) - dayOf(before!))).toBeLessThanOrEqual(180);
  });

  it('an era date that moves across an era boundary is written in the new era', () => {
    const outs = ['昭和64年1月5日', '平成元年1月10日'].map((v) => run(v, 'DATE_OF_BIRTH'));
    for (const out of outs) {
      const d = parseJapaneseDate(out);
      expect(d).not.toBeNull();
      const day = dayOf(d!);
      expect(out.startsWith(day >= dayOf({ year: 1989, month: 1, day: 8 }) ? '平成' : '昭和')).toBe(true);
    }
  });

  it('property: shifted within the window and band, deterministic, never the same date', () => {
    const small = surrogateOperator.validate({ windowDays: 30 }, 'DATE_OF_BIRTH');
    fc.assert(
      fc.property(fc.date({ min: new Date('1940-01-01'), max: new Date('2010-12-31'), noInvalidDate: true }), (d) => {
        const value = `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}-${String(d.getUTCDate()).padStart(2, '0')}`;
        const out = run(value, 'DATE_OF_BIRTH', {}, small);
        expect(out).toMatch(/^\d{4}-\d{2}-\d{2}$/); // zero padding kept (1980-11-19 is padded though no 0 shows)
        expect(run(value, 'DATE_OF_BIRTH', {}, small)).toBe(out);
        expect(out).not.toBe(value);
        const delta = Math.abs(Date.parse(out) - Date.parse(value)) / 86_400_000;
        expect(delta).toBeGreaterThan(0);
        expect(delta).toBeLessThanOrEqual(30);
        expect(Math.floor(Number(out.slice(0, 4)) / 5)).toBe(Math.floor(d.getUTCFullYear() / 5));
      }),
      { numRuns: 300 },
    );
  });

  it('an unreadable date keeps its form but no digit', () => {
    expect(run('99/99/9999', 'DATE_OF_BIRTH')).toBe('**/**/****');
  });
});
