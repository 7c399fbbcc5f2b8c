import type { IncomingMessage, ServerResponse } from 'node:http';
import { pipeline } from 'node:stream/promises';
import { maskText, type Plan } from '@kamen/core';
import type { Logger } from 'pino';
import type { Dispatcher } from 'undici';
import { PROXY_ERROR_STATUS, type ProxyErrorCode } from '../errors.js';
import { byteLimit } from '../mask/body-stream.js';
import type { MaskCounts } from '../mask/leaf-masker.js';
import { respondMasked } from '../mask/respond-masked.js';
import type { ProxyMetrics } from '../ops/metrics.js';
import type { ActiveReveal, Revealer } from '../reveal.js';
import type { Runtime } from '../runtime.js';
import type { RouteRule } from '../config/types.js';
import type { Identity } from '../identity/identity.js';
import { guardRequest, type GuardedRequest } from './request-guard.js';
import { upstreamHeaders } from './request-headers.js';
import { clientHeaders } from './response-headers.js';
import { sendProxyError } from './send-error.js';
import { upstreamErrorKind } from './upstream-error.js';

export interface RequestContext {
  readonly runtime: Runtime;
  readonly revealer: Revealer;
  readonly metrics: ProxyMetrics;
  readonly log: Logger;
  readonly requestId: string;
}

interface Outcome {
  role: string;
  outcome: string;
  status?: number;
  code?: ProxyErrorCode;
  route?: number;
  path?: string;
}

const BODILESS = new Set([204, 304]);

/** One proxied request, from the guard to the last byte. Never throws: every failure becomes a response or abort. */
export async function handleRequest(req: IncomingMessage, res: ServerResponse, ctx: RequestContext): Promise<void> {
  const started = performance.now();
  const o: Outcome = { role: 'none', outcome: 'rejected' };
  const counts: MaskCounts = new Map();
  const fail = (code: ProxyErrorCode, outcome: string, status?: number) => {
    o.outcome = outcome;
    o.code = code;
    o.status = status ?? PROXY_ERROR_STATUS[code];
    sendProxyError(res, code, o.status);
  };
  try {
    await proxy(req, res, ctx, o, counts, fail);
  } catch (err) {
    ctx.log.error({ reqId: ctx.requestId, err: { code: (err as { code?: unknown }).code } }, 'internal error');
    fail('KAMEN_PROXY_ERR_MASK', 'failed');
  } finally {
    const seconds = (performance.now() - started) / 1000;
    ctx.metrics.requests.inc({ role: o.role, outcome: o.outcome });
    ctx.metrics.latency.observe({ role: o.role, outcome: o.outcome }, seconds);
    for (const [type, n] of counts) ctx.metrics.maskedValues.inc({ type }, n);
    const refused = o.outcome === 'blocked' || o.outcome === 'failed' || o.outcome === 'aborted';
    if (refused && o.code !== undefined && o.code !== 'KAMEN_PROXY_ERR_UPSTREAM')
      ctx.metrics.blocked.inc({ reason: (o.code ?? 'unknown').replace('KAMEN_PROXY_ERR_', '').toLowerCase() });
    ctx.log.info(
      {
        reqId: ctx.requestId,
        method: req.method,
        path: o.path,
        route: o.route,
        role: o.role,
        outcome: o.outcome,
        status: o.status ?? res.statusCode,
        code: o.code,
        masked: [...counts.values()].reduce((a, b) => a + b, 0),
        ms: Math.round(seconds * 1e4) / 10,
      },
      'request',
    );
  }
}

async function proxy(
  req: IncomingMessage,
  res: ServerResponse,
  ctx: RequestContext,
  o: Outcome,
  counts: MaskCounts,
  fail: (code: ProxyErrorCode, outcome: string, status?: number) => void,
): Promise<void> {
  const rt = ctx.runtime;
  const { config } = rt;
  const guard = guardRequest(req, config.limits);
  if (!guard.ok) {
    res.shouldKeepAlive = false;
    return fail(guard.code, 'rejected');
  }
  const g = guard.request;
  const identity = await rt.identity({
    headers: req.headers,
    remoteAddress: req.socket.remoteAddress,
    rawHeaders: req.rawHeaders,
  });
  if (!identity.ok) {
    return identity.status === 401
      ? fail('KAMEN_PROXY_ERR_UNAUTHENTICATED', 'unauthenticated')
      : fail('KAMEN_PROXY_ERR_UNAVAILABLE', 'unavailable');
  }
  o.role = identity.role;
  const masked = !rt.policies.isUnmasked(identity.role);
  const plan = rt.policies.planFor(identity.role, identity.tenant);
  // Paths can hold personal data (/employees/yamada@example.jp): logged only after masking.
  // Detection runs on the percent-decoded path (EN-05: /employees/taro%40example.jp).
  o.path = maskText(
    decodePath(g.path),
    masked ? plan : rt.policies.planFor(rt.identity.restrictiveRole, undefined),
  ).text;
  if (req.headers.upgrade !== undefined && masked) return fail('KAMEN_PROXY_ERR_UPGRADE_REFUSED', 'rejected');
  const route = rt.route(req.method ?? 'GET', g.path);
  o.route = route?.index;
  let reveal: ActiveReveal | undefined;
  const grant = req.headers[ctx.revealer.header];
  if (masked && grant !== undefined && ctx.revealer.enabled) {
    const decision = await ctx.revealer.decide({
      token: grant,
      identity,
      method: req.method ?? 'GET',
      path: g.path,
      requestId: ctx.requestId,
    });
    if (!decision.ok) return fail(decision.code, 'refused');
    reveal = decision.reveal;
  }
  try {
    await forward(req, res, ctx, o, counts, fail, { g, identity, masked, plan, route: route?.rule, reveal });
  } finally {
    await reveal?.finish(o.outcome === 'masked' ? 'completed' : 'failed');
  }
}

