import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { request } from 'undici';
import { createProxy, loadProxyConfig, type KamenProxy } from '@kamen/proxy';

export type UpstreamHandler = (req: IncomingMessage, res: ServerResponse) => void;

/** A real upstream HTTP server on loopback. */
export async function startUpstream(
  handler: UpstreamHandler,
): Promise<{ url: string; server: Server; close(): Promise<void> }> {
  const server = createServer(handler);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    server,
    close: () =>
      new Promise((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

/** Collects the proxy's JSON log lines (to grep them for PII). */
export class LogSink extends Writable {
  readonly lines: string[] = [];
  override _write(chunk: Buffer, _enc: BufferEncoding, done: () => void): void {
    this.lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    done();
  }
  get text(): string {
    return this.lines.join('\n');
  }
}

export interface Harness {
  readonly url: string;
  readonly proxy: KamenProxy;
  readonly logs: LogSink;
  close(): Promise<void>;
  /** GET (or other) through the proxy as `role` (sent in x-kamen-role from loopback, a trusted address). */
  fetch(path: string, init?: FetchInit): Promise<RawResponse>;
}

export interface FetchInit {
  readonly role?: string;
  readonly method?: string;
  readonly headers?: Record<string, string>;
  readonly body?: string;
}

export interface RawResponse {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: Buffer;
  readonly text: string;
}

/** A proxy in front of `upstreamUrl`, with builtin policies and the role taken from `x-kamen-role` (loopback trusted). */
export async function startProxy(upstreamUrl: string, extra: Record<string, unknown> = {}): Promise<Harness> {
  const logs = new LogSink();
  const { identity, ...rest } = extra as { identity?: Record<string, unknown> };
  const config = loadProxyConfig({
    upstream: { url: upstreamUrl },
    listen: { host: '127.0.0.1', port: 0 },
    identity: { roleHeader: 'x-kamen-role', trustedProxies: ['127.0.0.1/32', '::1/128'], ...identity },
    ...rest,
  });
  const proxy = await createProxy(config, { logStream: logs });
  const { url } = await proxy.listen();
  return {
    url,
    proxy,
    logs,
    close: () => proxy.close(1000),
    async fetch(path, init = {}) {
      const headers: Record<string, string> = { ...init.headers };
      if (init.role !== undefined) headers['x-kamen-role'] = init.role;
      const res = await request(url + path, {
        method: (init.method ?? 'GET') as 'GET',
        headers,
        ...(init.body !== undefined ? { body: init.body } : {}),
      });
      const body = Buffer.from(await res.body.arrayBuffer());
      return { status: res.statusCode, headers: res.headers, body, text: body.toString('utf8') };
    },
  };
}
