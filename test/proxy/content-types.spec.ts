import { XMLValidator } from 'fast-xml-parser';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hrTable, leaked, toCsv, HR_HEADER } from '../helpers/hr-dataset.js';
import { startProxy, startUpstream, type Harness } from './helpers/proxy-harness.js';

const table = hrTable(12, 7);
const records = table.rows.map((row) => Object.fromEntries(HR_HEADER.map((h, i) => [h, row[i]])));
const json = JSON.stringify({ employees: records });
const ndjson = records.map((r) => JSON.stringify(r)).join('\n') + '\n';
const csv = toCsv(table);
const tsv = toCsv(table, '\t');
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
const xml =
  '<?xml version="1.0" encoding="UTF-8"?>\n<staff>' +
  records
    .map(
      (r) =>
        `<person id="${r['社員番号']}"><name>${esc(r['氏名'] as string)}</name><phone>${r['電話番号']}</phone><mail>${r['メール']}</mail><note>${esc(r['備考'] as string)}</note></person>`,
    )
    .join('') +
  '</staff>\n';
const text = records.map((r) => `${r['氏名']}様 電話 ${r['電話番号']} メール ${r['メール']}`).join('\n') + '\n';
const sse = records.map((r, i) => `event: employee\nid: ${i}\ndata: ${JSON.stringify(r)}\n\n`).join('');
const html =
  '<!doctype html><html><head><title>社員</title></head><body><table>' +
  records.map((r) => `<tr><td>${r['氏名']}様</td><td title="${r['メール']}">${r['電話番号']}</td></tr>`).join('') +
  `</table><script type="application/json">${json}</script>` +
  `<script>const first = ${JSON.stringify(records[0]?.['氏名'])}; // ${records[0]?.['電話番号']}\n</script></body></html>`;
const problem = JSON.stringify({
  type: 'about:blank',
  title: 'Not found',
  detail: `no employee with e-mail ${records[0]?.['メール']}`,
});

const BODIES: Record<string, { type: string; body: string | Buffer; status?: number }> = {
  '/json': { type: 'application/json', body: json },
  '/vendor': { type: 'application/vnd.kamen.employees+json', body: json },
  '/numbers': { type: 'application/json', body: '{"給与":5234567,"個人番号":123456789018,"count":3}' },
  '/problem': { type: 'application/problem+json', body: problem, status: 404 },
  '/error': { type: 'application/json', body: json, status: 500 },
  '/ndjson': { type: 'application/x-ndjson', body: ndjson },
  '/csv': { type: 'text/csv; charset=utf-8', body: csv },
  '/tsv': { type: 'text/tab-separated-values', body: tsv },
  '/xml': { type: 'application/xml', body: xml },
  '/text': { type: 'text/plain; charset=utf-8', body: text },
  '/sse': { type: 'text/event-stream', body: sse },
  '/html': { type: 'text/html; charset=utf-8', body: html },
  '/sjis': { type: 'text/plain; charset=shift_jis', body: iconv.encode(text.replace(/\u2212/g, '\uff0d'), 'cp932') },
  '/pdf': { type: 'application/pdf', body: `%PDF-1.4 ${text}` },
  '/octet': { type: 'application/octet-stream', body: text },
  '/multipart': { type: 'multipart/form-data; boundary=x', body: `--x\r\n\r\n${text}\r\n--x--` },
  '/png': { type: 'image/png', body: Buffer.from([0x89, 0x50, 0x4e, 0x47]) },
  '/badcharset': { type: 'text/plain; charset=x-unknown', body: text },
  '/badutf8': {
    type: 'text/plain; charset=utf-8',
    body: Buffer.concat([Buffer.from(text), Buffer.from([0xff, 0xfe])]),
  },
};

