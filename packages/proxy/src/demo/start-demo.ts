import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateKeyFile } from '@kamen/core';
import type { ProxyConfig } from '../config/types.js';
import { loadProxyConfig } from '../config/load.js';
import { GRANT_DEFAULTS } from '../grants/grant-config.js';
import { createProxy, type KamenProxy } from '../proxy.js';
import { createDemoApp, type DemoApp, type DemoAppOptions } from './demo-app.js';

/** The headers the demo proxy takes the role and the user from; trusted only from loopback (a stand-in for a front proxy). */
export const DEMO_ROLE_HEADER = 'x-kamen-role';
export const DEMO_USER_HEADER = 'x-kamen-user';

export interface DemoOptions {
  /** Proxy port (0 = any free port). */
  readonly port?: number;
  /** Demo HR application port (0 = any free port). */
  readonly appPort?: number;
  readonly host?: string;
  /**
   * Key file for keyed operators and reveal grants; none = a key generated into the state directory for this run
   * (support's hash tokens then change on every start).
   */
  readonly keyFile?: string;
  /** Where the generated key and the audit log go; none = a fresh temporary directory, removed on close. */
  readonly stateDir?: string;
  /** Extra proxy settings merged over the demo's (e.g. grants and audit once configured). */
  readonly proxy?: Readonly<Record<string, unknown>>;
  readonly app?: DemoAppOptions;
  /** Where the proxy's JSON log lines go (default: stdout). */
  readonly logStream?: NodeJS.WritableStream;
}

export interface RunningDemo {
  readonly appUrl: string;
  readonly proxyUrl: string;
  /** The key file grants are signed with (`kamen grant --key-file`). */
  readonly keyFile: string;
  /** The proxy's audit log (`kamen audit verify`). */
  readonly auditLog: string;
  readonly app: DemoApp;
  readonly proxy: KamenProxy;
  /** Stops the proxy (draining in-flight requests) and then the application. */
  close(): Promise<void>;
}

/**
 * The demo's proxy config: built-in policies (role names = policy names), role and user from loopback-trusted
 * headers, reveal grants signed with `keyFile`, every reveal written to `auditLog`.
 */
export function demoProxyConfig(
  appUrl: string,
  files: { keyFile: string; auditLog: string },
  options: DemoOptions = {},
): ProxyConfig {
  return loadProxyConfig(
    {
      listen: { host: options.host ?? '127.0.0.1', port: options.port ?? 8080 },
      upstream: { url: appUrl },
      policy: 'builtin',
      keyFile: files.keyFile,
      identity: {
        roleHeader: DEMO_ROLE_HEADER,
        subjectHeader: DEMO_USER_HEADER,
        trustedProxies: ['127.0.0.1/32', '::1/128'],
      },
      grants: {},
      audit: { path: files.auditLog },
      log: { level: 'warn' },
    },
    options.proxy !== undefined ? { overrides: options.proxy } : {},
  );
}

/** Starts the demo HR application and the kamen proxy in front of it. */
export async function startDemo(options: DemoOptions = {}): Promise<RunningDemo> {
  const tempDir = options.stateDir === undefined ? mkdtempSync(join(tmpdir(), 'kamen-demo-')) : undefined;
  const dir = options.stateDir ?? (tempDir as string);
  const keyFile = options.keyFile ?? join(dir, 'demo-keys.json');
  if (options.keyFile === undefined) generateKeyFile(keyFile);
  const auditLog = join(dir, 'audit.jsonl');
  const removeTemp = (): void => {
    if (tempDir !== undefined) rmSync(tempDir, { recursive: true, force: true });
  };
  const app = createDemoApp(options.app);
  let proxy: KamenProxy | undefined;
  let appUrl: string;
  let proxyUrl: string;
  try {
    ({ url: appUrl } = await app.listen(options.appPort ?? 3000, options.host ?? '127.0.0.1'));
    const config = demoProxyConfig(appUrl, { keyFile, auditLog }, options);
    proxy = await createProxy(config, options.logStream !== undefined ? { logStream: options.logStream } : {});
    ({ url: proxyUrl } = await proxy.listen());
  } catch (err) {
    await proxy?.close().catch(() => undefined); // the error that matters is the one thrown below
    await app.close();
    removeTemp();
    throw err;
  }
  const running = proxy;
  return {
    appUrl,
    proxyUrl,
    keyFile,
    auditLog,
    app,
    proxy: running,
    async close() {
      await running.close();
      await app.close();
      removeTemp();
    },
  };
}

/** What `npm start` prints: where things are and the curl lines that show one employee to each role. */
export function demoInstructions(
  demo: Pick<RunningDemo, 'appUrl' | 'proxyUrl' | 'app' | 'keyFile' | 'auditLog'>,
): string {
  const id = demo.app.employees[0]?.record.社員番号 ?? 'E10001';
  const p = demo.proxyUrl;
  const role = (r: string): string => `-H '${DEMO_ROLE_HEADER}: ${r}'`;
  return `kamen proxy demo — every employee is SYNTHETIC

  HR application (upstream, unmasked): ${demo.appUrl}/
  kamen proxy in front of it:          ${p}/
    (the role comes from the ${DEMO_ROLE_HEADER} header, trusted from 127.0.0.1 only; without it, or with an
     unknown role, you get the most restrictive view — which is what a browser opening ${p}/ sees)

The same employee as admin (clear) and as support (masked):
  curl -s ${role('admin')} ${p}/api/employees/${id}
  curl -s ${role('support')} ${p}/api/employees/${id}

Other formats, through the proxy:
  curl -s ${role('support')} --compressed ${p}/api/employees          # JSON list (gzip upstream)
  curl -s ${role('support')} ${p}/export/employees.csv | head -3      # CSV export
  curl -s ${role('support')} '${p}/api/employees.xml?limit=2'         # XML
  curl -sN ${role('support')} '${p}/api/employees.ndjson?limit=3'     # NDJSON stream
  curl -sN ${role('support')} '${p}/api/events?limit=2'               # server-sent events
  curl -s ${role('analytics')} ${p}/api/employees/${id}                # another built-in policy

A customer-approved reveal: the tenant admin signs a grant for one user, route, record and field; support sends it
and sees exactly that field in clear, and the proxy writes the use to the hash-chained audit log:
  TOKEN=$(npx kamen grant --key-file ${demo.keyFile} --subject alice \\
      --routes 'GET /api/employees/*' --record-key 社員番号 --records ${id} --fields 電話番号 \\
      --reason 'callback requested by the employee' --ticket SUP-1234 --ttl 15m)
  curl -s ${role('support')} -H '${DEMO_USER_HEADER}: alice' -H "${GRANT_DEFAULTS.header}: $TOKEN" ${p}/api/employees/${id}
  npx kamen audit verify ${demo.auditLog} --key-file ${demo.keyFile}

Press Ctrl-C to stop.`;
}
