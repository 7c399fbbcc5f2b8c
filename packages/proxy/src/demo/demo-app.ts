import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { generateEmployees, type Employee, type GeneratedEmployee } from './employees.js';
import { EMPLOYEE_PAGE } from './page.js';
import { toCsv, toNdjson, toSseEvents, toXml } from './render.js';

export interface DemoAppOptions {
  /** Employees in the app (default 3,300: the CSV export of all of them is about 1 MB). */
  readonly employees?: number;
  /** Employees per `/api/employees` page unless `?limit=` says otherwise (default 42: about 20 KB of JSON). */
  readonly pageSize?: number;
  readonly seed?: number;
}

export interface DemoApp {
  /** The app's people, with the values written into each one's free-text 備考 (tests look for them). */
  readonly employees: readonly GeneratedEmployee[];
  listen(port?: number, host?: string): Promise<{ url: string }>;
  close(): Promise<void>;
}

export const DEMO_EMPLOYEES = 3300;
export const DEMO_PAGE_SIZE = 42;

interface Body {
  readonly type: string;
  readonly data: Buffer;
  /** Served gzip-compressed to clients that accept it (the proxy must decompress, mask, re-compress). */
  readonly gzip?: boolean;
  readonly headers?: Record<string, string>;
}

/**
 * The demo HR application: a plain node:http server with SYNTHETIC employees. Routes: `/` (HTML page whose script
 * fetches the API), `GET /api/employees[?limit=&offset=]` (JSON, gzip), `/api/employees/:id` (JSON or a
 * problem+json 404), `/api/employees.xml`, `/api/employees.ndjson` and `/api/events` (streamed, chunked),
 * `/export/employees.csv[?limit=]` (CSV attachment, gzip), `/healthz`. Bodies are built once per URL and cached, so
 * the app costs little next to a proxy in front of it.
 */
export function createDemoApp(options: DemoAppOptions = {}): DemoApp {
  const employees = generateEmployees(options.employees ?? DEMO_EMPLOYEES, options.seed);
  const records = employees.map((e) => e.record);
  const byId = new Map(records.map((e) => [e.社員番号, e]));
  const pageSize = options.pageSize ?? DEMO_PAGE_SIZE;
  const cache = new Map<string, Body & { gz?: Buffer }>();
  const etag = `"demo-${records.length}-${options.seed ?? 'default'}"`;

  const slice = (q: URLSearchParams, defaultLimit: number): readonly Employee[] => {
    const offset = Math.max(0, Number.parseInt(q.get('offset') ?? '0', 10) || 0);
    const limit = Math.max(0, Number.parseInt(q.get('limit') ?? String(defaultLimit), 10) || 0);
    return records.slice(offset, offset + limit);
  };

  /** The body for a path, or the detail of a 404. */
  const route = (path: string, q: URLSearchParams): Body | string => {
    const json = (v: unknown, type = 'application/json; charset=utf-8'): Body => ({
      type,
      data: Buffer.from(JSON.stringify(v)),
      gzip: true,
    });
    if (path === '/') return { type: 'text/html; charset=utf-8', data: Buffer.from(EMPLOYEE_PAGE) };
    if (path === '/healthz') return { type: 'text/plain; charset=utf-8', data: Buffer.from('ok\n') };
    if (path === '/api/employees') {
      const page = slice(q, pageSize);
      return { ...json({ total: records.length, employees: page }), headers: { etag } };
    }
    if (path === '/api/employees.xml') return { type: 'application/xml', data: Buffer.from(toXml(slice(q, pageSize))) };
    if (path === '/export/employees.csv')
      return {
        type: 'text/csv; charset=utf-8',
        data: Buffer.from(toCsv(slice(q, records.length))),
        gzip: true,
        headers: { 'content-disposition': 'attachment; filename="employees.csv"', 'last-modified': STARTED },
      };
    const m = /^\/api\/employees\/([A-Za-z0-9]+)$/.exec(path);
    if (m === null) return 'no such route';
    const e = byId.get(m[1] as string);
    return e === undefined ? 'no such employee' : json(e);
  };

  const handle = (req: IncomingMessage, res: ServerResponse): void => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD', 'content-type': 'text/plain' }).end('method not allowed\n');
      return;
    }
    const url = new URL(req.url ?? '/', 'http://demo.invalid');
    if (url.pathname === '/api/employees.ndjson' || url.pathname === '/api/events') {
      const sse = url.pathname === '/api/events';
      const page = slice(url.searchParams, pageSize);
      const chunks = sse ? toSseEvents(page) : toNdjson(page).split(/(?<=\n)/);
      res.writeHead(200, {
        'content-type': sse ? 'text/event-stream; charset=utf-8' : 'application/x-ndjson',
        'cache-control': 'no-cache',
      });
      streamChunks(res, chunks);
      return;
    }
    const key = url.pathname + url.search;
    let body = cache.get(key);
    if (body === undefined) {
      const built = route(url.pathname, url.searchParams);
      if (typeof built === 'string') {
        res.writeHead(404, { 'content-type': 'application/problem+json' });
        res.end(JSON.stringify({ type: 'about:blank', title: 'Not Found', status: 404, detail: built }));
        return;
      }
      body = built.gzip ? { ...built, gz: gzipSync(built.data) } : built;
      // Only bounded query variants are cached (a client cannot grow the cache without limit).
      if (cache.size < 256) cache.set(key, body);
    }
    const useGzip = body.gz !== undefined && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '');
    const data = useGzip ? (body.gz as Buffer) : body.data;
    res.writeHead(200, {
      'content-type': body.type,
      'content-length': data.length,
      ...(body.gz !== undefined ? { vary: 'accept-encoding' } : {}),
      ...(useGzip ? { 'content-encoding': 'gzip' } : {}),
      ...body.headers,
    });
    res.end(req.method === 'HEAD' ? undefined : data);
  };

  let server: Server | undefined;
  return {
    employees,
    async listen(port = 0, host = '127.0.0.1') {
      const s = createServer({ keepAliveTimeout: 30_000 }, handle);
      server = s;
      await new Promise<void>((resolve, reject) => {
        s.once('error', reject);
        s.listen(port, host, () => resolve());
      });
      const a = s.address() as AddressInfo;
      return { url: `http://${a.family === 'IPv6' ? `[${a.address}]` : a.address}:${a.port}` };
    },
    async close() {
      const s = server;
      if (s === undefined) return;
      server = undefined;
      await new Promise<void>((resolve) => {
        s.close(() => resolve());
        s.closeAllConnections();
      });
    },
  };
}

const STARTED = new Date().toUTCString();

/** Writes the chunks one per event-loop turn, so clients (and proxies) really receive a chunked stream. */
function streamChunks(res: ServerResponse, chunks: readonly string[]): void {
  let i = 0;
  const next = (): void => {
    if (res.destroyed) return;
    if (i >= chunks.length) {
      res.end();
      return;
    }
    res.write(chunks[i++] as string);
    setImmediate(next);
  };
  next();
}
