/**
 * The contract every masking operator keeps, as a reusable vitest suite. Call describeOperatorContract() from a
 * spec with the operator, an entity type and a generator of values of that type. Test keys only.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FieldType } from '../../packages/core/src/types.js';
import type { Operator, OperatorContext } from '../../packages/core/src/operators/operator.js';
import type { KeyRing } from '../../packages/core/src/keys/keyring.js';
import { testKeyRing } from './test-keyring.js';

export interface OperatorContractCase {
  readonly operator: Operator;
  readonly entity: FieldType;
  /** Valid values of `entity`, in every written form the operator must handle. */
  readonly values: fc.Arbitrary<string>;
  readonly params?: unknown;
  readonly field?: string;
  /** The operator uses ctx.keys: outputs must differ between two keys (default operator.reversible). */
  readonly keyed?: boolean;
  /** The output must not contain the value, its NFKC form or its digits (true for mask/redact/hash/pseudonym). */
  readonly hidesValue?: boolean;
  /** With hidesValue: also check the digits-only form (default true; false for e-mail, whose domain may hold digits). */
  readonly hidesDigits?: boolean;
  /** For numeric masks: no run of 4+ original digits may survive, except this many kept final digits. */
  readonly digitRunCheck?: { readonly allowedTailDigits: number };
  /** Reverses an output (reversible operators). */
  readonly reveal?: (output: string, ctx: OperatorContext) => string;
  /** Extra property on (input, output), e.g. check digits valid, length kept. */
  readonly format?: (input: string, output: string) => void;
  readonly numRuns?: number;
}

const digitsOnly = (s: string): string => s.normalize('NFKC').replace(/\D/gu, '');

/** Registers the shared operator contract for one operator and entity. */
export function describeOperatorContract(label: string, c: OperatorContractCase): void {
  const params = c.operator.validate(c.params ?? {}, c.entity);
  const ctxFor = (keys: KeyRing): OperatorContext => ({
    entity: c.entity,
    keys,
    ...(c.field !== undefined ? { field: c.field } : {}),
  });
  const k1 = ctxFor(testKeyRing('contract-secret-one'));
  const k2 = ctxFor(testKeyRing('contract-secret-two'));
  const numRuns = c.numRuns ?? 60;
  const keyed = c.keyed ?? c.operator.reversible;

  describe(`operator contract: ${label}`, () => {
    it('is deterministic under one key', () => {
      fc.assert(
        fc.property(c.values, (v) => {
          expect(c.operator.apply(v, params, k1)).toBe(c.operator.apply(v, params, k1));
        }),
        { numRuns },
      );
    });

    it('never returns the original value', () => {
      fc.assert(
        fc.property(c.values, (v) => {
          expect(c.operator.apply(v, params, k1)).not.toBe(v);
        }),
        { numRuns },
      );
    });

    if (keyed)
      it('gives different outputs under different keys', () => {
        // Per value a collision is possible in a small domain; over many values the keys must disagree.
        const values = fc.sample(c.values, { numRuns: 20, seed: 7 });
        const differing = values.filter((v) => c.operator.apply(v, params, k1) !== c.operator.apply(v, params, k2));
        expect(differing.length).toBeGreaterThanOrEqual(values.length - 1);
      });

    if (c.hidesValue === true)
      it('output contains neither the value, its NFKC form nor its digits', () => {
        fc.assert(
          fc.property(c.values, (v) => {
            const out = c.operator.apply(v, params, k1);
            expect(out).not.toContain(v);
            expect(out.normalize('NFKC')).not.toContain(v.normalize('NFKC'));
            const d = digitsOnly(v);
            if (c.hidesDigits !== false && d.length >= 4) expect(digitsOnly(out)).not.toContain(d);
          }),
          { numRuns },
        );
      });

    if (c.digitRunCheck !== undefined) {
      const tail = c.digitRunCheck.allowedTailDigits;
      it(`leaves no run of 4+ original digits (beyond the last ${tail})`, () => {
        fc.assert(
          fc.property(c.values, (v) => {
            const original = digitsOnly(v);
            const shown = digitsOnly(c.operator.apply(v, params, k1));
            const head = tail > 0 ? shown.slice(0, Math.max(0, shown.length - tail)) : shown;
            for (let i = 0; i + 4 <= head.length; i++) expect(original).not.toContain(head.slice(i, i + 4));
          }),
          { numRuns },
        );
      });
    }

    if (c.format !== undefined) {
      const format = c.format;
      it('keeps the written format', () => {
        fc.assert(
          fc.property(c.values, (v) => {
            format(v, c.operator.apply(v, params, k1));
          }),
          { numRuns },
        );
      });
    }

    if (c.reveal !== undefined) {
      const reveal = c.reveal;
      it('reveals to the original with the same key', () => {
        fc.assert(
          fc.property(c.values, (v) => {
            expect(reveal(c.operator.apply(v, params, k1), k1)).toBe(v);
          }),
          { numRuns },
        );
      });
    }
  });
}
