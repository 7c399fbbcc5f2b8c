import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { maskText } from '@kamen/core';
import type { Logger } from 'pino';
import type { ProxyConfig } from './config/types.js';
import { proxyError } from './errors.js';
import { handleRequest } from './http/handle-request.js';
import { sendProxyError } from './http/send-error.js';
import { createLogger } from './ops/logger.js';
import { createMetrics, type ProxyMetrics } from './ops/metrics.js';
import { createRevealer } from './reveal.js';
import { createRuntime, type Runtime } from './runtime.js';

/** A running (or ready to run) proxy. */
export interface KamenProxy {
  /** Starts listening on config.listen; resolves with the base URL (`http://127.0.0.1:8080`). */
  listen(): Promise<{ url: string }>;
  /**
   * Graceful shutdown: stops accepting, answers new requests on open connections with 503, lets in-flight requests
   * finish for up to `graceMs` (default 10 s), then closes every connection and the upstream pool.
   */
  close(graceMs?: number): Promise<void>;
  /**
   * Applies a new config without dropping requests: policy, keys, identity, routes, limits and upstream are swapped
   * for new requests; in-flight ones finish with the old. `listen` changes need a restart (they are ignored, and
   * logged). Throws (and keeps the old config) if the new one is unusable.
   */
  reload(config: ProxyConfig): void;
  /** The config in effect. */
  readonly config: ProxyConfig;
  /** Prometheus registry of this proxy (served at /metrics). */
  readonly metrics: ProxyMetrics;
  readonly logger: Logger;
}

/** In-process options that have no config-file form. */
export interface ProxyOptions {
  /** Where JSON log lines go (default: stdout). */
  readonly logStream?: NodeJS.WritableStream;
  /** Also export Node process metrics (default false; `kamen proxy` turns them on). */
  readonly processMetrics?: boolean;
  /** Path or file: URL of the mask worker module (default: the built dist/mask/worker.js); for tests. */
  readonly maskWorker?: string;
}

const OPS = new Set(['/healthz', '/readyz', '/metrics']);

/**
 * Creates the masking reverse proxy (docs/proxy.md). Policy, keys and identity settings are loaded and checked here,
 * so a bad config fails before anything listens.
 */
