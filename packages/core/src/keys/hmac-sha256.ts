import { createHash, createHmac, createSecretKey, type KeyObject } from 'node:crypto';

/*
 * HMAC-SHA-256 (RFC 2104, FIPS 180-4) for the short values the keyed operators hash one by one. node's createHmac
 * sets up a native HMAC context per call (key schedule and two allocations) and costs ~2 µs per value; here the
 * key's inner and outer pad states are compressed once per key, so a value of up to 55 UTF-8 bytes costs two
 * compressions. Bit-identical to createHmac('sha256', key).update(value, 'utf8') (RFC 4231 vectors and a
 * differential property in test/core/keys/hmac-sha256.spec.ts), lone surrogates included (U+FFFD, as node writes
 * them). Long values go to node's implementation: the native one is faster there. A library would be preferable to
 * hand-written hashing, but @noble/hashes 2.4 (hmac.create(sha256, key) once, clone() per value) measured ~7.9 µs per
 * short value against node's ~1.8 µs (2026-12-01, same process): slower than the per-call native HMAC it would replace.
 */

const K = Int32Array.from([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98,
  0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786,
  0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8,
  0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
  0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819,
  0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a,
  0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7,
  0xc67178f2,
]);
const IV = Int32Array.from([
  0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
]);
/** Values longer than this (UTF-16 units) use createHmac: at most 3 bytes per unit keeps the scratch small. */
const MAX_UNITS = 340;

const W = new Int32Array(64);
// Scratch: the padded message (at most 16 blocks for MAX_UNITS), the running state, the digest's bytes.
const msg = new Uint8Array(1088);
const state = new Int32Array(8);
const outBlock = new Uint8Array(64);
const digestBytes = Buffer.alloc(32);

/** One SHA-256 compression of the 64 bytes of `block` at `at` into `h`. */
function compress(h: Int32Array, block: Uint8Array, at: number): void {
  // Locals, not module bindings, in the hot loops (V8 reloads a module binding on every use).
  const w = W;
  const k = K;
  for (let t = 0; t < 16; t++, at += 4)
    w[t] = (block[at]! << 24) | (block[at + 1]! << 16) | (block[at + 2]! << 8) | block[at + 3]!;
  for (let t = 16; t < 64; t++) {
    const w15 = w[t - 15]!;
    const w2 = w[t - 2]!;
    const s0 = ((w15 >>> 7) | (w15 << 25)) ^ ((w15 >>> 18) | (w15 << 14)) ^ (w15 >>> 3);
    const s1 = ((w2 >>> 17) | (w2 << 15)) ^ ((w2 >>> 19) | (w2 << 13)) ^ (w2 >>> 10);
    w[t] = (w[t - 16]! + s0 + w[t - 7]! + s1) | 0;
  }
  let a = h[0]!;
  let b = h[1]!;
  let c = h[2]!;
  let d = h[3]!;
  let e = h[4]!;
  let f = h[5]!;
  let g = h[6]!;
  let hh = h[7]!;
  for (let t = 0; t < 64; t++) {
    const S1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
    const t1 = (hh + S1 + ((e & f) ^ (~e & g)) + k[t]! + w[t]!) | 0;
    const S0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
    const t2 = (S0 + ((a & b) ^ (a & c) ^ (b & c))) | 0;
    hh = g;
    g = f;
    f = e;
    e = (d + t1) | 0;
    d = c;
    c = b;
    b = a;
    a = (t1 + t2) | 0;
  }
  h[0] = (h[0]! + a) | 0;
  h[1] = (h[1]! + b) | 0;
  h[2] = (h[2]! + c) | 0;
  h[3] = (h[3]! + d) | 0;
  h[4] = (h[4]! + e) | 0;
  h[5] = (h[5]! + f) | 0;
  h[6] = (h[6]! + g) | 0;
  h[7] = (h[7]! + hh) | 0;
}

