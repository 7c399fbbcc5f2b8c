import { createHmac } from 'node:crypto';
import type { KeyRing } from '../../packages/core/src/keys/keyring.js';

/**
 * A deterministic in-memory KeyRing for tests: subkeys are HMAC(secret, purpose ‖ kid). Unknown kids throw like
 * the real ring does. Test secrets only; never a real key.
 */
export function testKeyRing(secret = 'kamen-test-secret', ids: readonly string[] = ['k1']): KeyRing {
  return {
    primaryId: ids[0] as string,
    ids,
    subkey(purpose: string, kid?: string): Uint8Array {
      const id = kid ?? (ids[0] as string);
      if (!ids.includes(id)) throw new Error(`unknown kid ${id}`);
      return new Uint8Array(createHmac('sha256', secret).update(`${purpose}\u0000${id}`).digest());
    },
  };
}
