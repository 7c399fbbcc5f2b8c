import type { ProxyConfig } from '../config/types.js';
import { loadProxyConfig } from '../config/load.js';
import { createProxy, type KamenProxy } from '../proxy.js';
import { createDemoApp, type DemoApp, type DemoAppOptions } from './demo-app.js';

/** The header the demo proxy takes the role from; trusted only from loopback (a stand-in for a front proxy). */
export const DEMO_ROLE_HEADER = 'x-kamen-role';

export interface DemoOptions {
  /** Proxy port (0 = any free port). */
  readonly port?: number;
  /** Demo HR application port (0 = any free port). */
  readonly appPort?: number;
  readonly host?: string;
  /** Key file for keyed operators; none = an ephemeral key (support's hash tokens change on every start). */
  readonly keyFile?: string;
  /** Extra proxy settings merged over the demo's (e.g. grants and audit once configured). */
  readonly proxy?: Readonly<Record<string, unknown>>;
  readonly app?: DemoAppOptions;
  /** Where the proxy's JSON log lines go (default: stdout). */
  readonly logStream?: NodeJS.WritableStream;
}

export interface RunningDemo {
  readonly appUrl: string;
  readonly proxyUrl: string;
  readonly app: DemoApp;
  readonly proxy: KamenProxy;
  /** Stops the proxy (draining in-flight requests) and then the application. */
  close(): Promise<void>;
}

/** The demo's proxy config: built-in policies (role names = policy names), role from a loopback-trusted header. */
export function demoProxyConfig(appUrl: string, options: DemoOptions = {}): ProxyConfig {
  const host = options.host ?? '127.0.0.1';
  return loadProxyConfig(
    {
      listen: { host, port: options.port ?? 8080 },
      upstream: { url: appUrl },
      policy: 'builtin',
      identity: { roleHeader: DEMO_ROLE_HEADER, trustedProxies: ['127.0.0.1/32', '::1/128'] },
      log: { level: 'warn' },
      ...(options.keyFile !== undefined ? { keyFile: options.keyFile } : {}),
    },
    options.proxy !== undefined ? { overrides: options.proxy } : {},
  );
}

/** Starts the demo HR application and the kamen proxy in front of it. */
export async function startDemo(options: DemoOptions = {}): Promise<RunningDemo> {
  const app = createDemoApp(options.app);
  const { url: appUrl } = await app.listen(options.appPort ?? 3000, options.host ?? '127.0.0.1');
  let proxy: KamenProxy;
  let proxyUrl: string;
  try {
    proxy = await createProxy(
      demoProxyConfig(appUrl, options),
      options.logStream !== undefined ? { logStream: options.logStream } : {},
    );
    ({ url: proxyUrl } = await proxy.listen());
  } catch (err) {
    await app.close();
    throw err;
  }
  return {
    appUrl,
    proxyUrl,
    app,
    proxy,
    async close() {
      await proxy.close();
      await app.close();
    },
  };
}

/** What `npm start` prints: where things are and the curl lines that show one employee to each role. */
export function demoInstructions(demo: Pick<RunningDemo, 'appUrl' | 'proxyUrl' | 'app'>): string {
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

Press Ctrl-C to stop.`;
}
