import fc from 'fast-check';
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { describe, expect, it } from 'vitest';
import { surrogateOperator, type FieldType } from '@kamen/core';
import type { OperatorContext } from '../../../packages/core/src/operators/operator.js';
import { testKeyRing } from '../../helpers/test-keyring.js';

const keys = testKeyRing();
const config = surrogateOperator.validate({}, 'PHONE');
const run = (value: string, entity: FieldType, extra: Partial<OperatorContext> = {}): string =>
  surrogateOperator.apply(value, config, { entity, keys, ...extra });
const national = (s: string): string => {
  const d = s.normalize('NFKC').replace(/\D/g, '');
  return d.startsWith('81') ? `0${d.slice(2).replace(/^0/, '')}` : d;
};

describe('surrogate: phone', () => {
  it.each([
    ['090-1234-5678', /^090-\d{4}-\d{4}$/],
    ['03-1234-5678', /^03-\d{4}-\d{4}$/],
    ['0312345678', /^03\d{8}$/],
    ['011-222-3333', /^011-\d{3}-\d{4}$/],
    ['01267-2-3456', /^01267-\d-\d{4}$/],
    ['0120-123-456', /^0120-\d{3}-\d{3}$/],
    ['+81-90-1234-5678', /^\+81-90-\d{4}-\d{4}$/],
    ['+81(0)3-1234-5678', /^\+81\(0\)3-\d{4}-\d{4}$/],
    ['０９０－１２３４－５６７８', /^０９０－[\uff10-\uff19]{4}－[\uff10-\uff19]{4}$/u],
  ])('%s keeps its kind and written form', (value, shape) => {
    const out = run(value, 'PHONE');
    expect(out).toMatch(shape);
    expect(out).not.toBe(value);
    expect(parsePhoneNumberFromString(national(out), 'JP')?.isValid()).toBe(true);
  });

  it('property: mobile numbers stay valid mobiles of the same prefix, deterministic', () => {
    fc.assert(
      fc.property(fc.constantFrom('070', '080', '090'), fc.stringMatching(/^[1-9]\d{7}$/), (p, rest) => {
        const value = `${p}-${rest.slice(0, 4)}-${rest.slice(4)}`;
        const out = run(value, 'PHONE');
        expect(out).toBe(run(value, 'PHONE'));
        expect(out.slice(0, 4)).toBe(`${p}-`);
        expect(out).not.toBe(value);
        expect(parsePhoneNumberFromString(out.replace(/-/g, ''), 'JP')?.getType()).toBe('MOBILE');
      }),
      { numRuns: 200 },
    );
  });
});

describe('surrogate: email', () => {
  it('uses a reserved example domain of the same flavour', () => {
    expect(run('taro.yamada@corp.co.jp', 'EMAIL')).toMatch(/^[a-z]+\.[a-z]+\d{2}@example\.jp$/);
    expect(run('someone@gmail.com', 'EMAIL')).toMatch(/@example\.com$/);
    expect(run('a@b.net', 'EMAIL')).toMatch(/@example\.net$/);
  });

  it('derives the local part from the surrogate of the related name', () => {
    const related = { related: { PERSON_NAME: '山田 太郎' } };
    const name = run('ヤマダ タロウ', 'NAME_KANA', related);
    const latin = run('Taro Yamada', 'NAME_KANA', related).toLowerCase().split(' ');
    expect(run('t.yamada@corp.jp', 'EMAIL', related).startsWith(`${latin[0]}.${latin[1]}`)).toBe(true);
    expect(name).not.toBe('');
  });

  it('property: distinct addresses stay deterministic and never pass through', () => {
    fc.assert(
      fc.property(fc.emailAddress(), (email) => {
        const out = run(email, 'EMAIL');
        expect(out).toBe(run(email, 'EMAIL'));
        expect(out).not.toBe(email);
        expect(out).toMatch(/@example\.(com|jp|net)$/);
      }),
      { numRuns: 200 },
    );
  });
});
