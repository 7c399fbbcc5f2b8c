import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Employee, GeneratedEmployee } from '../../packages/proxy/src/demo/employees.js';
import type { RunningDemo } from '../../packages/proxy/src/demo/start-demo.js';
import {
  BROWSER_REQUIRED,
  CHROMIUM_AVAILABLE,
  CHROMIUM_PATH,
  MISSING_CHROMIUM_NOTE,
  launchChromium,
} from './chromium.js';

// The demo HR page, loaded in a real Chromium THROUGH the kamen proxy: its script fetches the JSON API, so what the
// user sees is what the proxy let through. As support, no synthetic personal value may appear in the rendered text
// or in any response the page received; as admin, the same page shows the real values.

it.runIf(!CHROMIUM_AVAILABLE)('real-browser test: needs Chromium (npm run test:browser)', () => {
  console.warn(`\n⚠ ${MISSING_CHROMIUM_NOTE}\n`);
  expect(BROWSER_REQUIRED, `npm run test:browser needs Chromium at ${CHROMIUM_PATH}`).toBe(false);
});

const PAGE_SIZE = 42;

interface Visit {
  readonly text: string;
  readonly rows: number;
  /** Every response the page received: URL, status and body text. */
  readonly responses: readonly { url: string; status: number; body: string }[];
}

/** The values support must never see, per employee: whole values, the given name, the e-mail's local part. */
function secretsOf(e: GeneratedEmployee): string[] {
  const r: Employee = e.record;
  const given = r.氏名.split(' ')[1] as string;
  const givenKana = r.フリガナ.split(' ')[1] as string;
  const local = r.メール.slice(0, r.メール.indexOf('@'));
  const whole = [r.氏名, r.フリガナ, r.生年月日, r.郵便番号, r.住所, r.電話番号, r.メール, r.個人番号, r.口座, r.備考];
  return [...whole, given, givenKana, local, ...e.remarkValues];
}

// The proxy and the demo load only when the browser tests run (they take seconds to import on a busy machine).
const loadDemo = () => import('../../packages/proxy/src/demo/start-demo.js');
const ROLE = 'x-kamen-role';
const USER = 'x-kamen-user';

describe.runIf(CHROMIUM_AVAILABLE)('demo HR page in Chromium through the proxy', () => {
  let demo: RunningDemo;
  let browser: Browser;
  let shown: readonly GeneratedEmployee[];

  beforeAll(async () => {
    const { startDemo, DEMO_ROLE_HEADER, DEMO_USER_HEADER } = await loadDemo();
    expect([DEMO_ROLE_HEADER, DEMO_USER_HEADER]).toEqual([ROLE, USER]);
    demo = await startDemo({ port: 0, appPort: 0, app: { employees: 100, pageSize: PAGE_SIZE } });
    shown = demo.app.employees.slice(0, PAGE_SIZE);
    browser = await launchChromium(); // one launch; each visit gets its own context (no shared cache or cookies)
  }, 90_000); // rules, dictionaries and a browser: seconds each on a busy 2-core machine
  afterAll(async () => {
    await browser?.close();
    await demo?.close();
  });

  /** Loads the page with `headers` on every request, and `apiHeaders` added to the API call only. */
  async function visit(headers: Record<string, string>, apiHeaders: Record<string, string> = {}): Promise<Visit> {
    const context = await browser.newContext({ extraHTTPHeaders: headers });
    try {
      const page = await context.newPage();
      if (Object.keys(apiHeaders).length > 0)
        await page.route('**/api/employees', (route) =>
          route.continue({ headers: { ...route.request().headers(), ...apiHeaders } }),
        );
      const pending: Promise<{ url: string; status: number; body: string }>[] = [];
      page.on('response', (res) => {
        pending.push(
          res.body().then(
            (b) => ({ url: res.url(), status: res.status(), body: b.toString('utf8') }),
            () => ({ url: res.url(), status: res.status(), body: '' }),
          ),
        );
      });
      const main = await page.goto(`${demo.proxyUrl}/`);
      expect(main?.status(), 'the page itself').toBe(200);
      await page.waitForSelector('body[data-state]', { timeout: 15_000 });
      expect(await page.getAttribute('body', 'data-state'), await page.innerText('#status')).toBe('ready');
      const text = await page.innerText('body');
      const rows = await page.locator('#employees tbody tr').count();
      return { text, rows, responses: await Promise.all(pending) };
    } finally {
      await context.close();
    }
  }

  it('as support, shows the masked table and no personal value anywhere the page can see', async () => {
    const v = await visit({ [ROLE]: 'support' });
    expect(v.rows).toBe(PAGE_SIZE);
    expect(v.responses.map((r) => new URL(r.url).pathname)).toEqual(expect.arrayContaining(['/', '/api/employees']));
    for (const e of shown) {
      // What support is meant to see: the surname (built-in support policy) and partial masks.
      expect(v.text).toContain(e.record.氏名.split(' ')[0]);
      for (const secret of secretsOf(e)) {
        expect(v.text, `rendered page shows ${e.record.社員番号}'s value`).not.toContain(secret);
        for (const r of v.responses)
          expect(r.body, `${r.url} carries ${e.record.社員番号}'s value`).not.toContain(secret);
      }
    }
  });

  it('as admin, the same page shows the real values', async () => {
    const v = await visit({ [ROLE]: 'admin' });
    expect(v.rows).toBe(PAGE_SIZE);
    for (const { record } of shown)
      for (const value of [record.氏名, record.フリガナ, record.住所, record.電話番号, record.メール, record.個人番号])
        expect(v.text).toContain(value);
  });

  it('with a customer-signed grant, shows exactly the granted field of the granted employees', async () => {
    const { issueGrant } = await import('../../packages/proxy/src/grants/index.js');
    const { auditKeyFromRing, verifyAuditLog } = await import('../../packages/proxy/src/audit/index.js');
    const { loadKeyRing } = await import('@kamen/core');
    const keys = loadKeyRing(demo.keyFile);
    const granted = shown.slice(0, 2);
    const { token } = await issueGrant({
      keys,
      subject: 'alice',
      routes: ['GET /api/employees'],
      recordKey: '社員番号',
      records: granted.map((e) => e.record.社員番号),
      fields: ['電話番号'],
      reason: 'employee asked for a call back',
      ticket: 'SUP-1234',
      ttlSec: 300,
    });
    const v = await visit({ [ROLE]: 'support', [USER]: 'alice' }, { 'x-kamen-grant': token });
    expect(v.rows).toBe(PAGE_SIZE);
    for (const e of shown) {
      const isGranted = granted.includes(e);
      if (isGranted) expect(v.text).toContain(e.record.電話番号);
      for (const secret of secretsOf(e).filter((x) => !isGranted || x !== e.record.電話番号)) {
        expect(v.text).not.toContain(secret);
        for (const r of v.responses) expect(r.body).not.toContain(secret);
      }
    }
    // The reveal is on record: a verified hash-chained entry naming the ticket and the field, never the values.
    const verdict = await verifyAuditLog(demo.auditLog, { key: auditKeyFromRing(keys) });
    expect(verdict).toMatchObject({ ok: true, macsChecked: true });
    const log = readFileSync(demo.auditLog, 'utf8');
    expect(log).toContain('SUP-1234');
    expect(log).toContain('電話番号');
    for (const e of granted) for (const secret of secretsOf(e)) expect(log).not.toContain(secret);
  });

  it('without a role header, serves the most restrictive view', async () => {
    const v = await visit({});
    for (const e of shown) for (const secret of secretsOf(e)) expect(v.text).not.toContain(secret);
  });
});