/** Writes `value` as UTF-8 (lone surrogates as U+FFFD, as node does) into `msg`; returns the byte count. */
function utf8Into(value: string): number {
  let n = 0;
  for (let i = 0; i < value.length; i++) {
    let c = value.charCodeAt(i);
    if (c < 0x80) msg[n++] = c;
    else if (c < 0x800) {
      msg[n++] = 0xc0 | (c >> 6);
      msg[n++] = 0x80 | (c & 0x3f);
    } else {
      if (c >= 0xd800 && c <= 0xdfff) {
        const lo = c <= 0xdbff && i + 1 < value.length ? value.charCodeAt(i + 1) : 0;
        if (lo >= 0xdc00 && lo <= 0xdfff) {
          const cp = 0x10000 + ((c - 0xd800) << 10) + (lo - 0xdc00);
          i++;
          msg[n++] = 0xf0 | (cp >> 18);
          msg[n++] = 0x80 | ((cp >> 12) & 0x3f);
          msg[n++] = 0x80 | ((cp >> 6) & 0x3f);
          msg[n++] = 0x80 | (cp & 0x3f);
          continue;
        }
        c = 0xfffd;
      }
      msg[n++] = 0xe0 | (c >> 12);
      msg[n++] = 0x80 | ((c >> 6) & 0x3f);
      msg[n++] = 0x80 | (c & 0x3f);
    }
  }
  return n;
}

/** Pads `msg` after `n` bytes for a message of `total` bytes (FIPS 180-4 5.1.1); returns the padded length. */
function pad(block: Uint8Array, n: number, total: number): number {
  const end = (((n + 8) >> 6) + 1) << 6;
  block[n] = 0x80;
  block.fill(0, n + 1, end - 4);
  const bits = total * 8; // < 2^32 here: a value of at most MAX_UNITS units after a 64-byte pad
  block[end - 4] = bits >>> 24;
  block[end - 3] = (bits >>> 16) & 0xff;
  block[end - 2] = (bits >>> 8) & 0xff;
  block[end - 1] = bits & 0xff;
  return end;
}

/** The 8 state words as 32 big-endian bytes at the start of `out` (FIPS 180-4 6.2.2, the digest's byte order). */
function bigEndianInto(out: Uint8Array, h: Int32Array): void {
  for (let i = 0; i < 8; i++) {
    const w = h[i]!;
    out[4 * i] = w >>> 24;
    out[4 * i + 1] = (w >>> 16) & 0xff;
    out[4 * i + 2] = (w >>> 8) & 0xff;
    out[4 * i + 3] = w & 0xff;
  }
}

/** HMAC-SHA-256 under one key, with the key's pad states computed once. Holds key-equivalent material. */
export class HmacSha256 {
  private readonly inner = new Int32Array(8);
  private readonly outer = new Int32Array(8);
  /** For values too long for the scratch. */
  private readonly key: KeyObject;

  constructor(key: Uint8Array) {
    this.key = createSecretKey(key);
    const k = key.length > 64 ? createHash('sha256').update(key).digest() : key;
    const padded = new Uint8Array(64);
    for (const [into, byte] of [
      [this.inner, 0x36],
      [this.outer, 0x5c],
    ] as const) {
      padded.fill(byte);
      for (let i = 0; i < k.length; i++) padded[i] = byte ^ k[i]!;
      into.set(IV);
      compress(into, padded, 0);
    }
    padded.fill(0);
  }

  /** The MAC of `value`'s UTF-8 bytes, encoded as node's digest(encoding) would ('hex' or 'base64url'). */
  digest(value: string, encoding: 'hex' | 'base64url'): string {
    if (value.length > MAX_UNITS) return createHmac('sha256', this.key).update(value, 'utf8').digest(encoding);
    const n = utf8Into(value);
    const end = pad(msg, n, 64 + n);
    state.set(this.inner);
    for (let at = 0; at < end; at += 64) compress(state, msg, at);
    bigEndianInto(outBlock, state);
    pad(outBlock, 32, 96);
    state.set(this.outer);
    compress(state, outBlock, 0);
    bigEndianInto(digestBytes, state);
    msg.fill(0, 0, end); // no value bytes left in the scratch
    return digestBytes.toString(encoding);
  }
}
