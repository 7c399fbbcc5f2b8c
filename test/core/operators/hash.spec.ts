import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hashOperator, KamenError, type OperatorContext } from '@kamen/core';
import { testKeyRing } from '../../helpers/test-keyring.js';

const keys = testKeyRing('hash-secret');
const ctx: OperatorContext = { entity: 'EMAIL', keys };
const codeOf = (fn: () => unknown): string => {
  try {
    fn();
  } catch (err) {
    return (err as KamenError).code;
  }
  return 'no error';
};

describe('hash', () => {
  it('is HMAC-SHA-256 under the hash subkey over the NFKC form', () => {
    const p = hashOperator.validate({}, 'EMAIL');
    const expected = createHmac('sha256', keys.subkey('hash')).update('abc@example.com').digest('hex');
    expect(hashOperator.apply('abc@example.com', p, ctx)).toBe(expected);
    expect(hashOperator.apply('ａｂｃ＠ｅｘａｍｐｌｅ．ｃｏｍ', p, ctx)).toBe(expected);
  });

  it('base64url and truncation', () => {
    const out = hashOperator.apply('x', hashOperator.validate({ encoding: 'base64url', truncate: 20 }, 'EMAIL'), ctx);
    expect(out).toMatch(/^[\w-]{20}$/u);
  });

  it('tenants get different hashes of the same value', () => {
    const p = hashOperator.validate({}, 'EMAIL');
    expect(hashOperator.apply('x', p, { ...ctx, tenant: 'a' })).not.toBe(
      hashOperator.apply('x', p, { ...ctx, tenant: 'b' }),
    );
  });

  it('KM-01: unkeyed configurations are refused at validate; applying without keys is KAMEN_ERR_KEY_REQUIRED', () => {
    expect(codeOf(() => hashOperator.validate({ keyed: false }, 'MY_NUMBER'))).toBe('KAMEN_ERR_KEY_REQUIRED');
    expect(codeOf(() => hashOperator.validate({ keyed: false }, 'FREE_TEXT'))).toBe('KAMEN_ERR_KEY_REQUIRED');
    expect(codeOf(() => hashOperator.validate({ algorithm: 'sha256' }, 'EMAIL'))).toBe('KAMEN_ERR_OPERATOR_PARAMS');
    expect(codeOf(() => hashOperator.validate({ truncate: 8 }, 'EMAIL'))).toBe('KAMEN_ERR_OPERATOR_PARAMS');
    expect(codeOf(() => hashOperator.validate({ encoding: 'hex2' }, 'EMAIL'))).toBe('KAMEN_ERR_OPERATOR_PARAMS');
    const p = hashOperator.validate({}, 'MY_NUMBER');
    expect(codeOf(() => hashOperator.apply('123456789018', p, { entity: 'MY_NUMBER' }))).toBe('KAMEN_ERR_KEY_REQUIRED');
  });

  it('property: distinct NFKC values hash differently; output is 64 hex chars', () => {
    const p = hashOperator.validate({}, 'EMAIL');
    fc.assert(
      fc.property(fc.string(), fc.string(), (a, b) => {
        fc.pre(a.normalize('NFKC') !== b.normalize('NFKC'));
        const ha = hashOperator.apply(a, p, ctx);
        expect(ha).toMatch(/^[0-9a-f]{64}$/u);
        expect(ha).not.toBe(hashOperator.apply(b, p, ctx));
      }),
      { numRuns: 100 },
    );
  });

  it('property: the same tokens as createHmac over the NFKC form (tokens are persisted: same key, same token)', () => {
    const sub = (tenant?: string) => keys.subkey(tenant === undefined ? 'hash' : `hash\u0000tenant:${tenant}`);
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: 'grapheme' }),
          fc.string({ unit: 'binary' }),
          fc.string({ maxLength: 500 }),
          // The ASCII fast path (no normalize call), and ASCII runs ended by a character NFKC changes or keeps.
          fc.string({ unit: 'binary-ascii' }),
          fc
            .tuple(
              fc.string({ unit: 'binary-ascii' }),
              fc.constantFrom('Ａ', '１', 'ｶﾞ', '\u00a0', '\ud800', '𝟙', 'é', '①'),
            )
            .map(([a, b]) => a + b),
        ),
        fc.constantFrom<'hex' | 'base64url'>('hex', 'base64url'),
        fc.option(fc.constantFrom('a', 'tenant-b'), { nil: undefined }),
        (value, encoding, tenant) => {
          const p = hashOperator.validate({ encoding }, 'EMPLOYEE_ID');
          const expected = createHmac('sha256', sub(tenant)).update(value.normalize('NFKC'), 'utf8').digest(encoding);
          expect(hashOperator.apply(value, p, { ...ctx, tenant })).toBe(expected);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('NFKC changes no ASCII character (why an ASCII value skips normalize)', () => {
    for (let c = 0; c < 0x80; c++) expect(String.fromCharCode(c).normalize('NFKC')).toBe(String.fromCharCode(c));
    // No pair of ASCII characters composes either.
    fc.assert(
      fc.property(fc.string({ unit: 'binary-ascii' }), (v) => {
        expect(v.normalize('NFKC')).toBe(v);
      }),
    );
  });
});
