import type { OutgoingHttpHeaders, ServerResponse } from 'node:http';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Plan } from '@kamen/core';
import type { ProxyConfig, RouteRule } from '../config/types.js';
import { decodeWhole, encodeWhole, parseContentEncoding, type Coding } from '../http/content-encoding.js';
import { chooseEncoding } from '../http/request-headers.js';
import { bodyErrorCode } from '../http/upstream-error.js';
import { proxyError, type ProxyErrorCode } from '../errors.js';
import type { RevealMatcher } from '../grants/reveal-matcher.js';
import { byteLimit, discard } from './body-stream.js';
import { decoderLabel, formatOf, matchesType, parseMediaType } from './content-type.js';
import type { MaskCounts } from './leaf-masker.js';
import type { MaskPool } from './mask-pool.js';
import { maskWhole, streamMasked, type BodyPlan } from './masked-stream.js';
import { collect, replay, wholeBodyLimit } from './whole-body.js';

export interface MaskedResponse {
  readonly res: ServerResponse;
  readonly status: number;
  /** Client headers without the body headers (see clientHeaders). */
  readonly headers: OutgoingHttpHeaders;
  readonly upstreamHeaders: Readonly<Record<string, string | string[] | undefined>>;
  readonly body: Readable;
  /** No body may be sent (HEAD, 204, 304). */
  readonly bodiless: boolean;
  readonly acceptEncoding: string | undefined;
  readonly plan: Plan;
  readonly route: RouteRule | undefined;
  readonly reveal: RevealMatcher | undefined;
  readonly config: ProxyConfig;
  readonly counts: MaskCounts;
  /** The runtime's worker pool for large bodies, with the role and tenant `plan` was compiled for. */
  readonly pool?: { readonly pool: MaskPool; readonly role: string; readonly tenant: string | undefined };
}

/** How a masked response ended: `masked`, `allowed` (allow-listed type, unchanged), or a failure code. */
export type MaskedOutcome =
  | { readonly kind: 'masked' | 'allowed' | 'empty' }
  | {
      readonly kind: 'blocked' | 'failed';
      readonly code: ProxyErrorCode;
      readonly status?: number;
      readonly aborted: boolean;
    };

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/**
 * Sends a response to a masked role: the body is decoded (charset, content codings, with caps), masked record by
 * record in its format and re-encoded per the client's Accept-Encoding. Nothing of the upstream body reaches the
 * client unless it went through the masker, or its type is allow-listed. Every failure ends in a 502/403 before
 * the first byte, or an aborted connection after it (FC-01, FC-04, PX-11).
 */
export async function respondMasked(r: MaskedResponse): Promise<MaskedOutcome> {
  const { res, config } = r;
  const media = parseMediaType(first(r.upstreamHeaders['content-type']));
  if (r.bodiless) {
    r.body.resume();
    const headers = {
      ...r.headers,
      ...(media !== undefined ? { 'content-type': first(r.upstreamHeaders['content-type']) } : {}),
    };
    res.writeHead(r.status, headers).end();
    return { kind: 'empty' };
  }
  const allow = [...config.content.allowTypes, ...(r.route?.allowTypes ?? [])];
  const format = media !== undefined ? formatOf(media) : undefined;
  if (media !== undefined && format === undefined && matchesType(media.essence, allow)) {
    // Allow-listed (images, fonts…): declared never to hold personal data, passed unchanged.
    const headers: OutgoingHttpHeaders = { ...r.headers, 'content-type': first(r.upstreamHeaders['content-type']) };
    for (const h of ['content-length', 'content-encoding'])
      if (r.upstreamHeaders[h] !== undefined) headers[h] = r.upstreamHeaders[h];
    res.writeHead(r.status, headers);
    try {
      await pipeline(r.body, byteLimit(config.limits.maxBodyBytes, 'KAMEN_PROXY_ERR_BODY_LIMIT', 'body'), res);
      return { kind: 'allowed' };
    } catch (err) {
      res.destroy();
      return { kind: 'failed', code: bodyErrorCode(err), aborted: true };
    }
  }
  const charset = media !== undefined ? decoderLabel(media.charset) : undefined;
  if (media === undefined || format === undefined || charset === undefined) {
    discard(r.body);
    return {
      kind: 'blocked',
      code: 'KAMEN_PROXY_ERR_CONTENT_TYPE',
      status: config.content.blockStatus,
      aborted: false,
    };
  }
  let codings: Coding[];
  try {
    codings = parseContentEncoding(r.upstreamHeaders['content-encoding'], config.limits.maxEncodingLayers);
  } catch (err) {
    discard(r.body);
    return { kind: 'failed', code: bodyErrorCode(err), aborted: false };
  }
  const coding = format === 'sse' ? undefined : chooseEncoding(r.acceptEncoding);
  const headers: OutgoingHttpHeaders = { ...r.headers, 'content-type': `${media.essence}; charset=utf-8` };
  if (coding !== undefined) headers['content-encoding'] = coding;
  const b: BodyPlan = { format, charset, codings, coding, headers };
  // Events must go out as they happen: SSE always streams.
  const limit = format === 'sse' ? -1 : wholeBodyLimit(config, r.pool?.pool);
  if (limit < 0 || declaredLength(r.upstreamHeaders) > limit) return streamMasked(r, b, r.body);
  let source: Readable;
  try {
    const got = await collect(r.body, limit);
    if (got.whole) {
      const decoded = decodeWhole(got.bytes, codings, limit);
      if (decoded !== undefined) return sendWhole(r, b, decoded);
      source = replay([got.bytes]); // a layer decodes to more than the limit: streamed, with the real caps
    } else source = replay(got.head, got.rest);
  } catch (err) {
    discard(r.body);
    return { kind: 'failed', code: bodyErrorCode(err), aborted: false };
  }
  return streamMasked(r, b, source);
}

/**
 * A small body, read and decoded whole, masked in one pass of its codec and sent with a Content-Length: the same
 * output as the streaming path (records do not depend on chunking, ST-01) without a pipeline of streams per
 * response. Nothing is written before the whole body is masked, so every failure is a clean 502.
 */
function sendWhole(r: MaskedResponse, b: BodyPlan, bytes: Buffer): MaskedOutcome {
  const max = r.config.limits.maxBodyBytes;
  let out: Buffer;
  try {
    const text = new TextDecoder(b.charset, { fatal: true }).decode(bytes);
    const masked = Buffer.from(maskWhole(r, b.format, text), 'utf8');
    if (masked.length > max) throw proxyError('KAMEN_PROXY_ERR_BODY_LIMIT', `masked body exceeds ${max} bytes`);
    out = b.coding !== undefined ? encodeWhole(b.coding, masked) : masked;
  } catch (err) {
    return { kind: 'failed', code: bodyErrorCode(err), aborted: false };
  }
  r.res.writeHead(r.status, { ...b.headers, 'content-length': out.length }).end(out);
  return { kind: 'masked' };
}

/** The upstream's Content-Length, or -1 when it sent none (or an unusable one): then the body is read to see. */
function declaredLength(headers: MaskedResponse['upstreamHeaders']): number {
  const v = first(headers['content-length']);
  return v !== undefined && /^\d+$/.test(v) ? Number(v) : -1;
}
