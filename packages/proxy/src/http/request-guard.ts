import type { IncomingMessage } from 'node:http';
import type { LimitsConfig } from '../config/types.js';
import type { ProxyErrorCode } from '../errors.js';

/** A request that passed the guard: the one normalised path used for routing AND forwarding (PX-07). */
export interface GuardedRequest {
  readonly path: string;
  readonly query: string;
  /** Declared request body length (undefined = chunked or none). */
  readonly contentLength: number | undefined;
  readonly hasBody: boolean;
}

export type GuardResult = { ok: true; request: GuardedRequest } | { ok: false; code: ProxyErrorCode; why: string };

const UNRESERVED = /^[\w.~-]$/;
const TOKEN_NAME = /^[!#$%&'*+.^`|~0-9a-z-]+$/i;

/**
 * Rejects ambiguous requests before anything reaches the upstream (PX-01, PX-02, PX-03, PX-07, PX-08, PX-09).
 * Node's parser (llhttp, strict: insecureHTTPParser is never set) already refuses most smuggling forms; these checks
 * repeat them on the parsed request so the guarantee does not depend on parser details.
 */
export function guardRequest(req: IncomingMessage, limits: LimitsConfig): GuardResult {
  const raw = req.rawHeaders;
  if (raw.length / 2 > limits.maxHeadersCount) return fail('KAMEN_PROXY_ERR_HEADERS_TOO_LARGE', 'too many headers');
  let cl: string | undefined;
  let clCount = 0;
  let te: string | undefined;
  for (let i = 0; i < raw.length; i += 2) {
    const name = (raw[i] as string).toLowerCase();
    const value = raw[i + 1] as string;
    if (!TOKEN_NAME.test(name)) return fail('KAMEN_PROXY_ERR_BAD_REQUEST', 'invalid header name');
    // X_Auth_Request_Groups may be normalised to X-Auth-Request-Groups by a component behind us (PX-08).
    if (name.includes('_')) return fail('KAMEN_PROXY_ERR_BAD_REQUEST', 'underscore in a header name');
    if (name === 'content-length') {
      clCount++;
      cl = value;
    } else if (name === 'transfer-encoding') {
      if (te !== undefined) return fail('KAMEN_PROXY_ERR_BAD_REQUEST', 'duplicate transfer-encoding');
      te = value;
    }
  }
  if (clCount > 1) return fail('KAMEN_PROXY_ERR_BAD_REQUEST', 'duplicate content-length');
  if (cl !== undefined && te !== undefined)
    return fail('KAMEN_PROXY_ERR_BAD_REQUEST', 'content-length with transfer-encoding');
  if (te !== undefined && te.toLowerCase() !== 'chunked')
    return fail('KAMEN_PROXY_ERR_BAD_REQUEST', 'invalid transfer-encoding');
  if (cl !== undefined && !/^\d{1,15}$/.test(cl)) return fail('KAMEN_PROXY_ERR_BAD_REQUEST', 'invalid content-length');
  const contentLength = cl === undefined ? undefined : Number(cl);
  if (contentLength !== undefined && contentLength > limits.maxRequestBodyBytes)
    return fail('KAMEN_PROXY_ERR_REQUEST_TOO_LARGE', 'request body too large');
  const target = req.url ?? '';
  const normalised = normalisePath(target);
  if (typeof normalised === 'string') return fail('KAMEN_PROXY_ERR_BAD_REQUEST', normalised);
  return {
    ok: true,
    request: { ...normalised, contentLength, hasBody: te !== undefined || (contentLength ?? 0) > 0 },
  };
}

function fail(code: ProxyErrorCode, why: string): GuardResult {
  return { ok: false, code, why };
}

/**
 * Normalises an origin-form request target once: percent-escapes of unreserved characters are decoded, other
 * escapes upper-cased, repeated slashes collapsed. Escaped slashes or backslashes, NUL, dot segments (plain or
 * escaped) and non-origin forms are rejected: the path we route on is exactly the path we forward. Returns the
 * reason as a string when rejected.
 */
export function normalisePath(target: string): { path: string; query: string } | string {
  if (!target.startsWith('/')) return 'request target is not origin-form';
  const q = target.indexOf('?');
  const rawPath = q < 0 ? target : target.slice(0, q);
  const query = q < 0 ? '' : target.slice(q);
  if (rawPath.includes('\\')) return 'backslash in path';
  const segments: string[] = [];
  for (const seg of rawPath.split('/').slice(1)) {
    let out = '';
    for (let i = 0; i < seg.length; i++) {
      const c = seg[i] as string;
      if (c !== '%') {
        out += c;
        continue;
      }
      const hex = seg.slice(i + 1, i + 3);
      if (!/^[0-9a-f]{2}$/i.test(hex)) return 'invalid percent-escape in path';
      const ch = String.fromCharCode(parseInt(hex, 16));
      if (ch === '/' || ch === '\\') return 'escaped slash in path';
      if (ch === '\0') return 'NUL in path';
      out += UNRESERVED.test(ch) ? ch : `%${hex.toUpperCase()}`;
      i += 2;
    }
    if (out === '.' || out === '..') return 'dot segment in path';
    segments.push(out);
  }
  // '//a///b' → '/a/b'; a trailing slash is kept ('/a/' and '/a' may be different resources upstream).
  const kept = segments.filter((s, i) => s !== '' || i === segments.length - 1);
  return { path: `/${kept.join('/')}`, query };
}
