import { aessiv } from '@noble/ciphers/aes.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createKeyRing, pseudonymOperator, reveal, type KeyRing, type OperatorContext } from '@kamen/core';
import type { FieldType } from '../../../packages/core/src/types.js';

/**
 * Tokens issued by kamen before the pseudonym operator moved from @noble/ciphers' AES-SIV to node:crypto AES
 * (recorded with the noble implementation, synthetic values, test keys). Both directions must hold forever: the
 * operator still issues exactly these tokens (joins across old and new files) and reveal still opens them.
 */
const keys = createKeyRing(
  [
    { id: 'k1', key: new Uint8Array(32).fill(1) },
    { id: 'old', key: new Uint8Array(32).fill(2) },
  ],
  'k1',
);
const GOLDEN: readonly (readonly [string, FieldType, string | undefined, string])[] = [
  ['山田 太郎', 'PERSON_NAME', undefined, 'PSN:PERSON_NAME:k1:jpe96hns9UB5b4wCUJYW9JZSmNOss3~FqiBHHQg'],
  ['123456789018', 'MY_NUMBER', undefined, 'PSN:MY_NUMBER:k1:rNZbXZU0iZsnIh6T2M~SwcHikznjARzYwCfF2Q'],
  [
    'yamada.taro@example.co.jp',
    'EMAIL',
    'acme',
    'PSN:EMAIL:k1:wO4uhC0yuUdTl2gKA_T0MZGAu3qCtOoEOqF_lEZ1OBAZhVe60fDr5Is',
  ],
  ['', 'FREE_TEXT', undefined, 'PSN:FREE_TEXT:k1:mHKnLpyAga67Ld3w9huRNA'],
  ['0123456789abcdef', 'EMPLOYEE_ID', undefined, 'PSN:EMPLOYEE_ID:k1:uJn3g1MbPEbp_HAJehLYs28cKHVhL3~9kF9my7ldx9w'],
  [
    '東京都千代田区丸の内一丁目1番1号 テストビル101号室',
    'ADDRESS',
    't2',
    'PSN:ADDRESS:k1:bh19dsINgOrxLtCeDAJiEaMKicpnd2SBMBlKaqfe6daYyy02y5cEIjbVDrhXaOKc~PXOjEvcyV~1~iJYjVEiEnkTvDF4ITxpnVtPiqV8NxrWvcVFKgMCVQ',
  ],
];

describe('pseudonym tokens issued by earlier versions', () => {
  it.each(GOLDEN)('%s (%s, tenant %s) is issued byte for byte as before', (value, entity, tenant, token) => {
    const ctx: OperatorContext = { entity, keys, ...(tenant === undefined ? {} : { tenant }) };
    expect(pseudonymOperator.apply(value, {}, ctx)).toBe(token);
  });

  it.each(GOLDEN)('%s (%s, tenant %s) still reveals', (value, _entity, tenant, token) => {
    expect(reveal(token, keys, tenant === undefined ? {} : { tenant })).toBe(value);
  });

  it('a token of a rotated-out primary key still reveals while its id is on the ring', () => {
    expect(reveal('PSN:PERSON_NAME:old:jie0cpNa~Fiy~Uu0igb~7SNyZwJJutIr7i5Gxh8', keys)).toBe('佐藤 花子');
  });
});

/** The operator as it was written on @noble/ciphers (kept here only as the oracle). */
function nobleToken(value: string, entity: string, ring: KeyRing, tenant: string | undefined): string {
  const purpose = (p: string): string => (tenant === undefined ? p : `${p}\u0000tenant:${tenant}`);
  const key = new Uint8Array(64);
  key.set(ring.subkey(purpose('pseudonym:mac')), 0);
  key.set(ring.subkey(purpose('pseudonym:ctr')), 32);
  const ad = new TextEncoder().encode(`${entity}\u0000${tenant ?? ''}`);
  const ct = aessiv(key, ad).encrypt(new TextEncoder().encode(value));
  return `PSN:${entity}:${ring.primaryId}:${Buffer.from(ct).toString('base64url').replaceAll('-', '~')}`;
}

describe('pseudonym on node:crypto AES-SIV', () => {
  it('issues the same token as the noble implementation for random keys, values, types and tenants', () => {
    const entities: FieldType[] = ['PERSON_NAME', 'EMAIL', 'MY_NUMBER', 'ADDRESS', 'FREE_TEXT', 'PHONE'];
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 32, maxLength: 32 }),
        fc.array(fc.tuple(fc.string({ unit: 'binary', maxLength: 60 }), fc.constantFrom(...entities)), {
          minLength: 1,
          maxLength: 5,
        }),
        fc.option(fc.string({ maxLength: 8 }), { nil: undefined }),
        (master, values, tenant) => {
          const ring = createKeyRing([{ id: 'p1', key: master }]);
          for (const [value, entity] of values) {
            const ctx: OperatorContext = { entity, keys: ring, ...(tenant === undefined ? {} : { tenant }) };
            const token = pseudonymOperator.apply(value, {}, ctx);
            expect(token).toBe(nobleToken(value, entity, ring, tenant));
            expect(reveal(token, ring, tenant === undefined ? {} : { tenant })).toBe(
              Buffer.from(value, 'utf8').toString('utf8'),
            );
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
