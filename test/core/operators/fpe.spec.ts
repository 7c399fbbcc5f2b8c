import { FF1 } from '@noble/ciphers/ff1.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createKeyRing, fpeOperator, KamenError, revealFpe, type OperatorContext } from '@kamen/core';
import type { FieldType } from '../../../packages/core/src/types.js';
import { myNumberArb } from '../../helpers/generators.js';

const hex = (h: string): Uint8Array => new Uint8Array(Buffer.from(h, 'hex'));
const A36 = '0123456789abcdefghijklmnopqrstuvwxyz';
const toDigits = (s: string): number[] => [...s].map((c) => A36.indexOf(c));
const fromDigits = (a: number[]): string => a.map((d) => A36[d]).join('');

const K128 = '2B7E151628AED2A6ABF7158809CF4F3C';
const K192 = `${K128}EF4359D8D580AA4F`;
const K256 = `${K192}7F036D6F04FC6A94`;
const T10 = '39383736353433323130';
const T36 = '3737373770717273373737';
const P36 = '0123456789abcdefghi';

/** NIST SP 800-38G FF1 samples 1-9 (FF1samples.pdf). */
const NIST: readonly [number, string, number, string, string, string][] = [
  [1, K128, 10, '', '0123456789', '2433477484'],
  [2, K128, 10, T10, '0123456789', '6124200773'],
  [3, K128, 36, T36, P36, 'a9tv40mll9kdu509eum'],
  [4, K192, 10, '', '0123456789', '2830668132'],
  [5, K192, 10, T10, '0123456789', '2496655549'],
  [6, K192, 36, T36, P36, 'xbj3kv35jrawxv32ysr'],
  [7, K256, 10, '', '0123456789', '6657667009'],
  [8, K256, 10, T10, '0123456789', '1001623463'],
  [9, K256, 36, T36, P36, 'xs8a0azh2avyalyzuwd'],
];

describe('FF1 (@noble/ciphers) against NIST SP 800-38G samples', () => {
  it.each(NIST)('sample %i', (_n, key, radix, tweak, pt, ct) => {
    const ff1 = FF1(radix, hex(key), hex(tweak));
    expect(fromDigits(ff1.encrypt(toDigits(pt)))).toBe(ct);
    expect(fromDigits(ff1.decrypt(toDigits(ct)))).toBe(pt);
  });
});

const keys = createKeyRing([{ id: 'k1', key: new Uint8Array(32).fill(4) }]);
const ctx = (entity: FieldType, extra: Partial<OperatorContext> = {}): OperatorContext => ({ entity, keys, ...extra });
const fpe = (entity: FieldType, v: string, extra: Partial<OperatorContext> = {}): string =>
  fpeOperator.apply(v, fpeOperator.validate({}, entity), ctx(entity, extra));
const codeOf = (fn: () => unknown): string => {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(KamenError);
    return (err as KamenError).code;
  }
  return 'no error';
};

