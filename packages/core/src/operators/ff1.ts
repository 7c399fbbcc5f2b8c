import { createCipheriv, type Cipher } from 'node:crypto';
import { FF1 } from '@noble/ciphers/ff1.js';

/** FF1 over decimal digit arrays (NIST SP 800-38G, radix 10): what the fpe operator needs. */
export interface DecimalFf1 {
  encrypt(x: number[]): number[];
  decrypt(x: number[]): number[];
}

/** Longest numeral string on the fast path: halves of ≤ 10 digits keep every intermediate below 2^53. */
const FAST_MAX_DIGITS = 20;

interface Shape {
  readonly u: number;
  readonly v: number;
  readonly b: number;
  /** The last PRF block with the tweak tail and padding filled in; [i] and NUM(B) are written per round. */
  readonly last: Uint8Array;
  /** CBC-MAC state after every block but the last: constant for this length, computed once. */
  readonly state: Uint8Array;
}

/** Bytes needed for radix^v − 1 in base 10: ceil(ceil(v·log2 10) / 8), exact for v ≤ 10. */
const bytesFor = (v: number): number => Math.ceil((10 ** v - 1).toString(2).length / 8);

/**
 * FF1 with radix 10 for numeral strings of up to 20 digits, on Node's native AES (one cipher object in ECB mode,
 * one block per Feistel round): the P block and the tweak blocks of the PRF input are the same in every round of
 * every value of a length, so their CBC-MAC state is computed once per length and each round encrypts only the last
 * block, which holds [i] and NUM(B). The same function as @noble/ciphers' FF1 (checked against it and the NIST
 * samples in test/core/operators/ff1.spec.ts) at a fraction of the cost; longer inputs go to noble.
 */
export function createDecimalFf1(key: Uint8Array, tweak: Uint8Array): DecimalFf1 {
  if (key.length !== 16 && key.length !== 24 && key.length !== 32) throw new RangeError('FF1 key must be an AES key');
  const aes: Cipher = createCipheriv(`aes-${key.length * 8}-ecb`, key, null).setAutoPadding(false);
  const encryptBlock = (block: Uint8Array): Uint8Array => aes.update(block);
  let general: ReturnType<typeof FF1> | undefined;
  const shapes = new Map<number, Shape>();

  const shapeOf = (n: number): Shape => {
    let s = shapes.get(n);
    if (s !== undefined) return s;
    const u = Math.floor(n / 2);
    const v = n - u;
    const b = bytesFor(v);
    const t = tweak.length;
    const pad = (((-t - b - 1) % 16) + 16) % 16;
    // P || Q = P || T || [0]^pad || [i]1 || [NUM(B)]b, a whole number of blocks.
    const pq = new Uint8Array(16 + t + pad + 1 + b);
    pq.set([1, 2, 1, 0, 0, 10, 10, u & 0xff]);
    new DataView(pq.buffer).setUint32(8, n, false);
    new DataView(pq.buffer).setUint32(12, t, false);
    pq.set(tweak, 16);
    let state: Uint8Array = new Uint8Array(16);
    for (let off = 0; off < pq.length - 16; off += 16) {
      const x = new Uint8Array(16);
      for (let k = 0; k < 16; k++) x[k] = (state[k] as number) ^ (pq[off + k] as number);
      state = encryptBlock(x);
    }
    s = { u, v, b, last: pq.slice(pq.length - 16), state };
    shapes.set(n, s);
    return s;
  };

  // One scratch block for every round: cipher.update copies its input, so reusing it is safe.
  const block = new Uint8Array(16);
  /** y mod 10^m, where y = NUM(first d bytes of R) and d = 4·ceil(b/4) + 4 ≤ 12. */
  const prfMod = (s: Shape, round: number, num: number, m: number): number => {
    block.set(s.last);
    block[15 - s.b] = round;
    for (let k = 15, rest = num; k > 15 - s.b; k--, rest = Math.floor(rest / 256)) block[k] = rest % 256;
    for (let k = 0; k < 16; k++) block[k] = (block[k] as number) ^ (s.state[k] as number);
    const r = encryptBlock(block);
    const d = 4 * Math.ceil(s.b / 4) + 4;
    const modulus = 10 ** m;
    // Horner mod 10^m: acc < 10^10, so acc·256 + 255 stays exact in a double.
    let acc = 0;
    for (let k = 0; k < d; k++) acc = (acc * 256 + (r[k] as number)) % modulus;
    return acc;
  };

  const num = (x: readonly number[], from: number, to: number): number => {
    let n = 0;
    for (let k = from; k < to; k++) n = n * 10 + (x[k] as number);
    return n;
  };
  /** Writes `value` as `m` decimal digits into out[at … at+m). */
  const str = (out: number[], at: number, value: number, m: number): void => {
    for (let k = at + m - 1; k >= at; k--, value = Math.floor(value / 10)) out[k] = value % 10;
  };
  const join = (s: Shape, a: number, b: number): number[] => {
    const out = new Array<number>(s.u + s.v);
    str(out, 0, a, s.u);
    str(out, s.u, b, s.v);
    return out;
  };
  const check = (x: readonly number[]): void => {
    for (const d of x) if (!Number.isInteger(d) || d < 0 || d > 9) throw new RangeError('FF1: not a decimal digit');
  };

  return {
    encrypt(x) {
      if (x.length < 2 || x.length > FAST_MAX_DIGITS) return (general ??= FF1(10, key, tweak)).encrypt(x);
      check(x);
      const s = shapeOf(x.length);
      let a = num(x, 0, s.u);
      let b = num(x, s.u, x.length);
      for (let i = 0; i < 10; i++) {
        const m = i % 2 === 0 ? s.u : s.v;
        const c = (a + prfMod(s, i, b, m)) % 10 ** m;
        a = b;
        b = c;
      }
      return join(s, a, b);
    },
    decrypt(x) {
      if (x.length < 2 || x.length > FAST_MAX_DIGITS) return (general ??= FF1(10, key, tweak)).decrypt(x);
      check(x);
      const s = shapeOf(x.length);
      let a = num(x, 0, s.u);
      let b = num(x, s.u, x.length);
      for (let i = 9; i >= 0; i--) {
        const m = i % 2 === 0 ? s.u : s.v;
        const modulus = 10 ** m;
        const c = (((b - prfMod(s, i, a, m)) % modulus) + modulus) % modulus;
        b = a;
        a = c;
      }
      return join(s, a, b);
    },
  };
}
