import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ProxyConfig } from './config/types.js';
import { PROXY_ERROR_STATUS, proxyError, type ProxyErrorCode } from './errors.js';

/** A running (or ready to run) proxy. */
export interface KamenProxy {
  /** Starts listening on config.listen; resolves with the base URL (`http://host:port`). */
  listen(): Promise<{ url: string }>;
  /** Stops accepting connections, lets in-flight requests finish (up to `graceMs`), then closes everything. */
  close(graceMs?: number): Promise<void>;
  /** The config in effect. */
  readonly config: ProxyConfig;
}

/** In-process options that have no config-file form. */
export interface ProxyOptions {
  /** Where JSON log lines go (default: stdout). */
  readonly logStream?: NodeJS.WritableStream;
}

/** Answers with the proxy's own error body: the code and status only, never upstream data (FC-06). */
export function sendProxyError(res: ServerResponse, code: ProxyErrorCode): void {
  const status = PROXY_ERROR_STATUS[code];
  const body = JSON.stringify({ error: { code, status } });
  if (!res.headersSent) {
    res.writeHead(status, {
      'content-type': 'application/json',
      'content-length': Buffer.byteLength(body),
      'cache-control': 'private, no-store',
      'x-content-type-options': 'nosniff',
    });
  }
  res.end(body);
}

/** Creates the proxy. Interim: health endpoints only; every proxied request is refused (503) until the path lands. */
export async function createProxy(config: ProxyConfig, _options: ProxyOptions = {}): Promise<KamenProxy> {
  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    if (req.url === '/healthz' || req.url === '/readyz') {
      res.writeHead(200, { 'content-type': 'text/plain' }).end('ok\n');
      return;
    }
    sendProxyError(res, 'KAMEN_PROXY_ERR_UNAVAILABLE');
  });
  return {
    config,
    listen: () =>
      new Promise((resolve, reject) => {
        server.once('error', (err) => reject(proxyError('KAMEN_PROXY_ERR_LISTEN', 'cannot listen', {}, err)));
        server.listen(config.listen.port, config.listen.host, () => {
          const addr = server.address() as AddressInfo;
          const host = addr.family === 'IPv6' ? `[${addr.address}]` : addr.address;
          resolve({ url: `http://${host}:${addr.port}` });
        });
      }),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
