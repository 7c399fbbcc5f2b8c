import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KamenError, keepOperator, maskOperator, redactOperator, type OperatorContext } from '@kamen/core';
import type { FieldType } from '../../../packages/core/src/types.js';
import { myNumberArb } from '../../helpers/generators.js';

const mask = (entity: FieldType, value: string, params: unknown = {}): string =>
  maskOperator.apply(value, maskOperator.validate(params, entity), { entity } as OperatorContext);

describe('mask: entity defaults', () => {
  it.each([
    ['PHONE', '090-1234-5678', '090-****-5678'],
    ['PHONE', '09012345678', '090****5678'],
    ['PHONE', '０９０－１２３４－５６７８', '０９０－＊＊＊＊－５６７８'],
    ['EMAIL', 'yamada@example.com', 'y*****@example.com'],
    ['EMAIL', 'a@example.com', '*@*******.***'],
    ['PERSON_NAME', '山田 太郎', '山田 ＊＊'],
    ['PERSON_NAME', '山田\u3000太郎', '山田\u3000＊＊'],
    ['PERSON_NAME', '山田太郎', '山＊＊＊'],
    ['PERSON_NAME', 'Taro Yamada', 'Taro ******'],
    ['CREDIT_CARD', '4111-1111-1111-1111', '****-****-****-1111'],
    ['CREDIT_CARD', '４１１１－１１１１－１１１１－１１１１', '＊＊＊＊－＊＊＊＊－＊＊＊＊－１１１１'],
    ['CREDIT_CARD', '378282246310005', '***********0005'],
    ['MY_NUMBER', '1234-5678-9018', '****-****-****'],
    ['MY_NUMBER', '１２３４５６７８９０１８', '＊＊＊＊＊＊＊＊＊＊＊＊'],
    ['POSTAL_CODE', '150-0001', '***-****'],
  ] as const)('%s %s -> %s', (entity, value, expected) => {
    expect(mask(entity, value)).toBe(expected);
  });

  it('My Number never shows a digit, whatever its written form', () => {
    fc.assert(
      fc.property(myNumberArb, (v) => {
        expect(mask('MY_NUMBER', v).normalize('NFKC')).not.toMatch(/\d/u);
      }),
      { numRuns: 100 },
    );
  });
});

describe('mask: parameters', () => {
  it('keepFirst/keepLast count non-separator characters; maskChar and keepSeparators apply', () => {
    expect(mask('EMPLOYEE_ID', 'EMP-001234', { keepFirst: 3 })).toBe('EMP-******');
    expect(mask('BANK_ACCOUNT', '123-4567', { keepLast: 2, maskChar: '#' })).toBe('###-##67');
    expect(mask('BANK_ACCOUNT', '123-4567', { keepSeparators: false })).toBe('********');
  });

  it('never shows a run of 4+ digits even when asked to keep more', () => {
    expect(mask('BANK_ACCOUNT', '1234567', { keepFirst: 6 })).toBe('123****');
    expect(mask('CORPORATE_NUMBER', '8700110005901', { keepFirst: 2, keepLast: 5 })).toBe('87********901');
    expect(mask('BANK_ACCOUNT', '123-4567', { keepLast: 5 })).toBe('***-*567');
  });

  it('refuses bad parameters with KAMEN_ERR_OPERATOR_PARAMS and never lets My Number show digits', () => {
    for (const [params, entity] of [
      [{ maskChar: '**' }, 'EMAIL'],
      [{ maskChar: '7' }, 'EMAIL'],
      [{ keepFirst: -1 }, 'EMAIL'],
      [{ keepLast: 1.5 }, 'EMAIL'],
      [{ keepSeparators: 'yes' }, 'EMAIL'],
      [{ unknown: 1 }, 'EMAIL'],
      [{ keepLast: 4 }, 'MY_NUMBER'],
      ['x', 'EMAIL'],
    ] as const) {
      try {
        maskOperator.validate(params, entity);
        expect.unreachable();
      } catch (err) {
        expect((err as KamenError).code).toBe('KAMEN_ERR_OPERATOR_PARAMS');
      }
    }
  });

  it('never returns a value unchanged unless it is only separators or mask characters, for every entity', () => {
    const entities = ['PHONE', 'EMAIL', 'PERSON_NAME', 'NAME_KANA', 'CREDIT_CARD', 'MY_NUMBER', 'ADDRESS'] as const;
    fc.assert(
      fc.property(fc.constantFrom(...entities), fc.string({ minLength: 1, maxLength: 30 }), (entity, v) => {
        fc.pre(/[^\s\-./@_()（）：:‐‑‒–—―−－ー*＊]/u.test(v));
        expect(mask(entity, v)).not.toBe(v);
      }),
      { numRuns: 300 },
    );
  });

  it('output has one character per input character (code points)', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, unit: 'grapheme' }), (v) => {
        expect([...mask('FREE_TEXT', v)]).toHaveLength([...v].length);
      }),
      { numRuns: 100 },
    );
  });
});

describe('keep and redact', () => {
  const ctx = { entity: 'MY_NUMBER' } as OperatorContext;
  it('keep passes the value through and takes no params', () => {
    expect(keepOperator.apply('x', keepOperator.validate({}, 'EMAIL'), ctx)).toBe('x');
    expect(() => keepOperator.validate({ a: 1 }, 'EMAIL')).toThrow(KamenError);
  });
  it('redact drops the value, writes [TYPE], or a custom placeholder', () => {
    expect(redactOperator.apply('123456789018', redactOperator.validate({}, 'MY_NUMBER'), ctx)).toBe('');
    expect(redactOperator.apply('123456789018', redactOperator.validate({ placeholder: true }, 'MY_NUMBER'), ctx)).toBe(
      '[MY_NUMBER]',
    );
    expect(redactOperator.apply('1', redactOperator.validate({ placeholder: '■' }, 'MY_NUMBER'), ctx)).toBe('■');
    expect(() => redactOperator.validate({ placeholder: 3 }, 'MY_NUMBER')).toThrow(KamenError);
  });
});
