import { describe, expect, it } from 'vitest';
import { createKeyRing, fpeOperator, revealFpe, type OperatorContext } from '@kamen/core';
import type { FieldType } from '../../../packages/core/src/types.js';

/**
 * FPE values recorded before the FF1 and digit-writing hot paths were reworked (synthetic values, test key): the
 * operator must keep issuing exactly these, and revealFpe must keep opening them, or earlier masked files stop
 * joining and revealing. The 24-digit bank account takes noble's general FF1 path, the rest the native fast path.
 */
const keys = createKeyRing([{ id: 'k1', key: new Uint8Array(32).fill(1) }]);
const GOLDEN: readonly (readonly [string, FieldType, string | undefined, string | undefined, string])[] = [
  ['1234-5678-9018', 'MY_NUMBER', '個人番号', undefined, '1776-6132-5906'],
  ['１２３４５６７８９０１８', 'MY_NUMBER', undefined, 'acme', '３０１４５２８７２７１４'],
  ['4111-1111-1111-1111', 'CREDIT_CARD', 'card', undefined, '4111-1144-8070-7626'],
  ['090-1234-5678', 'PHONE', 'tel', undefined, '090-9309-0555'],
  ['+81-3-1234-5678', 'PHONE', undefined, undefined, '+81-3-1566-5339'],
  ['0120-123-456', 'PHONE', 'tel', 't2', '0120-827-258'],
  ['E00123456', 'EMPLOYEE_ID', '社員番号', undefined, 'E27681582'],
  ['123456789012345678901234', 'BANK_ACCOUNT', undefined, undefined, '504733864539327281206158'],
];

describe('fpe values issued by earlier versions', () => {
  it.each(GOLDEN)(
    '%s (%s, field %s, tenant %s) is issued as before and reveals',
    (value, entity, field, tenant, out) => {
      const binding = {
        entity,
        ...(field === undefined ? {} : { field }),
        ...(tenant === undefined ? {} : { tenant }),
      };
      const ctx: OperatorContext = { ...binding, keys };
      expect(fpeOperator.apply(value, {}, ctx)).toBe(out);
      expect(revealFpe(out, binding, keys)).toBe(value);
    },
  );
});
