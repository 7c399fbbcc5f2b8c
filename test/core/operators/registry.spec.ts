import { describe, expect, it } from 'vitest';
import { getOperator, KamenError, OPERATORS, requireOperator } from '@kamen/core';

describe('operator registry', () => {
  it('has the keyed and character operators under their policy names', () => {
    for (const name of ['keep', 'redact', 'mask', 'hash', 'pseudonym', 'fpe']) {
      expect(getOperator(name)?.name).toBe(name);
      expect(requireOperator(name)).toBe(OPERATORS[name]);
    }
    expect(getOperator('pseudonym')?.reversible).toBe(true);
    expect(getOperator('fpe')?.reversible).toBe(true);
    for (const name of ['keep', 'redact', 'mask', 'hash']) expect(getOperator(name)?.reversible).toBe(false);
  });

  it('unknown names: undefined, or KAMEN_ERR_OPERATOR_UNKNOWN', () => {
    expect(getOperator('toString')).toBeUndefined();
    expect(getOperator('__proto__')).toBeUndefined();
    try {
      requireOperator('encrypt');
      expect.unreachable();
    } catch (err) {
      expect((err as KamenError).code).toBe('KAMEN_ERR_OPERATOR_UNKNOWN');
    }
  });
});
