import { KamenError } from '@kamen/core';
import { proxyErrorCode, type ProxyErrorCode } from '../errors.js';

export type UpstreamErrorKind = 'connect' | 'timeout' | 'reset' | 'other';

/** Classifies a failure of the upstream exchange for the metric label (never logs the message: it may hold a URL). */
export function upstreamErrorKind(err: unknown): UpstreamErrorKind {
  const code = (err as { code?: unknown })?.code;
  if (code === 'UND_ERR_CONNECT_TIMEOUT' || code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === 'EHOSTUNREACH')
    return 'connect';
  if (code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT' || code === 'ETIMEDOUT') return 'timeout';
  if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET' || code === 'EPIPE' || code === 'ERR_STREAM_PREMATURE_CLOSE')
    return 'reset';
  return 'other';
}

/**
 * The proxy code for a failed body pipeline: proxy errors keep theirs, core format/mask errors and charset errors
 * are masking failures, zlib errors decompression failures, the rest upstream failures.
 */
export function bodyErrorCode(err: unknown): ProxyErrorCode {
  const own = proxyErrorCode(err);
  if (own !== undefined) return own;
  if (err instanceof KamenError) return 'KAMEN_PROXY_ERR_MASK';
  const code = (err as { code?: unknown })?.code;
  if (code === 'ERR_ENCODING_INVALID_ENCODED_DATA') return 'KAMEN_PROXY_ERR_MASK';
  // zlib: Z_DATA_ERROR, Z_BUF_ERROR…; brotli: ERR__ERROR_FORMAT_PADDING_1 and the other ERR__* decoder codes.
  if (typeof code === 'string' && (code.startsWith('Z_') || code.startsWith('ERR__') || code.startsWith('ERR_BROTLI')))
    return 'KAMEN_PROXY_ERR_DECOMPRESS';
  if (err instanceof TypeError) return 'KAMEN_PROXY_ERR_MASK';
  return 'KAMEN_PROXY_ERR_UPSTREAM';
}
