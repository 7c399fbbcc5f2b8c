import { inspect } from 'node:util';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createKeyRing, ephemeralKeyRing, KamenError, parseKeyRing } from '@kamen/core';

const key = (b: number): Uint8Array => new Uint8Array(32).fill(b);
const b64 = (b: number): string => Buffer.from(key(b)).toString('base64');
const code = (fn: () => unknown): string | undefined => {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(KamenError);
    return (err as KamenError).code;
  }
  return undefined;
};

describe('createKeyRing', () => {
  it('derives 32-byte subkeys that differ by purpose, key and are stable', () => {
    const ring = createKeyRing(
      [
        { id: 'k1', key: key(1) },
        { id: 'k2', key: key(2) },
      ],
      'k2',
    );
    expect(ring.primaryId).toBe('k2');
    expect(ring.ids).toEqual(['k1', 'k2']);
    const a = ring.subkey('hash');
    expect(a).toHaveLength(32);
    expect(Buffer.from(ring.subkey('hash', 'k2'))).toEqual(Buffer.from(a));
    expect(Buffer.from(ring.subkey('hash', 'k1'))).not.toEqual(Buffer.from(a));
    expect(Buffer.from(ring.subkey('fpe'))).not.toEqual(Buffer.from(a));
  });

  it('subkeys are independent of purpose strings (property) and callers cannot corrupt the cache', () => {
    const ring = createKeyRing([{ id: 'k1', key: key(9) }]);
    fc.assert(
      fc.property(fc.string(), fc.string(), (p, q) => {
        fc.pre(p !== q);
        expect(Buffer.from(ring.subkey(p))).not.toEqual(Buffer.from(ring.subkey(q)));
      }),
      { numRuns: 50 },
    );
    const s = ring.subkey('x');
    s.fill(0);
    expect(ring.subkey('x').some((b) => b !== 0)).toBe(true);
  });

  it('unknown kid is KAMEN_ERR_KEY_UNKNOWN', () => {
    const ring = createKeyRing([{ id: 'k1', key: key(1) }]);
    expect(code(() => ring.subkey('hash', 'k9'))).toBe('KAMEN_ERR_KEY_UNKNOWN');
  });

  it('refuses bad ids, duplicate ids, wrong key lengths and a missing primary', () => {
    expect(code(() => createKeyRing([]))).toBe('KAMEN_ERR_KEY_FILE');
    expect(code(() => createKeyRing([{ id: 'k_1', key: key(1) }]))).toBe('KAMEN_ERR_KEY_FILE');
    expect(
      code(() =>
        createKeyRing([
          { id: 'k1', key: key(1) },
          { id: 'k1', key: key(2) },
        ]),
      ),
    ).toBe('KAMEN_ERR_KEY_FILE');
    expect(code(() => createKeyRing([{ id: 'k1', key: new Uint8Array(16) }]))).toBe('KAMEN_ERR_KEY_FILE');
    expect(code(() => createKeyRing([{ id: 'k1', key: key(1) }], 'k2'))).toBe('KAMEN_ERR_KEY_FILE');
  });

  it('prints only ids: inspect, JSON and String never show key material', () => {
    const ring = parseKeyRing(JSON.stringify({ version: 1, primary: 'k1', keys: [{ id: 'k1', key: b64(0xab) }] }));
    for (const shown of [inspect(ring, { showHidden: true, depth: 9 }), JSON.stringify(ring), String(ring)]) {
      expect(shown).toContain('k1');
      expect(shown).not.toContain(b64(0xab));
      expect(shown).not.toMatch(/ab,\s*ab|171/u);
    }
  });

  it('ephemeral rings are random per call', () => {
    expect(Buffer.from(ephemeralKeyRing().subkey('p'))).not.toEqual(Buffer.from(ephemeralKeyRing().subkey('p')));
  });
});

describe('parseKeyRing', () => {
  it('reads the key-file JSON and a bare base64 key (as k1)', () => {
    const ring = parseKeyRing(
      JSON.stringify({
        version: 1,
        primary: 'k2',
        keys: [
          { id: 'k1', key: b64(1) },
          { id: 'k2', key: b64(2) },
        ],
      }),
    );
    expect(ring.primaryId).toBe('k2');
    const bare = parseKeyRing(b64(1), true);
    expect(Buffer.from(bare.subkey('z'))).toEqual(Buffer.from(ring.subkey('z', 'k1')));
  });

  it('errors never echo the key text', () => {
    const secret = 'c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0LXNlY3I';
    for (const text of [
      secret,
      `{"version":1,"keys":[{"id":"k1","key":"${secret}x"}]}`,
      `{"version":2,"keys":[{"id":"k1","key":"${secret}"}]}`,
      `{ not json ${secret}`,
    ]) {
      try {
        parseKeyRing(text, false);
        expect.unreachable();
      } catch (err) {
        expect((err as KamenError).code).toBe('KAMEN_ERR_KEY_FILE');
        expect((err as Error).message).not.toContain(secret);
      }
    }
  });
});
