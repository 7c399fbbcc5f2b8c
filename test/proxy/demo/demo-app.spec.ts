import { get as httpGet } from 'node:http';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemoApp, type DemoApp } from '../../../packages/proxy/src/demo/demo-app.js';
import { EMPLOYEE_FIELDS, generateEmployees, type Employee } from '../../../packages/proxy/src/demo/employees.js';
import { refMyNumberCheckDigit } from '../../helpers/reference-check-digits.js';

// The demo HR application is the upstream of `npm start`, the browser test and bench/proxy.ts: these tests pin
// what it serves, so a masking failure seen through the proxy is the proxy's, not the demo's.

let app: DemoApp;
let url: string;
beforeAll(async () => {
  app = createDemoApp({ employees: 120, pageSize: 10 });
  ({ url } = await app.listen());
});
afterAll(() => app.close());

const get = (path: string, headers: Record<string, string> = {}) => fetch(url + path, { headers });

describe('demo employees', () => {
  it('are deterministic, extend with the count, and carry valid My Numbers and unique ids', () => {
    const a = generateEmployees(50);
    expect(generateEmployees(50)).toEqual(a);
    expect(generateEmployees(80).slice(0, 50)).toEqual(a);
    expect(new Set(a.map((e) => e.record.社員番号)).size).toBe(50);
    for (const { record } of a) {
      expect(record.個人番号).toMatch(/^\d{12}$/);
      expect(Number(record.個人番号.slice(11))).toBe(refMyNumberCheckDigit(record.個人番号.slice(0, 11)));
      expect(record.電話番号).toMatch(/^0[789]0-\d{4}-\d{4}$/);
      expect(record.メール).toMatch(/@example\.(?:co\.jp|jp|com)$/);
      expect(Object.keys(record)).toEqual(EMPLOYEE_FIELDS);
    }
  });

  it('write every generated value of the 備考 into the 備考', () => {
    for (const e of generateEmployees(40)) for (const v of e.remarkValues) expect(e.record.備考).toContain(v);
  });

  it('differ with the seed', () => {
    expect(generateEmployees(5, 1)).not.toEqual(generateEmployees(5, 2));
  });
});

describe('demo HR application', () => {
  const records = (): Employee[] => app.employees.map((e) => e.record);

  it('serves a page of the employee list as JSON, and gzip to clients that accept it', async () => {
    const res = await get('/api/employees');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(res.headers.get('etag')).toMatch(/^"/);
    const body = (await res.json()) as { total: number; employees: Employee[] };
    expect(body.total).toBe(120);
    expect(body.employees).toEqual(records().slice(0, 10));

    const gz = await get('/api/employees?limit=3&offset=5', { 'accept-encoding': 'gzip' });
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    expect(gz.headers.get('vary')).toBe('accept-encoding');
    // fetch decompresses transparently; the header above shows what went over the wire.
    expect(((await gz.json()) as { employees: Employee[] }).employees).toEqual(records().slice(5, 8));
  });

  it('serves one employee, and a problem+json 404 for an unknown one', async () => {
    const one = records()[7] as Employee;
    expect(await (await get(`/api/employees/${one.社員番号}`)).json()).toEqual(one);
    const missing = await get('/api/employees/E99999');
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toBe('application/problem+json');
    expect(await missing.json()).toMatchObject({ status: 404, detail: 'no such employee' });
  });

  it('exports every employee as an RFC 4180 CSV attachment', async () => {
    const res = await get('/export/employees.csv');
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="employees.csv"');
    const lines = (await res.text()).split('\r\n');
    expect(lines[0]).toBe(EMPLOYEE_FIELDS.join(','));
    expect(lines).toHaveLength(120 + 2);
    expect(lines.at(-1)).toBe('');
    const first = records()[0] as Employee;
    expect(lines[1]?.startsWith(`${first.社員番号},${first.氏名},${first.フリガナ},`)).toBe(true);
  });

  it('sends the CSV gzip-compressed when asked, byte-identical once decompressed', async () => {
    const plain = Buffer.from(await (await get('/export/employees.csv?limit=20')).arrayBuffer());
    // node:http rather than fetch, which would decompress: the test wants the bytes on the wire.
    const [encoding, raw] = await new Promise<[string | undefined, Buffer]>((resolve, reject) => {
      httpGet(`${url}/export/employees.csv?limit=20`, { headers: { 'accept-encoding': 'gzip' } }, (r) => {
        const parts: Buffer[] = [];
        r.on('data', (c: Buffer) => parts.push(c));
        r.on('end', () => resolve([r.headers['content-encoding'], Buffer.concat(parts)]));
      }).on('error', reject);
    });
    expect(encoding).toBe('gzip');
    expect(gunzipSync(raw)).toEqual(plain);
  });

  it('serves XML with escaped values and one element per field', async () => {
    const res = await get('/api/employees.xml?limit=2');
    expect(res.headers.get('content-type')).toBe('application/xml');
    const xml = await res.text();
    expect(xml.match(/<employee id="E\d+">/g)).toHaveLength(2);
    const first = records()[0] as Employee;
    expect(xml).toContain(`<氏名>${first.氏名}</氏名>`);
    expect(xml).toContain(`<個人番号>${first.個人番号}</個人番号>`);
  });

  it('streams NDJSON and server-sent events, one employee per line / event', async () => {
    const nd = await get('/api/employees.ndjson?limit=4');
    expect(nd.headers.get('content-type')).toBe('application/x-ndjson');
    expect(nd.headers.get('transfer-encoding')).toBe('chunked');
    const lines = (await nd.text()).trimEnd().split('\n');
    expect(lines.map((l) => JSON.parse(l) as Employee)).toEqual(records().slice(0, 4));

    const sse = await get('/api/events?limit=3');
    expect(sse.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    const events = (await sse.text()).split('\n\n').filter((e) => e !== '');
    expect(events).toHaveLength(4);
    expect(events[0]).toContain(`id: ${(records()[0] as Employee).社員番号}`);
    expect(events[3]).toBe('event: end\ndata: {}');
  });

  it('serves the HTML page without any personal data in it', async () => {
    const res = await get('/');
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const html = await res.text();
    expect(html).toContain("fetch('/api/employees'");
    for (const e of records()) expect(html).not.toContain(e.氏名);
  });

  it('answers 404 for unknown routes and 405 for other methods', async () => {
    expect((await get('/nope')).status).toBe(404);
    const post = await fetch(`${url}/api/employees`, { method: 'POST', body: '{}' });
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET, HEAD');
  });
});
