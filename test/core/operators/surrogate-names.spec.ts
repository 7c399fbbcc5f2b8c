import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { getNameDictionary, surrogateOperator, type FieldType } from '@kamen/core';
import type { OperatorContext } from '../../../packages/core/src/operators/operator.js';
import { testKeyRing } from '../../helpers/test-keyring.js';

const keys = testKeyRing();
const other = testKeyRing('another-test-secret');
const utf8 = surrogateOperator.validate({}, 'PERSON_NAME');
const cp932 = surrogateOperator.validate({ charset: 'cp932' }, 'PERSON_NAME');

const run = (value: string, entity: FieldType, extra: Partial<OperatorContext> = {}, config = utf8): string =>
  surrogateOperator.apply(value, config, { entity, keys, ...extra });

const dict = getNameDictionary();
const surnames = dict.surnames.filter((e) => /^[\u4e00-\u9fff]{2}$/u.test(e.kanji)).slice(0, 300);
const givens = dict.givenNames.filter((e) => /^[\u4e00-\u9fff]{2}$/u.test(e.kanji)).slice(0, 300);
const person = fc.tuple(fc.constantFrom(...surnames), fc.constantFrom(...givens));

describe('surrogate: Japanese names', () => {
  it('keeps the shape: separator, surname only, glued', () => {
    expect(run('山田 太郎', 'PERSON_NAME')).toMatch(/^[\u4e00-\u9fff々]{1,3} [\u4e00-\u9fff々]{1,3}$/u);
    expect(run('山田　太郎', 'PERSON_NAME')).toMatch(/^[\u4e00-\u9fff々]{1,3}\u3000[\u4e00-\u9fff々]{1,3}$/u);
    expect(run('山田', 'PERSON_NAME')).toMatch(/^[\u4e00-\u9fff々]{1,3}$/u);
    expect(run('山田太郎', 'PERSON_NAME')).toMatch(/^[\u4e00-\u9fff々]{2,6}$/u);
  });

  it('the same person with and without a space gets the same surrogate', () => {
    expect(run('山田太郎', 'PERSON_NAME')).toBe(run('山田 太郎', 'PERSON_NAME').replace(' ', ''));
  });

  it('フリガナ is the reading of the surrogate 氏名, in the source script and spacing', () => {
    const kanji = run('山田 太郎', 'PERSON_NAME');
    const [s, g] = kanji.split(' ') as [string, string];
    const sEntry = dict.surnames.find((e) => e.kanji === s);
    const gEntry = dict.givenNames.find((e) => e.kanji === g);
    const reading = `${sEntry?.kana} ${gEntry?.kana}`;
    const related = { related: { PERSON_NAME: '山田 太郎' } };
    expect(run('ヤマダ タロウ', 'NAME_KANA', related)).toBe(reading);
    expect(run('ヤマダタロウ', 'NAME_KANA', related)).toBe(reading.replace(' ', ''));
    expect(run('やまだ　たろう', 'NAME_KANA', related)).toMatch(/^[\u3041-\u3096ー]+\u3000[\u3041-\u3096ー]+$/u);
    expect(run('ﾔﾏﾀﾞ ﾀﾛｳ', 'NAME_KANA', related)).toMatch(/^[\uff66-\uff9f]+ [\uff66-\uff9f]+$/u);
  });

  it('romaji follows the surrogate person and keeps order and case', () => {
    const related = { related: { PERSON_NAME: '山田太郎' } };
    const a = run('YAMADA Taro', 'NAME_KANA', related);
    const b = run('Taro Yamada', 'NAME_KANA', related);
    expect(a).toMatch(/^[A-Z]+ [A-Z][a-z]+$/);
    const [family, given] = a.split(' ') as [string, string];
    expect(b).toBe(`${given} ${family.charAt(0)}${family.slice(1).toLowerCase()}`);
  });

  it('English names get English surrogates, order and punctuation kept', () => {
    const out = run('SMITH, John', 'PERSON_NAME');
    expect(out).toMatch(/^[A-Z]+, [A-Z][a-z]+$/);
    expect(out).not.toContain('SMITH');
    expect(run('Mary J. Watson', 'PERSON_NAME')).toMatch(/^[A-Z][a-z]+ [A-Z]\. [A-Z][a-z]+$/);
  });

  it('property: deterministic, key-dependent, never the original name parts', () => {
    fc.assert(
      fc.property(person, ([s, g]) => {
        const value = `${s.kanji} ${g.kanji}`;
        const out = run(value, 'PERSON_NAME');
        expect(run(value, 'PERSON_NAME')).toBe(out);
        const [os, og] = out.split(' ');
        expect(os).not.toBe(s.kanji);
        expect(og).not.toBe(g.kanji);
        return out !== surrogateOperator.apply(value, utf8, { entity: 'PERSON_NAME', keys: other });
      }),
      { numRuns: 200 },
    );
  });

  it('property: kanji and kana of one person stay consistent across two records', () => {
    fc.assert(
      fc.property(person, ([s, g]) => {
        const name = `${s.kanji} ${g.kanji}`;
        const kana = `${s.kana} ${g.kana}`;
        const first = run(kana, 'NAME_KANA', { related: { PERSON_NAME: name } });
        const second = run(kana, 'NAME_KANA', { related: { PERSON_NAME: name.replace(' ', '') } });
        expect(second).toBe(first);
      }),
      { numRuns: 100 },
    );
  });

  it("property: charset 'cp932' surrogates encode to Shift_JIS and back unchanged", () => {
    fc.assert(
      fc.property(person, ([s, g]) => {
        const out = run(`${s.kanji}${g.kanji}`, 'PERSON_NAME', {}, cp932);
        expect(iconv.decode(iconv.encode(out, 'cp932'), 'cp932')).toBe(out);
        const kana = run(
          `${s.kana} ${g.kana}`,
          'NAME_KANA',
          { related: { PERSON_NAME: `${s.kanji}${g.kanji}` } },
          cp932,
        );
        expect(iconv.decode(iconv.encode(kana, 'cp932'), 'cp932')).toBe(kana);
      }),
      { numRuns: 200 },
    );
  });

  it('refuses unknown params and unsupported entities at validate time', () => {
    expect(() => surrogateOperator.validate({ charset: 'latin1' }, 'PERSON_NAME')).toThrow(
      /KAMEN_ERR_OPERATOR_PARAMS|charset/,
    );
    expect(() => surrogateOperator.validate({}, 'MY_NUMBER')).toThrow(/MY_NUMBER/);
    expect(() => surrogateOperator.validate({ typo: 1 }, 'PHONE')).toThrow(/typo/);
  });

  it('needs a key ring', () => {
    expect(() => surrogateOperator.apply('山田', utf8, { entity: 'PERSON_NAME' })).toThrow(/key ring/);
  });
});
