import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KAMEN_BIN, runKamen } from '../helpers/run-kamen.js';
import { startUpstream } from './helpers/proxy-harness.js';

const dir = mkdtempSync(join(tmpdir(), 'kamen-proxy-cli-'));

describe('kamen proxy', () => {
  let upstream: Awaited<ReturnType<typeof startUpstream>>;
  beforeAll(async () => {
    upstream = await startUpstream((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"氏名":"山田 太郎","電話":"090-1234-5678"}');
    });
  }, 60_000);
  afterAll(() => upstream.close());

  it('documents its flags in --help', async () => {
    const r = await runKamen(['proxy', '--help']);
    expect(r.code).toBe(0);
    for (const flag of [
      '--config',
      '--upstream',
      '--listen',
      '--policy',
      '--key-file',
      '--role-header',
      '--trusted-proxy',
    ])
      expect(r.stdout).toContain(flag);
  });

  it('refuses to start on a bad config, naming file, line and column (exit 4)', async () => {
    const file = join(dir, 'bad.yaml');
    writeFileSync(file, 'upstream:\n  url: http://127.0.0.1:1\nlimits:\n  maxBodyBytes: lots\n');
    const r = await runKamen(['proxy', '--config', file]);
    expect(r.code).toBe(4);
    expect(r.stderr).toContain('KAMEN_PROXY_ERR_CONFIG_SCHEMA');
    expect(r.stderr).toContain(`${file}:4:17`);
    const none = await runKamen(['proxy']);
    expect(none.code).toBe(4);
    expect(none.stderr).toContain("required property 'upstream'");
  });

  it('serves masked responses, then drains and exits 0 on SIGTERM', async () => {
    const child = spawn(process.execPath, [
      KAMEN_BIN,
      'proxy',
      '--upstream',
      upstream.url,
      '--listen',
      '127.0.0.1:0',
      '--role-header',
      'x-role',
      '--trusted-proxy',
      '127.0.0.1/32',
    ]);
    let stdout = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    const url = await new Promise<string>((resolve, reject) => {
      let err = '';
      child.stderr.on('data', (d: Buffer) => {
        err += d.toString();
        const m = /listening on (http:\/\/\S+),/.exec(err);
        if (m?.[1] !== undefined) resolve(m[1]);
      });
      child.on('exit', () => reject(new Error(err)));
    });
    const support = await request(`${url}/x`, { headers: { 'x-role': 'support' } });
    const text = await support.body.text();
    expect(text).not.toContain('太郎');
    expect(text).not.toContain('1234');
    const admin = await request(`${url}/x`, { headers: { 'x-role': 'admin' } });
    expect(await admin.body.text()).toContain('山田 太郎');
    const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(stdout).toContain('"outcome":"masked"');
    expect(stdout).not.toContain('太郎');
  });
});