describe('proxy: content types (FC-02, FC-07, FC-06)', () => {
  let upstream: Awaited<ReturnType<typeof startUpstream>>;
  let h: Harness;
  beforeAll(async () => {
    upstream = await startUpstream((req, res) => {
      if (req.url === '/none') {
        res.removeHeader('content-type');
        res.end(text);
        return;
      }
      const b = BODIES[req.url ?? ''];
      if (b === undefined) return void res.writeHead(404).end();
      res.writeHead(b.status ?? 200, { 'content-type': b.type }).end(b.body);
    });
    h = await startProxy(upstream.url, { content: { allowTypes: ['image/*'] } });
  }, 60_000);
  afterAll(async () => {
    await h.close();
    await upstream.close();
  });

  it.each(['/json', '/vendor', '/ndjson', '/csv', '/tsv', '/xml', '/text', '/sse', '/html'])(
    '%s: no generated PII reaches support',
    async (path) => {
      const r = await h.fetch(path, { role: 'support' });
      expect(r.status).toBe(200);
      expect(leaked(r.text, table.pii)).toEqual([]);
      expect(r.headers['content-type']).toMatch(/; charset=utf-8$/);
      if (path !== '/sse') expect(Number(r.headers['content-length'])).toBe(r.body.length);
    },
  );

  it('keeps structure: same JSON shape, same CSV rows and columns, well-formed XML, same NDJSON lines', async () => {
    const j = JSON.parse((await h.fetch('/json', { role: 'support' })).text) as { employees: Record<string, string>[] };
    expect(j.employees.map((e) => Object.keys(e))).toEqual(records.map((e) => Object.keys(e)));
    expect(j.employees.map((e) => e['部署'])).toEqual(records.map((e) => e['部署']));
    const rows = (await h.fetch('/csv', { role: 'support' })).text.trimEnd().split('\n');
    expect(rows).toHaveLength(table.rows.length + 1);
    expect(rows[0]).toBe(HR_HEADER.join(','));
    expect(rows.every((row) => row.split(',').length === HR_HEADER.length)).toBe(true);
    expect(XMLValidator.validate((await h.fetch('/xml', { role: 'support' })).text)).toBe(true);
    const lines = (await h.fetch('/ndjson', { role: 'support' })).text.trimEnd().split('\n');
    expect(lines.map((l) => Object.keys(JSON.parse(l) as object))).toEqual(records.map((e) => Object.keys(e)));
    const events = (await h.fetch('/sse', { role: 'support' })).text.split('\n\n').filter(Boolean);
    expect(events).toHaveLength(records.length);
    for (const e of events)
      expect(Object.keys(JSON.parse(/^data: (.*)$/m.exec(e)?.[1] ?? '') as object)).toEqual(HR_HEADER);
    const page = (await h.fetch('/html', { role: 'support' })).text;
    expect(page.match(/<tr>/g)).toHaveLength(records.length);
    expect(page).toContain('<script>const first = "');
  });

  it('masks JSON member numbers too (a salary or My Number sent as a number)', async () => {
    const r = await h.fetch('/numbers', { role: 'support' });
    const body = JSON.parse(r.text) as Record<string, unknown>;
    expect(body['給与']).not.toBe(5234567);
    expect(String(body['個人番号'])).not.toContain('123456789018');
    expect(body['count']).toBe(3);
  });

  it('masks upstream error bodies like 2xx, keeping the status (FC-06)', async () => {
    const p = await h.fetch('/problem', { role: 'support' });
    expect(p.status).toBe(404);
    expect(p.headers['content-type']).toBe('application/problem+json; charset=utf-8');
    expect(leaked(p.text, table.pii)).toEqual([]);
    const e = await h.fetch('/error', { role: 'support' });
    expect(e.status).toBe(500);
    expect(leaked(e.text, table.pii)).toEqual([]);
  });

  it.each(['/pdf', '/octet', '/multipart', '/none', '/badcharset'])(
    '%s is blocked for support with no body byte',
    async (path) => {
      const r = await h.fetch(path, { role: 'support' });
      expect(r.status).toBe(403);
      expect(JSON.parse(r.text)).toEqual({ error: { code: 'KAMEN_PROXY_ERR_CONTENT_TYPE', status: 403 } });
      expect(leaked(r.text, table.pii)).toEqual([]);
    },
  );

  it('decodes a declared Shift_JIS body and serves it masked as UTF-8', async () => {
    const r = await h.fetch('/sjis', { role: 'support' });
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(r.text.split('\n')).toHaveLength(text.split('\n').length);
    expect(leaked(r.text, table.pii)).toEqual([]);
  });

  it('fails invalid UTF-8 with 502, never U+FFFD passthrough (EN-07)', async () => {
    const r = await h.fetch('/badutf8', { role: 'support' });
    expect(r.status).toBe(502);
    expect(JSON.parse(r.text)).toEqual({ error: { code: 'KAMEN_PROXY_ERR_MASK', status: 502 } });
  });

  it('passes allow-listed types unchanged', async () => {
    const r = await h.fetch('/png', { role: 'support' });
    expect(r.status).toBe(200);
    expect(r.body).toEqual(BODIES['/png']?.body);
  });

  it('gives admin the upstream body unchanged, whatever the type', async () => {
    for (const path of ['/json', '/csv', '/pdf', '/xml']) {
      const r = await h.fetch(path, { role: 'admin' });
      expect(r.text).toBe(BODIES[path]?.body);
    }
  });

  it('gives an unknown role the restrictive view, never clear text', async () => {
    const r = await h.fetch('/json', { role: 'root' });
    expect(r.status).toBe(200);
    expect(leaked(r.text, table.pii)).toEqual([]);
    const none = await h.fetch('/json');
    expect(leaked(none.text, table.pii)).toEqual([]);
  });
});
