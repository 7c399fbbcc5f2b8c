import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createKeyRing,
  hashOperator,
  KamenError,
  maskOperator,
  PSEUDONYM_TOKEN,
  parsePseudonym,
  pseudonymOperator,
  redactOperator,
  reveal,
  type OperatorContext,
} from '@kamen/core';
import type { FieldType } from '../../../packages/core/src/types.js';
import { encodeXmlLeaf } from '../../../packages/core/src/formats/xml-encode.js';

const key = (b: number): Uint8Array => new Uint8Array(32).fill(b);
const k1 = createKeyRing([{ id: 'k1', key: key(1) }]);
const codeOf = (fn: () => unknown): string => {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(KamenError);
    return (err as KamenError).code;
  }
  return 'no error';
};
const psn = (value: string, entity: FieldType, ctx: Partial<OperatorContext> = {}): string =>
  pseudonymOperator.apply(value, pseudonymOperator.validate({}, entity), { entity, keys: k1, ...ctx });

describe('pseudonym tokens', () => {
  it('follow PSN:<TYPE>:<kid>:<payload>, are found in free text and reveal', () => {
    const t = psn('山田 太郎', 'PERSON_NAME');
    expect(parsePseudonym(t)).toMatchObject({ type: 'PERSON_NAME', kid: 'k1' });
    const text = `氏名: ${t}、番号 ${psn('123456789018', 'MY_NUMBER')}。`;
    const found = [...text.matchAll(PSEUDONYM_TOKEN)].map((m) => reveal(m[0], k1));
    expect(found).toEqual(['山田 太郎', '123456789018']);
  });

  it('never hold "--", so they survive an XML comment unchanged and still reveal', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 40 }), (value) => {
        const t = psn(value, 'EMAIL');
        expect(t).not.toContain('-');
        const unit = {
          record: 0,
          pieces: ['<!-- ', ' -->'],
          leaves: [{ value: t, path: '', field: '', kind: 'comment' as const, record: 0 }],
        };
        expect(encodeXmlLeaf(t, unit, 0)).toBe(t);
        expect(reveal(t, k1)).toBe(value);
      }),
      { numRuns: 300 },
    );
  });

  it('are deterministic and bound to type and tenant', () => {
    expect(psn('x@example.com', 'EMAIL')).toBe(psn('x@example.com', 'EMAIL'));
    expect(psn('x', 'EMAIL')).not.toBe(psn('x', 'EMAIL', { tenant: 't1' }));
    const t = psn('x', 'EMAIL', { tenant: 't1' });
    expect(reveal(t, k1, { tenant: 't1' })).toBe('x');
    expect(codeOf(() => reveal(t, k1))).toBe('KAMEN_ERR_REVEAL_TAMPERED');
    // Relabelling the type breaks authentication (associated data).
    expect(codeOf(() => reveal(psn('x', 'EMAIL').replace('EMAIL', 'PHONE'), k1))).toBe('KAMEN_ERR_REVEAL_TAMPERED');
  });

  it('KM-06: any change to the payload fails authentication', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 40 }), fc.nat(), fc.nat({ max: 62 }), (v, pos, delta) => {
        const t = psn(v, 'EMAIL');
        const payloadStart = t.lastIndexOf(':') + 1;
        const i = payloadStart + (pos % (t.length - payloadStart));
        const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789~_';
        const c = alphabet[(alphabet.indexOf(t[i]!) + 1 + delta) % 64]!;
        const tampered = t.slice(0, i) + c + t.slice(i + 1);
        expect(codeOf(() => reveal(tampered, k1))).toBe('KAMEN_ERR_REVEAL_TAMPERED');
      }),
      { numRuns: 200 },
    );
  });

  it('KM-02/KM-03 rotation: k1 tokens reveal after k2 becomes primary, and fail once k1 is removed', () => {
    const old = psn('090-1234-5678', 'PHONE');
    const rotated = createKeyRing(
      [
        { id: 'k1', key: key(1) },
        { id: 'k2', key: key(2) },
      ],
      'k2',
    );
    const fresh = pseudonymOperator.apply('090-1234-5678', {}, { entity: 'PHONE', keys: rotated });
    expect(parsePseudonym(fresh)?.kid).toBe('k2');
    expect(reveal(old, rotated)).toBe('090-1234-5678');
    expect(reveal(fresh, rotated)).toBe('090-1234-5678');
    const k2only = createKeyRing([{ id: 'k2', key: key(2) }]);
    expect(codeOf(() => reveal(old, k2only))).toBe('KAMEN_ERR_KEY_UNKNOWN');
    // A different key under the same id does not authenticate.
    expect(codeOf(() => reveal(old, createKeyRing([{ id: 'k1', key: key(3) }])))).toBe('KAMEN_ERR_REVEAL_TAMPERED');
  });

  it('irreversible outputs error with KAMEN_ERR_REVEAL_IRREVERSIBLE', () => {
    const ctx: OperatorContext = { entity: 'MY_NUMBER', keys: k1 };
    const outputs = [
      hashOperator.apply('123456789018', hashOperator.validate({}, 'MY_NUMBER'), ctx),
      hashOperator.apply(
        '123456789018',
        hashOperator.validate({ encoding: 'base64url', truncate: 16 }, 'MY_NUMBER'),
        ctx,
      ),
      maskOperator.apply('1234-5678-9018', maskOperator.validate({}, 'MY_NUMBER'), ctx),
      redactOperator.apply('1', redactOperator.validate({ placeholder: true }, 'MY_NUMBER'), ctx),
      redactOperator.apply('1', redactOperator.validate({}, 'MY_NUMBER'), ctx),
    ];
    for (const out of outputs) expect(codeOf(() => reveal(out, k1))).toBe('KAMEN_ERR_REVEAL_IRREVERSIBLE');
    expect(codeOf(() => reveal('hello world', k1))).toBe('KAMEN_ERR_INVALID_ARGUMENT');
  });

  it('pseudonym without keys is KAMEN_ERR_KEY_REQUIRED', () => {
    expect(codeOf(() => pseudonymOperator.apply('x', {}, { entity: 'EMAIL' }))).toBe('KAMEN_ERR_KEY_REQUIRED');
  });
});
