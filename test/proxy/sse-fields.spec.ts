import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hrTable, leaked, HR_HEADER } from '../helpers/hr-dataset.js';
import { startProxy, startUpstream, type Harness } from './helpers/proxy-harness.js';

// Issue 5: an SSE event's id (the demo sends the employee number there), event name, comments and unknown fields
// reach the client too, not only its data lines.
const table = hrTable(8, 11);
const records = table.rows.map((row) => Object.fromEntries(HR_HEADER.map((h, i) => [h, row[i]])));
const ids = records.map((r) => r['社員番号'] as string);
const pii = [...table.pii, ...ids];
const events = records.map((r) => {
  const { 個人番号: myNumber, ...rest } = r;
  // The My Number travels as a JSON number, the phone in a comment, the e-mail in a field clients ignore.
  const data = `${JSON.stringify(rest).slice(0, -1)},"個人番号":${(myNumber as string).normalize('NFKC').replace(/\D/g, '')}}`;
  return `: 電話 ${r['電話番号']}\nevent: employee\nid: ${r['社員番号']}\nx-mail: ${r['メール']}\ndata: ${data}\n\n`;
});

describe('proxy: every field of an SSE event is masked (issue 5)', () => {
  let upstream: Awaited<ReturnType<typeof startUpstream>>;
  let h: Harness;
  beforeAll(async () => {
    upstream = await startUpstream((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      // One event per write, a tick apart: the proxy sees a real stream, not one buffer.
      let i = 0;
      const next = () => {
        if (i === events.length) return void res.end();
        res.write(events[i++]);
        setImmediate(next);
      };
      next();
    });
    h = await startProxy(upstream.url);
  }, 60_000);
  afterAll(async () => {
    await h.close();
    await upstream.close();
  });

  it('upstream really sends the values', async () => {
    const r = await fetch(`${upstream.url}/`);
    expect(leaked(await r.text(), pii)).toEqual(pii);
  });

  it('lets no synthetic personal value through in any line, for support', async () => {
    const r = await h.fetch('/events', { role: 'support' });
    expect(r.status).toBe(200);
    const lines = r.text.split('\n');
    for (const line of lines) expect(leaked(line, pii), line).toEqual([]);
    expect(leaked(r.text, pii)).toEqual([]);
  });

  it('masks the id like the data value it repeats and keeps the event structure', async () => {
    const got = (await h.fetch('/events', { role: 'support' })).text.split('\n\n').filter(Boolean);
    expect(got).toHaveLength(records.length);
    for (const e of got) {
      const fields = e.split('\n').map((l) => l.slice(0, l.indexOf(':') + 1));
      expect(fields).toEqual([':', 'event:', 'id:', 'x-mail:', 'data:']);
      expect(e).toContain('\nevent: employee\n');
      const data = JSON.parse(/^data: (.*)$/m.exec(e)?.[1] ?? '') as Record<string, unknown>;
      expect(/^id: (.*)$/m.exec(e)?.[1]).toBe(data['社員番号']);
      expect(typeof data['個人番号']).toBe('string');
    }
  });
});
