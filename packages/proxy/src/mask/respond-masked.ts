import type { OutgoingHttpHeaders, ServerResponse } from 'node:http';
import type { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Plan } from '@kamen/core';
import type { ProxyConfig, RouteRule } from '../config/types.js';
import { decoders, encoder, parseContentEncoding } from '../http/content-encoding.js';
import { chooseEncoding } from '../http/request-headers.js';
import { ResponseSink } from '../http/response-sink.js';
import { bodyErrorCode } from '../http/upstream-error.js';
import type { ProxyErrorCode } from '../errors.js';
import type { RevealMatcher } from '../grants/reveal-matcher.js';
import { createBodyCodec, createPoolableDecoder } from './body-codec.js';
import { byteLimit, maskStream } from './body-stream.js';
import { decoderLabel, formatOf, matchesType, parseMediaType, type BodyFormat } from './content-type.js';
import { createFieldDecider, type RouteFields } from './field-decider.js';
import { createLeafMasker, type MaskCounts } from './leaf-masker.js';
import type { MaskPool } from './mask-pool.js';
import { pooledMaskStream } from './pooled-stream.js';

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

/** One object for "no route fields": the field decider caches per route object. */
const NO_FIELDS: RouteFields = Object.freeze({});
const fieldIds = new WeakMap<RouteFields, string>();
const fieldsId = (fields: RouteFields): string => {
  let id = fieldIds.get(fields);
  if (id === undefined) fieldIds.set(fields, (id = JSON.stringify(fields)));
  return id;
};

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
  let stages: Transform[];
  const coding = format === 'sse' ? undefined : chooseEncoding(r.acceptEncoding);
  try {
    const codings = parseContentEncoding(r.upstreamHeaders['content-encoding'], config.limits.maxEncodingLayers);
    stages = [
      byteLimit(config.limits.maxBodyBytes, 'KAMEN_PROXY_ERR_BODY_LIMIT', 'upstream body'),
      ...decoders(codings, config.limits.maxDecompressedBytes),
      masker(r, format, charset),
      byteLimit(config.limits.maxBodyBytes, 'KAMEN_PROXY_ERR_BODY_LIMIT', 'masked body'),
      ...(coding !== undefined ? [encoder(coding)] : []),
    ];
  } catch (err) {
    discard(r.body);
    return { kind: 'failed', code: bodyErrorCode(err), aborted: false };
  }
  const headers: OutgoingHttpHeaders = { ...r.headers, 'content-type': `${media.essence}; charset=utf-8` };
  if (coding !== undefined) headers['content-encoding'] = coding;
  // Events must reach the client as they happen; everything else is held up to a bound to get a Content-Length.
  const sink = new ResponseSink(res, r.status, headers, format === 'sse' ? 0 : config.limits.bufferBytes);
  try {
    await pipeline([r.body, ...stages, sink]);
    return { kind: 'masked' };
  } catch (err) {
    discard(r.body);
    const code = bodyErrorCode(err);
    if (sink.committed) res.destroy();
    return { kind: 'failed', code, aborted: sink.committed };
  }
}

/**
 * The masking stage: pooled (inline until the body is large, then in the workers) when the runtime has a pool and
 * the format has records to batch; inline otherwise. A request with a reveal grant is always masked inline: the
 * grant's matcher and its audit trail live in this thread.
 */
function masker(r: MaskedResponse, format: BodyFormat, charset: string): Transform {
  const fields = (r.route?.fields ?? NO_FIELDS) as RouteFields;
  const decider = createFieldDecider(r.plan, fields);
  const transform = createLeafMasker(r.plan, {
    fields,
    ...(r.reveal !== undefined ? { reveal: r.reveal } : {}),
    counts: r.counts,
    decider,
  });
  const limits = { maxStringLength: r.config.limits.maxRecordBytes };
  const decoder = r.pool !== undefined && r.reveal === undefined ? createPoolableDecoder(format, limits) : undefined;
  if (r.pool === undefined || decoder === undefined)
    return maskStream(createBodyCodec(format, limits, transform, r.config.content.htmlInlineScripts), charset);
  return pooledMaskStream({
    decoder,
    charset,
    jsonNumbers: format === 'json' || format === 'ndjson',
    transform,
    decider,
    pool: r.pool.pool,
    task: { role: r.pool.role, tenant: r.pool.tenant, fields, fieldsId: fieldsId(fields) },
    counts: r.counts,
  });
}

/** Drops an upstream body we will not use (destroying it aborts the upstream request; its error is expected). */
export function discard(body: Readable): void {
  body.on('error', () => undefined);
  body.destroy();
}
