import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generalizeOperator, type FieldType } from '@kamen/core';

const run = (value: string, entity: FieldType, params: object = {}): string =>
  generalizeOperator.apply(value, generalizeOperator.validate(params, entity), { entity });

describe('generalize', () => {
  it('birth dates become a year or a 5-year band', () => {
    expect(run('昭和60年4月1日', 'DATE_OF_BIRTH', { level: 'year' })).toBe('1985年');
    expect(run('1985-04-01', 'DATE_OF_BIRTH', { level: 'year' })).toBe('1985');
    expect(run('1987/04/01', 'DATE_OF_BIRTH')).toBe('1985-1989');
    expect(run('1987/04/01', 'DATE_OF_BIRTH', { width: 10 })).toBe('1980-1989');
  });

  it('ages become age bands', () => {
    expect(run('37', 'DATE_OF_BIRTH')).toBe('35-39');
    expect(run('満３７歳', 'DATE_OF_BIRTH')).toBe('35-39歳');
  });

  it('addresses become the prefecture or prefecture + municipality', () => {
    expect(run('東京都渋谷区神南1-2-3', 'ADDRESS')).toBe('東京都');
    expect(run('東京都渋谷区神南1-2-3', 'ADDRESS', { level: 'municipality' })).toBe('東京都渋谷区');
  });

  it('postal codes keep their first three digits', () => {
    expect(run('〒150-0041', 'POSTAL_CODE')).toBe('150-****');
    expect(run('１５０００４１', 'POSTAL_CODE', { level: 'prefix' })).toBe('150');
  });

  it('salaries become bands of the configured width', () => {
    expect(run('345,000円', 'SALARY')).toBe('300,000–399,999');
    expect(run('¥345000', 'SALARY', { width: 50000 })).toBe('300,000–349,999');
  });

  it('unreadable values are suppressed, never passed through', () => {
    expect(run('不明', 'DATE_OF_BIRTH')).toBe('*');
    expect(run('abc', 'SALARY')).toBe('*');
    expect(run('東京都', 'ADDRESS')).toBe('*');
  });

  it('rejects params that do not fit the entity', () => {
    expect(() => generalizeOperator.validate({ level: 'prefecture' }, 'DATE_OF_BIRTH')).toThrow(/level/);
    expect(() => generalizeOperator.validate({ width: 0 }, 'SALARY')).toThrow(/width/);
    expect(() => generalizeOperator.validate({}, 'MY_NUMBER')).toThrow(/MY_NUMBER/);
  });

  it('property: salary bands contain the salary and never return it', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99_999_999 }), fc.integer({ min: 1000, max: 1_000_000 }), (n, width) => {
        const out = run(n.toLocaleString('en-US'), 'SALARY', { width });
        const [lo, hi] = out.split('–').map((s) => Number(s.replace(/,/g, ''))) as [number, number];
        expect(lo).toBeLessThanOrEqual(n);
        expect(hi).toBeGreaterThanOrEqual(n);
        expect(hi - lo + 1).toBe(width);
        expect(out).not.toBe(n.toLocaleString('en-US'));
      }),
    );
  });

  it('property: the year band contains the birth year', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1930, max: 2020 }), fc.integer({ min: 1, max: 12 }), (y, m) => {
        const [lo, hi] = run(`${y}年${m}月1日`, 'DATE_OF_BIRTH').split('-').map(Number) as [number, number];
        expect(lo % 5).toBe(0);
        expect(y >= lo && y <= hi).toBe(true);
      }),
    );
  });
});