interface Decided {
  readonly g: GuardedRequest;
  readonly identity: Identity & { ok: true };
  readonly masked: boolean;
  readonly plan: Plan;
  readonly route: RouteRule | undefined;
  readonly reveal: ActiveReveal | undefined;
}

async function forward(
  req: IncomingMessage,
  res: ServerResponse,
  ctx: RequestContext,
  o: Outcome,
  counts: MaskCounts,
  fail: (code: ProxyErrorCode, outcome: string, status?: number) => void,
  { g, identity, masked, plan, route, reveal }: Decided,
): Promise<void> {
  const rt = ctx.runtime;
  const { config } = rt;

  const abort = new AbortController();
  res.on('close', () => {
    if (!res.writableFinished) abort.abort();
  });
  let up: Dispatcher.ResponseData;
  try {
    up = await rt.upstream.request({
      path: rt.basePath + g.path + g.query,
      method: (req.method ?? 'GET') as Dispatcher.HttpMethod,
      headers: upstreamHeaders(req, {
        masked,
        maskedEncoding: config.upstream.maskedEncoding,
        identityHeaders: [...rt.identity.identityHeaders, ctx.revealer.header],
        upstreamHost: rt.upstreamHost,
        clientAddress: identity.clientAddress,
        contentLength: g.contentLength,
      }),
      body: g.hasBody
        ? req.pipe(byteLimit(config.limits.maxRequestBodyBytes, 'KAMEN_PROXY_ERR_REQUEST_TOO_LARGE', 'request body'))
        : null,
      signal: abort.signal,
    });
  } catch (err) {
    if ((err as { code?: unknown }).code === 'KAMEN_PROXY_ERR_REQUEST_TOO_LARGE')
      return fail('KAMEN_PROXY_ERR_REQUEST_TOO_LARGE', 'rejected');
    // Counted by kind; the message is not logged (undici messages may carry the upstream URL).
    ctx.metrics.upstreamErrors.inc({ kind: upstreamErrorKind(err) });
    return fail('KAMEN_PROXY_ERR_UPSTREAM', 'upstream_error');
  }
  const headers = clientHeaders(up.headers, {
    masked,
    varyOn: [...rt.varyOn, ctx.revealer.header],
    maskText: (text) => maskText(text, plan).text,
  });
  const bodiless = req.method === 'HEAD' || BODILESS.has(up.statusCode) || up.statusCode < 200;
  if (!masked) {
    o.outcome = 'passthrough';
    o.status = up.statusCode;
    for (const h of ['content-type', 'content-length', 'content-encoding'])
      if (up.headers[h] !== undefined) headers[h] = up.headers[h];
    res.writeHead(up.statusCode, headers);
    try {
      await pipeline(up.body, res);
    } catch (err) {
      o.outcome = 'aborted';
      ctx.metrics.upstreamErrors.inc({ kind: upstreamErrorKind(err) });
      res.destroy();
    }
    return;
  }
  const result = await respondMasked({
    res,
    status: up.statusCode,
    headers,
    upstreamHeaders: up.headers,
    body: up.body,
    bodiless,
    acceptEncoding: req.headers['accept-encoding'],
    plan,
    route,
    reveal: reveal?.matcher,
    config,
    counts,
    ...(rt.pool !== undefined ? { pool: { pool: rt.pool, role: identity.role, tenant: identity.tenant } } : {}),
  });
  if (result.kind !== 'blocked' && result.kind !== 'failed') {
    o.outcome = result.kind === 'empty' ? 'masked' : result.kind;
    o.status = up.statusCode;
    return;
  }
  counts.clear();
  if (result.code === 'KAMEN_PROXY_ERR_UPSTREAM') ctx.metrics.upstreamErrors.inc({ kind: 'reset' });
  if (result.aborted) {
    o.outcome = 'aborted';
    o.code = result.code;
    return;
  }
  fail(result.code, result.kind, result.status);
}

function decodePath(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}
