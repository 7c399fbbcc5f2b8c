import { createCipheriv, timingSafeEqual, type Cipher } from 'node:crypto';

/** AES-SIV (RFC 5297) bound to fixed associated data: what one pseudonym type and tenant needs. */
export interface AesSiv {
  /** V ‖ C: the 16-byte synthetic IV, then the CTR ciphertext (as long as the plaintext). */
  encrypt(plaintext: Uint8Array): Buffer;
  /** The plaintext; throws Error('invalid siv tag') when V does not authenticate (nothing is returned then). */
  decrypt(sealed: Uint8Array): Buffer;
}

const BLOCK = 16;

/** dbl() of RFC 5297 §2.3: multiply by x in GF(2^128), a new block. */
function dbl(block: Uint8Array): Uint8Array {
  const out = new Uint8Array(BLOCK);
  for (let i = 0; i < BLOCK - 1; i++) out[i] = (((block[i] as number) << 1) | ((block[i + 1] as number) >>> 7)) & 0xff;
  // Branchless: the top bit comes from key-derived material.
  out[BLOCK - 1] = (((block[BLOCK - 1] as number) << 1) & 0xff) ^ (0x87 & -((block[0] as number) >>> 7));
  return out;
}

/**
 * AES-CMAC (RFC 4493) on one persistent native CBC cipher: every MAC is a single `update` call whatever the
 * message length. CBC-MAC from a zero IV is CBC from the cipher's current chaining value `chain` (its last
 * output block) with `chain` XORed into the first block, so the object is never re-keyed.
 */
class Cmac {
  readonly #key: Uint8Array;
  #cbc: Cipher;
  #chain: Uint8Array = new Uint8Array(BLOCK);
  readonly #k1: Uint8Array;
  readonly #k2: Uint8Array;

  constructor(key: Uint8Array) {
    this.#key = key;
    this.#cbc = this.#fresh();
    const l = this.#run(new Uint8Array(BLOCK)); // L = AES(K, 0^128): CBC-MAC of one zero block
    this.#k1 = dbl(l);
    this.#k2 = dbl(this.#k1);
  }

  #fresh(): Cipher {
    this.#chain = new Uint8Array(BLOCK);
    return createCipheriv(`aes-${this.#key.length * 8}-cbc`, this.#key, this.#chain).setAutoPadding(false);
  }

