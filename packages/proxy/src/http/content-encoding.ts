import type { Transform } from 'node:stream';
import {
  brotliCompressSync,
  brotliDecompressSync,
  constants,
  createBrotliCompress,
  createBrotliDecompress,
  createDeflate,
  createGunzip,
  createGzip,
  createInflate,
  deflateSync,
  gunzipSync,
  gzipSync,
  inflateSync,
} from 'node:zlib';
import { proxyError } from '../errors.js';
import { byteLimit } from '../mask/body-stream.js';

export type Coding = 'gzip' | 'deflate' | 'br';

/**
 * Parses Content-Encoding into the codings in the order they were applied. `identity` is skipped; an unknown coding
 * or more than `maxLayers` codings fail with KAMEN_PROXY_ERR_DECOMPRESS (PX-12: `gzip,gzip,…×1000`).
 */
export function parseContentEncoding(header: string | string[] | undefined, maxLayers: number): Coding[] {
  const values = Array.isArray(header) ? header : header === undefined ? [] : [header];
  const out: Coding[] = [];
  for (const value of values)
    for (const token of value.split(',')) {
      const t = token.trim().toLowerCase();
      if (t === '' || t === 'identity') continue;
      if (out.length >= maxLayers)
        throw proxyError('KAMEN_PROXY_ERR_DECOMPRESS', `more than ${maxLayers} content codings`);
      if (t === 'gzip' || t === 'x-gzip') out.push('gzip');
      else if (t === 'deflate') out.push('deflate');
      else if (t === 'br') out.push('br');
      else throw proxyError('KAMEN_PROXY_ERR_DECOMPRESS', 'unsupported content coding');
    }
  return out;
}

/**
 * Decoders for `codings`, last applied first, each followed by a size cap, so neither the final nor an intermediate
 * layer can expand past `maxBytes` (decompression bombs, PX-12).
 */
export function decoders(codings: readonly Coding[], maxBytes: number): Transform[] {
  const out: Transform[] = [];
  for (const coding of [...codings].reverse()) {
    out.push(coding === 'gzip' ? createGunzip() : coding === 'deflate' ? createInflate() : createBrotliDecompress());
    out.push(byteLimit(maxBytes, 'KAMEN_PROXY_ERR_DECOMPRESS', 'decompressed body'));
  }
  return out;
}

/** Brotli at quality 4 for masked bodies: level 11 would cost more than the masking. */
const BROTLI = { params: { [constants.BROTLI_PARAM_QUALITY]: 4 } };

/** An encoder for a masked body. */
export function encoder(coding: Coding): Transform {
  if (coding === 'br') return createBrotliCompress(BROTLI);
  return coding === 'gzip' ? createGzip() : createDeflate();
}

/** encoder() for a whole small body at once: the same codings and settings, without a stream per response. */
export function encodeWhole(coding: Coding, bytes: Buffer): Buffer {
  if (coding === 'br') return brotliCompressSync(bytes, BROTLI);
  return coding === 'gzip' ? gzipSync(bytes) : deflateSync(bytes);
}

/**
 * decoders() for a whole small body at once, last coding first. Every layer may produce at most `maxBytes`;
 * undefined when one would produce more (the caller then streams the body through decoders(), which apply the
 * real caps). A malformed layer throws zlib's error, as the streaming decoder would.
 */
export function decodeWhole(bytes: Buffer, codings: readonly Coding[], maxBytes: number): Buffer | undefined {
  let out = bytes;
  const options = { maxOutputLength: Math.max(1, maxBytes) };
  try {
    for (let i = codings.length - 1; i >= 0; i--) {
      const coding = codings[i];
      out =
        coding === 'gzip'
          ? gunzipSync(out, options)
          : coding === 'deflate'
            ? inflateSync(out, options)
            : brotliDecompressSync(out, options);
    }
  } catch (err) {
    if ((err as { code?: unknown }).code === 'ERR_BUFFER_TOO_LARGE') return undefined;
    throw err;
  }
  return out;
}
