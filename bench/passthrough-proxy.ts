import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pipeline } from 'node:stream/promises';
import { Pool } from 'undici';

/**
 * The benchmark's reference point: a plain reverse proxy on the same stack as kamen (node:http in front, an undici
 * keep-alive pool behind) that forwards bodies untouched. What kamen costs on top of it is masking, not proxying.
 * Not a product: no limits, no header policy beyond dropping hop-by-hop headers.
 */
export interface PassthroughProxy {
  listen(port?: number, host?: string): Promise<{ url: string }>;
  close(): Promise<void>;
}

const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-authenticate',
  'proxy-authorization',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'host',
]);

function forwardable(headers: IncomingHttpHeaders | Record<string, string | string[] | undefined>) {
  const named = new Set(
    String(headers.connection ?? '')
      .toLowerCase()
      .split(',')
      .map((t) => t.trim()),
  );
  const out: Record<string, string | string[]> = {};
  for (const [k, v] of Object.entries(headers)) if (v !== undefined && !HOP_BY_HOP.has(k) && !named.has(k)) out[k] = v;
  return out;
}

export function createPassthroughProxy(upstream: string, connections = 128): PassthroughProxy {
  const pool = new Pool(upstream, { connections, keepAliveTimeout: 30_000 });
  const server: Server = createServer({ keepAliveTimeout: 30_000 }, (req, res) => {
    pool
      .request({
        method: req.method as 'GET',
        path: req.url ?? '/',
        headers: forwardable(req.headers),
        body: req.method === 'GET' || req.method === 'HEAD' ? null : req,
      })
      .then(async (up) => {
        res.writeHead(up.statusCode, forwardable(up.headers));
        await pipeline(up.body, res);
      })
      .catch(() => {
        if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' }).end('bad gateway\n');
        else res.destroy();
      });
  });
  return {
    listen: (port = 0, host = '127.0.0.1') =>
      new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          const a = server.address() as AddressInfo;
          resolve({ url: `http://${a.address}:${a.port}` });
        });
      }),
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await pool.close();
    },
  };
}