export async function createProxy(config: ProxyConfig, options: ProxyOptions = {}): Promise<KamenProxy> {
  const log = createLogger(config.log.level, options.logStream);
  const metrics = createMetrics(options.processMetrics ?? false);
  let runtime: Runtime = createRuntime(config, options.maskWorker);
  const revealer = await createRevealer(config, log);
  warm(runtime);
  if (runtime.policies.ephemeralKeys)
    log.warn('no keyFile: an ephemeral key is used; pseudonyms differ per process and replica');
  let closing = false;
  let listening = false;
  /** Requests in flight across every runtime (a reload leaves old ones finishing on the retired runtime). */
  let inflight = 0;
  const sockets = new Set<Socket>();

  const ops = async (path: string, res: ServerResponse) => {
    if (path === '/metrics') {
      const body = await metrics.registry.metrics();
      res.writeHead(200, { 'content-type': metrics.registry.contentType, 'cache-control': 'no-store' }).end(body);
      return;
    }
    const ok = path === '/healthz' || (!closing && listening);
    res
      .writeHead(ok ? 200 : 503, { 'content-type': 'text/plain', 'cache-control': 'no-store' })
      .end(ok ? 'ok\n' : 'draining\n');
  };

  const server = createServer(
    {
      maxHeaderSize: config.limits.maxHeaderBytes,
      requestTimeout: config.limits.requestTimeoutMs,
      headersTimeout: config.limits.headersTimeoutMs,
      keepAliveTimeout: config.limits.keepAliveTimeoutMs,
      insecureHTTPParser: false,
      joinDuplicateHeaders: false,
    },
    (req: IncomingMessage, res: ServerResponse) => {
      if (OPS.has(req.url ?? '') && (req.method === 'GET' || req.method === 'HEAD')) {
        void ops(req.url as string, res);
        return;
      }
      if (closing) {
        res.shouldKeepAlive = false;
        sendProxyError(res, 'KAMEN_PROXY_ERR_UNAVAILABLE');
        return;
      }
      const rt = runtime;
      rt.active++;
      inflight++;
      const requestId = randomUUID();
      res.setHeader('x-kamen-request-id', requestId);
      void handleRequest(req, res, { runtime: rt, revealer, metrics, log, requestId }).finally(() => release(rt));
    },
  );
  // Node drops headers past maxHeadersCount silently; the guard counts them itself and answers 431 (PX-09).
  server.maxHeadersCount = 0;
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  // Protocol upgrades (WebSocket, h2c): no masker exists for a tunnel, so they are refused for every role (PX-06).
  server.on('upgrade', (_req: IncomingMessage, socket: Socket) => {
    metrics.requests.inc({ role: 'none', outcome: 'rejected' });
    const body = JSON.stringify({ error: { code: 'KAMEN_PROXY_ERR_UPGRADE_REFUSED', status: 426 } });
    socket.end(
      `HTTP/1.1 426 Upgrade Required\r\nconnection: close\r\ncontent-type: application/json\r\ncontent-length: ${body.length}\r\n\r\n${body}`,
    );
  });
  server.on('clientError', (err: NodeJS.ErrnoException, socket: Socket) => {
    metrics.requests.inc({ role: 'none', outcome: 'rejected' });
    if (!socket.writable || err.code === 'ECONNRESET') {
      socket.destroy();
      return;
    }
    const status =
      err.code === 'HPE_HEADER_OVERFLOW'
        ? '431 Request Header Fields Too Large'
        : err.code === 'ERR_HTTP_REQUEST_TIMEOUT'
          ? '408 Request Timeout'
          : '400 Bad Request';
    socket.end(`HTTP/1.1 ${status}\r\nconnection: close\r\ncontent-length: 0\r\n\r\n`);
  });

  const retired = new Set<Runtime>();
  const release = (rt: Runtime) => {
    rt.active--;
    inflight--;
    if (retired.has(rt) && rt.active === 0) {
      retired.delete(rt);
      void retire(rt);
    }
  };

  const handle: KamenProxy = {
    get config() {
      return runtime.config;
    },
    metrics,
    logger: log,
    listen: () =>
      new Promise((resolve, reject) => {
        server.once('error', (err) => reject(proxyError('KAMEN_PROXY_ERR_LISTEN', 'cannot listen', {}, err)));
        server.listen(config.listen.port, config.listen.host, () => {
          listening = true;
          const addr = server.address() as AddressInfo;
          const host = addr.family === 'IPv6' ? `[${addr.address}]` : addr.address;
          log.info({ port: addr.port }, 'listening');
          resolve({ url: `http://${host}:${addr.port}` });
        });
      }),
    reload(next) {
      const fresh = createRuntime(next, options.maskWorker);
      warm(fresh);
      const old = runtime;
      runtime = fresh;
      if (next.listen.host !== old.config.listen.host || next.listen.port !== old.config.listen.port)
        log.warn('listen address changed: restart to apply it');
      if (JSON.stringify([next.grants, next.audit]) !== JSON.stringify([old.config.grants, old.config.audit]))
        log.warn('grants or audit settings changed: restart to apply them (one writer per audit log)');
      if (old.active === 0) void retire(old);
      else retired.add(old);
      log.info('config reloaded');
    },
    async close(graceMs = 10_000) {
      if (closing) return;
      closing = true;
      const closed = new Promise<void>((resolve) => (listening ? server.close(() => resolve()) : resolve()));
      server.closeIdleConnections();
      const deadline = Date.now() + graceMs;
      while (inflight > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      server.closeAllConnections();
      for (const s of sockets) s.destroy();
      await closed;
      await Promise.all(
        [runtime, ...retired].flatMap((r) => [r.upstream.destroy(), r.pool?.close() ?? Promise.resolve()]),
      );
      await revealer.close();
      log.info('closed');
    },
  };
  return handle;
}

/** A runtime no request uses any more: its upstream connections and mask workers go. */
async function retire(rt: Runtime): Promise<void> {
  await Promise.all([rt.upstream.close(), rt.pool?.close()]);
}

/**
 * Compiles every role's plan and runs one masking pass, so dictionaries and the scanner are loaded before the first
 * request (the first request would otherwise pay seconds of loading).
 */
function warm(rt: Runtime): void {
  for (const role of rt.policies.roles)
    maskText('山田 太郎 090-1234-5678 東京都千代田区', rt.policies.planFor(role, undefined));
}