  /** CBC-MAC of whole blocks `m` (modified in place): the last ciphertext block. */
  #run(m: Uint8Array): Uint8Array {
    for (let i = 0; i < BLOCK; i++) m[i] = (m[i] as number) ^ (this.#chain[i] as number);
    let out: Buffer;
    try {
      out = this.#cbc.update(m);
    } catch (err) {
      // The chaining state is unknown after a failed update: start over with a new object.
      this.#cbc = this.#fresh();
      throw err;
    }
    if (out.length !== m.length) {
      this.#cbc = this.#fresh();
      throw new Error('AES-CBC returned a partial block');
    }
    this.#chain = out.subarray(out.length - BLOCK);
    return Uint8Array.from(this.#chain);
  }

  /**
   * CMAC of the first `len` bytes of `buf`, whose length is a whole number of blocks (≥ 1) and whose bytes past
   * `len` are zero. `buf` is overwritten.
   */
  macPadded(buf: Uint8Array, len: number): Uint8Array {
    const complete = len > 0 && len % BLOCK === 0;
    if (!complete) buf[len] = 0x80;
    const sub = complete ? this.#k1 : this.#k2;
    const last = buf.length - BLOCK;
    for (let i = 0; i < BLOCK; i++) buf[last + i] = (buf[last + i] as number) ^ (sub[i] as number);
    return this.#run(buf);
  }

  mac(msg: Uint8Array): Uint8Array {
    const buf = new Uint8Array(Math.max(1, Math.ceil(msg.length / BLOCK)) * BLOCK);
    buf.set(msg);
    return this.macPadded(buf, msg.length);
  }
}

/**
 * CTR keystream XOR on a persistent native ECB cipher: the counter blocks (from V with two bits cleared) are built
 * here and encrypted in one update call. Writes data ⊕ keystream into out[at …].
 */
function ctrXor(ecb: Cipher, v: Uint8Array, data: Uint8Array, out: Uint8Array, at: number): void {
  const n = Math.ceil(data.length / BLOCK);
  if (n === 0) return;
  const counters = new Uint8Array(n * BLOCK);
  counters.set(v.subarray(0, BLOCK));
  counters[8] = (counters[8] as number) & 0x7f; // clear the 63rd and 31st bits (RFC 5297 §2.6)
  counters[12] = (counters[12] as number) & 0x7f;
  for (let b = 1; b < n; b++) {
    const o = b * BLOCK;
    counters.copyWithin(o, o - BLOCK, o);
    // Full 128-bit big-endian increment, as NIST SP 800-38A and RFC 5297 §2.5 count.
    for (let j = o + BLOCK - 1, carry = 1; j >= o && carry !== 0; j--) {
      const s = (counters[j] as number) + carry;
      counters[j] = s & 0xff;
      carry = s >>> 8;
    }
  }
  const ks = ecb.update(counters);
  if (ks.length !== counters.length) throw new Error('AES-ECB returned a partial block');
  for (let i = 0; i < data.length; i++) out[at + i] = (data[i] as number) ^ (ks[i] as number);
}

/** One AES-SIV key: its native cipher objects and CMAC subkeys, shared by every associated data bound to it. */
export interface AesSivKey {
  bind(...ad: Uint8Array[]): AesSiv;
}

/**
 * AES-SIV over Node's native AES (AES-NI where the CPU has it). `key` is K1 ‖ K2 (32, 48 or 64 bytes: S2V half,
 * CTR half). The key schedule and CMAC subkeys are set up here once; `bind(...ad)` then computes S2V's D over the
 * associated-data components once, so a value costs one native CBC call (S2V) and one ECB call (CTR).
 * Byte-exact with RFC 5297 and with @noble/ciphers' aessiv (checked in test/core/operators/siv.spec.ts).
 */
export function createAesSiv(key: Uint8Array): AesSivKey {
  if (key.length !== 32 && key.length !== 48 && key.length !== 64) throw new RangeError('AES-SIV key length');
  const half = key.length / 2;
  const cmac = new Cmac(Uint8Array.from(key.subarray(0, half)));
  const ecb = createCipheriv(`aes-${half * 8}-ecb`, Uint8Array.from(key.subarray(half)), null).setAutoPadding(false);
  return { bind: (...ad) => bound(cmac, ecb, ad) };
}

function bound(cmac: Cmac, ecb: Cipher, ad: readonly Uint8Array[]): AesSiv {
  if (ad.length > 126) throw new RangeError('AES-SIV takes at most 126 associated-data components');
  // S2V: D = CMAC(<zero>); D = dbl(D) xor CMAC(Si) for every associated-data component.
  let d = cmac.mac(new Uint8Array(BLOCK));
  for (const s of ad) {
    const m = cmac.mac(s);
    d = dbl(d);
    for (let i = 0; i < BLOCK; i++) d[i] = (d[i] as number) ^ (m[i] as number);
  }
  const dd = dbl(d);

  const s2v = (p: Uint8Array): Uint8Array => {
    if (p.length >= BLOCK) {
      // T = P xorend D
      const t = new Uint8Array(Math.ceil(p.length / BLOCK) * BLOCK);
      t.set(p);
      const off = p.length - BLOCK;
      for (let i = 0; i < BLOCK; i++) t[off + i] = (t[off + i] as number) ^ (d[i] as number);
      return cmac.macPadded(t, p.length);
    }
    // T = dbl(D) xor pad(P): one complete block, so CMAC uses K1.
    const t = new Uint8Array(BLOCK);
    t.set(p);
    t[p.length] = 0x80;
    for (let i = 0; i < BLOCK; i++) t[i] = (t[i] as number) ^ (dd[i] as number);
    return cmac.macPadded(t, BLOCK);
  };
  return {
    encrypt(plaintext) {
      const v = s2v(plaintext);
      const out = Buffer.allocUnsafe(BLOCK + plaintext.length);
      out.set(v, 0);
      ctrXor(ecb, v, plaintext, out, BLOCK);
      return out;
    },
    decrypt(sealed) {
      if (sealed.length < BLOCK) throw new Error('invalid siv tag');
      const v = sealed.subarray(0, BLOCK);
      const p = Buffer.alloc(sealed.length - BLOCK);
      ctrXor(ecb, v, sealed.subarray(BLOCK), p, 0);
      if (!timingSafeEqual(s2v(p), v)) {
        p.fill(0);
        throw new Error('invalid siv tag');
      }
      return p;
    },
  };
}
