import { myNumberCheckDigit } from '@kamen/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startProxy, startUpstream, type Harness } from './helpers/proxy-harness.js';

// Issue 4 through the proxy: My Numbers sent as JSON numbers inside arrays, in JSON, NDJSON and SSE data.
const myNumbers = ['31415926535', '27182818284', '16180339887'].map((b) => `${b}${myNumberCheckDigit(b)}`);
const employees = myNumbers.map((n, i) => ({ no: i, 個人番号: [Number(n)], scores: [i, 7] }));
const json = JSON.stringify({ employees, ids: myNumbers.map(Number) });
const BODIES: Record<string, { type: string; body: string }> = {
  '/json': { type: 'application/json', body: json },
  '/ndjson': { type: 'application/x-ndjson', body: employees.map((e) => `${JSON.stringify(e)}\n`).join('') },
  '/sse': { type: 'text/event-stream', body: employees.map((e) => `data: ${JSON.stringify(e)}\n\n`).join('') },
};

describe('proxy: numbers inside JSON arrays are masked (issue 4)', () => {
  let upstream: Awaited<ReturnType<typeof startUpstream>>;
  let h: Harness;
  beforeAll(async () => {
    upstream = await startUpstream((req, res) => {
      const b = BODIES[req.url ?? ''];
      if (b === undefined) return void res.writeHead(404).end();
      res.writeHead(200, { 'content-type': b.type }).end(b.body);
    });
    h = await startProxy(upstream.url);
  }, 60_000);
  afterAll(async () => {
    await h.close();
    await upstream.close();
  });

  it.each(Object.keys(BODIES))('%s: no My Number survives for support, other numbers stay numbers', async (path) => {
    const r = await h.fetch(path, { role: 'support' });
    expect(r.status).toBe(200);
    for (const n of myNumbers) expect(r.text).not.toContain(n);
    expect(r.text).toContain('"scores":[0,7]');
  });

  it('admin sees them unchanged', async () => {
    expect((await h.fetch('/json', { role: 'admin' })).text).toBe(json);
  });
});
