import type { OutgoingHttpHeaders } from 'node:http';
import type { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { maskJsonWhole, type FormatTransform, type TextCodec } from '@kamen/core';
import { decoders, encoder, type Coding } from '../http/content-encoding.js';
import { ResponseSink } from '../http/response-sink.js';
import { bodyErrorCode } from '../http/upstream-error.js';
import { createBodyCodec, createPoolableDecoder } from './body-codec.js';
import { byteLimit, discard, maskStream } from './body-stream.js';
import type { BodyFormat } from './content-type.js';
import { createFieldDecider, type FieldDecider, type RouteFields } from './field-decider.js';
import { createLeafMasker } from './leaf-masker.js';
import { pooledMaskStream } from './pooled-stream.js';
import type { MaskedOutcome, MaskedResponse } from './respond-masked.js';

/** How one masked body is read and written: decided once from the response and request headers. */
export interface BodyPlan {
  readonly format: BodyFormat;
  /** The WHATWG label of the declared charset (the body is decoded strictly in it). */
  readonly charset: string;
  /** Content codings of the upstream body, in the order they were applied. */
  readonly codings: readonly Coding[];
  /** Coding of the masked output (from Accept-Encoding), or none. */
  readonly coding: Coding | undefined;
  /** Client headers for the masked body (no Content-Length). */
  readonly headers: OutgoingHttpHeaders;
}

/** One object for "no route fields": the field decider caches per route object. */
const NO_FIELDS: RouteFields = Object.freeze({});
const fieldIds = new WeakMap<RouteFields, string>();
const fieldsId = (fields: RouteFields): string => {
  let id = fieldIds.get(fields);
  if (id === undefined) fieldIds.set(fields, (id = JSON.stringify(fields)));
  return id;
};

/** The leaf masker of one body (its route's fields, the grant's matcher, the counts) and its field decider. */
export function leafTransform(r: MaskedResponse): {
  transform: FormatTransform;
  decider: FieldDecider;
  fields: RouteFields;
} {
  const fields = (r.route?.fields ?? NO_FIELDS) as RouteFields;
  const decider = createFieldDecider(r.plan, fields);
  const transform = createLeafMasker(r.plan, {
    fields,
    ...(r.reveal !== undefined ? { reveal: r.reveal } : {}),
    counts: r.counts,
    decider,
  });
  return { transform, decider, fields };
}

const bodyLimits = (r: MaskedResponse): { maxStringLength: number } => ({
  maxStringLength: r.config.limits.maxRecordBytes,
});

const codecOver = (r: MaskedResponse, format: BodyFormat, transform: FormatTransform): TextCodec =>
  createBodyCodec(format, bodyLimits(r), transform, r.config.content.htmlInlineScripts);

/** The inline text codec of one body: the format's codec over the body's leaf masker. */
export function bodyCodec(r: MaskedResponse, format: BodyFormat): TextCodec {
  return codecOver(r, format, leafTransform(r).transform);
}

/**
 * A whole body's text masked: what bodyCodec's codec writes for it. A JSON document goes through maskJsonWhole
 * (one scan, the unchanged text copied in runs; the same bytes); one it does not take (malformed, a limit reached)
 * goes through the codec, with the same transform (untouched until the scan succeeds), which reports the error.
 */
export function maskWhole(r: MaskedResponse, format: BodyFormat, text: string): string {
  const { transform } = leafTransform(r);
  if (format === 'json' && typeof transform !== 'function') {
    const masked = maskJsonWhole(text, bodyLimits(r), transform);
    if (masked !== undefined) return masked;
  }
  const codec = codecOver(r, format, transform);
  return codec.write(text) + codec.end();
}

/**
 * Streams a masked body: caps, decoders, the masker, the output cap and encoder, into a sink that holds the output
 * up to limits.bufferBytes (then a clean 502 is still possible) and streams the rest (then a failure aborts).
 */
export async function streamMasked(r: MaskedResponse, b: BodyPlan, source: Readable): Promise<MaskedOutcome> {
  const { limits } = r.config;
  let stages: Transform[];
  try {
    stages = [
      byteLimit(limits.maxBodyBytes, 'KAMEN_PROXY_ERR_BODY_LIMIT', 'upstream body'),
      ...decoders(b.codings, limits.maxDecompressedBytes),
      masker(r, b.format, b.charset),
      byteLimit(limits.maxBodyBytes, 'KAMEN_PROXY_ERR_BODY_LIMIT', 'masked body'),
      ...(b.coding !== undefined ? [encoder(b.coding)] : []),
    ];
  } catch (err) {
    discard(source, r.body);
    return { kind: 'failed', code: bodyErrorCode(err), aborted: false };
  }
  // Events must reach the client as they happen; everything else is held up to a bound to get a Content-Length.
  const sink = new ResponseSink(r.res, r.status, b.headers, b.format === 'sse' ? 0 : limits.bufferBytes);
  try {
    await pipeline([source, ...stages, sink]);
    return { kind: 'masked' };
  } catch (err) {
    discard(source, r.body);
    if (sink.committed) r.res.destroy();
    return { kind: 'failed', code: bodyErrorCode(err), aborted: sink.committed };
  }
}

/**
 * The masking stage: pooled (inline until the body is large, then in the workers) when the runtime has a pool and
 * the format has records to batch; inline otherwise. A request with a reveal grant is always masked inline: the
 * grant's matcher and its audit trail live in this thread.
 */
function masker(r: MaskedResponse, format: BodyFormat, charset: string): Transform {
  const limits = { maxStringLength: r.config.limits.maxRecordBytes };
  const decoder = r.pool !== undefined && r.reveal === undefined ? createPoolableDecoder(format, limits) : undefined;
  if (r.pool === undefined || decoder === undefined) return maskStream(bodyCodec(r, format), charset);
  const { transform, decider, fields } = leafTransform(r);
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