describe('fpe operator', () => {
  it('KM-04: refuses non-numeric entities at validate and domains under 10^6 at apply', () => {
    for (const e of ['PERSON_NAME', 'EMAIL', 'DATE_OF_BIRTH', 'ADDRESS', 'SALARY'] as const)
      expect(codeOf(() => fpeOperator.validate({}, e))).toBe('KAMEN_ERR_FPE_DOMAIN');
    expect(codeOf(() => fpe('EMPLOYEE_ID', 'E12345'))).toBe('KAMEN_ERR_FPE_DOMAIN');
    expect(codeOf(() => fpe('BANK_ACCOUNT', '12345'))).toBe('KAMEN_ERR_FPE_DOMAIN');
    expect(fpe('BANK_ACCOUNT', '1234567')).toMatch(/^\d{7}$/u);
  });

  it('refuses values that are not of their kind (bad check digit, invalid phone)', () => {
    expect(codeOf(() => fpe('MY_NUMBER', '123456789012'))).toBe('KAMEN_ERR_FPE_DOMAIN');
    expect(codeOf(() => fpe('CREDIT_CARD', '4111111111111112'))).toBe('KAMEN_ERR_FPE_DOMAIN');
    expect(codeOf(() => fpe('PHONE', '090-0000-000'))).toBe('KAMEN_ERR_FPE_DOMAIN');
    expect(codeOf(() => fpe('MY_NUMBER', '123456789018', { keys: undefined }))).toBe('KAMEN_ERR_KEY_REQUIRED');
  });

  it('KM-05: the tweak binds entity, field and tenant', () => {
    const v = '1234-5678-9018';
    const base = fpe('MY_NUMBER', v, { field: 'a' });
    expect(fpe('MY_NUMBER', v, { field: 'b' })).not.toBe(base);
    expect(fpe('MY_NUMBER', v, { field: 'a', tenant: 't' })).not.toBe(base);
    expect(fpe('EMPLOYEE_ID', v, { field: 'a' })).not.toBe(base);
    expect(revealFpe(base, { entity: 'MY_NUMBER', field: 'a' }, keys)).toBe(v);
    // The wrong field decrypts to a different number (FF1 has no integrity) or fails the check digit.
    try {
      expect(revealFpe(base, { entity: 'MY_NUMBER', field: 'b' }, keys)).not.toBe(v);
    } catch (err) {
      expect((err as KamenError).code).toBe('KAMEN_ERR_REVEAL_TAMPERED');
    }
  });

  it('keeps full-width digits and separators', () => {
    const out = fpe('MY_NUMBER', '１２３４－５６７８－９０１８');
    expect(out).toMatch(/^[\uFF10-\uFF19]{4}－[\uFF10-\uFF19]{4}－[\uFF10-\uFF19]{4}$/u);
    expect(revealFpe(out, { entity: 'MY_NUMBER' }, keys)).toBe('１２３４－５６７８－９０１８');
  });

  it('reveal rejects a value whose check digit was altered (partial tamper detection)', () => {
    fc.assert(
      fc.property(myNumberArb, fc.integer({ min: 1, max: 9 }), (v, k) => {
        const out = fpe('MY_NUMBER', v).normalize('NFKC').replace(/\D/gu, '');
        const bad = out.slice(0, 11) + String((Number(out[11]) + k) % 10);
        expect(codeOf(() => revealFpe(bad, { entity: 'MY_NUMBER' }, keys))).toBe('KAMEN_ERR_REVEAL_TAMPERED');
      }),
      { numRuns: 50 },
    );
    expect(codeOf(() => revealFpe('4111111111111112', { entity: 'CREDIT_CARD' }, keys))).toBe(
      'KAMEN_ERR_REVEAL_TAMPERED',
    );
  });

  it('rotation: values made under k1 reveal with kid k1 after k2 becomes primary', () => {
    const out = fpe('MY_NUMBER', '123456789018');
    const rotated = createKeyRing(
      [
        { id: 'k1', key: new Uint8Array(32).fill(4) },
        { id: 'k2', key: new Uint8Array(32).fill(5) },
      ],
      'k2',
    );
    expect(revealFpe(out, { entity: 'MY_NUMBER', kid: 'k1' }, rotated)).toBe('123456789018');
    expect(codeOf(() => revealFpe(out, { entity: 'MY_NUMBER', kid: 'k0' }, rotated))).toBe('KAMEN_ERR_KEY_UNKNOWN');
  });

  it('phones keep their prefix class and stay valid', () => {
    expect(fpe('PHONE', '090-1234-5678')).toMatch(/^090-[1-9]\d{3}-\d{4}$/u);
    expect(fpe('PHONE', '0120-123-456')).toMatch(/^0120-\d{3}-\d{3}$/u);
    expect(fpe('PHONE', '+81-90-1234-5678')).toMatch(/^\+81-90-\d{4}-\d{4}$/u);
  });
});
