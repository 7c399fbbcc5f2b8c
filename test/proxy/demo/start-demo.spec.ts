import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateEmployees, type Employee } from '../../../packages/proxy/src/demo/employees.js';
import { DEMO_ROLE_HEADER } from '../../../packages/proxy/src/demo/start-demo.js';

// `npm start` is `node packages/proxy/dist/demo/main.js` after the build (npm test builds in its typecheck step):
// this runs that very file on free ports, reads the URLs it prints, asks for one employee as each role, and stops
// it with SIGINT as Ctrl-C would.

const MAIN = fileURLToPath(new URL('../../../packages/proxy/dist/demo/main.js', import.meta.url));
const first = (generateEmployees(1)[0] as { record: Employee }).record;

describe('npm start (the proxy demo)', () => {
  let child: ChildProcessWithoutNullStreams;
  let output = '';
  let proxyUrl: string;
  let appUrl: string;

  beforeAll(async () => {
    child = spawn(process.execPath, [MAIN, '--port', '0', '--app-port', '0'], { stdio: 'pipe' });
    child.stdout.setEncoding('utf8').on('data', (d: string) => (output += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (output += d));
    while (!output.includes('Press Ctrl-C')) {
      const exited = once(child, 'exit').then(() => 'exit' as const);
      if ((await Promise.race([once(child.stdout, 'data').then(() => 'data' as const), exited])) === 'exit')
        throw new Error(`demo exited early:\n${output}`);
    }
    proxyUrl = (/kamen proxy in front of it:\s+(http:\S+?)\/\n/.exec(output) as RegExpExecArray)[1] as string;
    appUrl = (/HR application \(upstream, unmasked\):\s+(http:\S+?)\/\n/.exec(output) as RegExpExecArray)[1] as string;
  }, 60_000); // the proxy loads the rules and dictionaries at start: seconds on a busy 2-core machine
  afterAll(() => {
    if (child.exitCode === null) child.kill('SIGKILL');
  });

  const employee = async (role: string | undefined): Promise<Record<string, unknown>> => {
    const res = await fetch(`${proxyUrl}/api/employees/${first.社員番号}`, {
      headers: role === undefined ? {} : { [DEMO_ROLE_HEADER]: role },
    });
    expect(res.status).toBe(200);
    return (await res.json()) as Record<string, unknown>;
  };

  it('prints the URLs and the curl lines for admin and support', () => {
    expect(output).toContain(`curl -s -H '${DEMO_ROLE_HEADER}: admin' ${proxyUrl}/api/employees/${first.社員番号}`);
    expect(output).toContain(`curl -s -H '${DEMO_ROLE_HEADER}: support' ${proxyUrl}/api/employees/${first.社員番号}`);
    expect(appUrl).not.toBe(proxyUrl);
  });

  it('shows admin the employee as the application holds it', async () => {
    const direct = await (await fetch(`${appUrl}/api/employees/${first.社員番号}`)).json();
    expect(await employee('admin')).toEqual(direct);
    expect(direct).toEqual(first);
  });

  it('shows support a masked employee: surname and partial masks, nothing identifying', async () => {
    const e = await employee('support');
    const body = JSON.stringify(e);
    for (const value of [
      first.氏名,
      first.電話番号,
      first.メール,
      first.個人番号,
      first.住所,
      first.口座,
      first.生年月日,
    ])
      expect(body).not.toContain(value);
    expect(e.氏名).toMatch(new RegExp(`^${first.氏名.split(' ')[0]}\\s`));
    expect(e.個人番号).not.toMatch(/\d/);
    expect(e.電話番号).toBe(`${first.電話番号.slice(0, 4)}****${first.電話番号.slice(8)}`);
  });

  it('masks every format the application serves, streamed and compressed ones included', async () => {
    const people = generateEmployees(5).map((e) => e.record);
    const secrets = people.flatMap((e) => [e.氏名, e.電話番号, e.メール, e.個人番号, e.住所, e.口座]);
    for (const path of [
      '/api/employees?limit=5',
      '/api/employees.xml?limit=5',
      '/api/employees.ndjson?limit=5',
      '/api/events?limit=5',
      '/export/employees.csv?limit=5',
    ]) {
      const direct = await (await fetch(`${appUrl}${path}`)).text();
      for (const v of secrets) expect(direct).toContain(v); // the application does serve them
      const res = await fetch(`${proxyUrl}${path}`, {
        headers: { [DEMO_ROLE_HEADER]: 'support', 'accept-encoding': 'gzip' },
      });
      expect(res.status, path).toBe(200);
      const masked = await res.text();
      for (const v of secrets) expect(masked, `${path} carries a personal value`).not.toContain(v);
      for (const e of people) expect(masked, path).toContain(e.氏名.split(' ')[0]); // masked, not dropped
    }
  });

  it('gives a request without a role the most restrictive view, not the clear one', async () => {
    const body = JSON.stringify(await employee(undefined));
    for (const value of [first.氏名, first.電話番号, first.メール, first.個人番号]) expect(body).not.toContain(value);
  });

  it('stops cleanly on SIGINT', async () => {
    const exited = once(child, 'exit');
    child.kill('SIGINT');
    const [code] = (await exited) as [number | null];
    expect(code).toBe(0);
    await expect(fetch(`${proxyUrl}/healthz`)).rejects.toThrow();
  });
});
