import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createKeyRing, fpeOperator, hashOperator, pseudonymOperator, type OperatorContext } from '@kamen/core';
import type { FieldType } from '../../../packages/core/src/types.js';

const master = new Uint8Array(32).fill(9);
const fresh = () => createKeyRing([{ id: 'c1', key: master }]);
const ctxArb = fc.record({
  field: fc.option(fc.constantFrom('a', 'a\u0000b', 'b', '氏名', ''), { nil: undefined }),
  tenant: fc.option(fc.constantFrom('b', 'b\u0000c', 'c', ''), { nil: undefined }),
});
type Case = { field: string | undefined; tenant: string | undefined };
const ctxOf = (entity: FieldType, c: Case, keys: ReturnType<typeof fresh>): OperatorContext => ({
  entity,
  keys,
  ...(c.field === undefined ? {} : { field: c.field }),
  ...(c.tenant === undefined ? {} : { tenant: c.tenant }),
});

/**
 * Keyed operators cache derived key material per ring (cipher objects, S2V state). Whatever was cached before, a
 * value must come out exactly as it does on a ring that has cached nothing: field paths and tenants holding U+0000
 * must not make two cache entries collide.
 */
describe('per-ring caches of keyed operators', () => {
  it('never change an output: a shared ring agrees with a fresh ring on every call', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(ctxArb, fc.integer({ min: 0, max: 99999 })), { minLength: 1, maxLength: 12 }),
        (calls) => {
          const shared = fresh();
          for (const [c, n] of calls) {
            const digits = String(n).padStart(5, '0');
            const id = `E${digits}1234`;
            expect(fpeOperator.apply(id, {}, ctxOf('EMPLOYEE_ID', c, shared))).toBe(
              fpeOperator.apply(id, {}, ctxOf('EMPLOYEE_ID', c, fresh())),
            );
            expect(pseudonymOperator.apply(id, {}, ctxOf('EMAIL', c, shared))).toBe(
              pseudonymOperator.apply(id, {}, ctxOf('EMAIL', c, fresh())),
            );
            const cfg = hashOperator.validate({}, 'EMAIL');
            expect(hashOperator.apply(id, cfg, ctxOf('EMAIL', c, shared))).toBe(
              hashOperator.apply(id, cfg, ctxOf('EMAIL', c, fresh())),
            );
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it('keep field and tenant apart even when their text would join to the same string', () => {
    const keys = fresh();
    const a = fpeOperator.apply('E000001234', {}, ctxOf('EMPLOYEE_ID', { field: 'a\u0000b', tenant: 'c' }, keys));
    const b = fpeOperator.apply('E000001234', {}, ctxOf('EMPLOYEE_ID', { field: 'a', tenant: 'b\u0000c' }, keys));
    expect(a).not.toBe(b);
    expect(b).toBe(
      fpeOperator.apply('E000001234', {}, ctxOf('EMPLOYEE_ID', { field: 'a', tenant: 'b\u0000c' }, fresh())),
    );
  });
});
