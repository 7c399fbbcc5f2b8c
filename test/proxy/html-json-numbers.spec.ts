import { myNumberCheckDigit } from '@kamen/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startProxy, startUpstream, type Harness } from './helpers/proxy-harness.js';

// A page that embeds its data as JSON (as server-rendered apps do: JSON scripts, or a script that only assigns a
// JSON document), with My Numbers written as JSON numbers.
const myNumbers = ['31415926535', '27182818284', '16180339887'].map((b) => `${b}${myNumberCheckDigit(b)}`);
const employees = myNumbers.map((n, i) => ({ no: i + 1, 個人番号: Number(n), scores: [i, 7] }));
const data = JSON.stringify({ employees, total: employees.length });
const person = JSON.stringify({ '@context': 'https://schema.org', '@type': 'Person', myNumber: Number(myNumbers[0]) });
const page =
  '<!doctype html><html><head><title>社員</title>' +
  `<script type="application/ld+json">${person}</script></head>` +
  `<body><div id="app"></div><script type="application/json" id="data">${data}</script>` +
  `<script>window.__STATE__ = ${JSON.stringify({ employees })};</script></body></html>`;

const embedded = (html: string, type: string): unknown => {
  const m = new RegExp(`<script type="${type.replace('+', '\\+')}"[^>]*>(.*?)</script>`, 's').exec(html);
  return JSON.parse(m?.[1] ?? 'null') as unknown;
};

describe('proxy: numbers in JSON embedded in HTML are masked', () => {
  let upstream: Awaited<ReturnType<typeof startUpstream>>;
  let h: Harness;
  beforeAll(async () => {
    upstream = await startUpstream((req, res) => {
      if (req.url !== '/page') return void res.writeHead(404).end();
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page);
    });
    h = await startProxy(upstream.url);
  }, 60_000);
  afterAll(async () => {
    await h.close();
    await upstream.close();
  });

  it('support: no My Number survives, other numbers stay numbers, the embedded JSON stays valid', async () => {
    const r = await h.fetch('/page', { role: 'support' });
    expect(r.status).toBe(200);
    for (const n of myNumbers) expect(r.text).not.toContain(n);
    const got = embedded(r.text, 'application/json') as { employees: Record<string, unknown>[]; total: unknown };
    expect(got.total).toBe(3);
    expect(got.employees.map((e) => [e['no'], e['scores']])).toEqual(employees.map((e) => [e.no, e.scores]));
    for (const e of got.employees) expect(Object.keys(e)).toEqual(['no', '個人番号', 'scores']);
    const state = JSON.parse(/window\.__STATE__ = (.*?);<\/script>/s.exec(r.text)?.[1] ?? '') as typeof got;
    expect(state.employees.map((e) => [e['no'], e['scores']])).toEqual(employees.map((e) => [e.no, e.scores]));
    expect(Object.keys(embedded(r.text, 'application/ld+json') as object)).toEqual(['@context', '@type', 'myNumber']);
  });

  it('admin sees the page unchanged', async () => {
    expect((await h.fetch('/page', { role: 'admin' })).text).toBe(page);
  });
});
