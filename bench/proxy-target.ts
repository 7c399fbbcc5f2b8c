/**
 * One server of the proxy benchmark, run in its own process so that load generator, proxy and upstream are
 * measured apart (RSS per process) and compete for the CPU like separate deployments would:
 *
 *   node --import tsx bench/proxy-target.ts upstream
 *   node --import tsx bench/proxy-target.ts passthrough <upstream-url>
 *   node --import tsx bench/proxy-target.ts kamen <upstream-url> [<workers.threads>]
 *   KAMEN_BENCH_ROOT=/path/to/other/checkout node --import tsx bench/proxy-target.ts kamen <upstream-url>
 *
 * Prints one JSON line `{"url": …}` when listening; exits on SIGTERM after closing.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createDemoApp } from '../packages/proxy/src/demo/demo-app.js';
import { createPassthroughProxy } from './passthrough-proxy.js';

/** The header the benchmark's kamen takes the role from, trusted from loopback only (bench/proxy.ts sends it). */
const ROLE_HEADER = 'x-kamen-role';

async function start(
  kind: string,
  upstream: string | undefined,
  threads: string | undefined,
): Promise<{ url: string; close(): Promise<void> }> {
  if (kind === 'upstream') {
    const app = createDemoApp();
    return { ...(await app.listen()), close: () => app.close() };
  }
  if (upstream === undefined) throw new Error(`${kind} needs the upstream URL`);
  if (kind === 'passthrough') {
    const proxy = createPassthroughProxy(upstream);
    return { ...(await proxy.listen()), close: () => proxy.close() };
  }
  if (kind === 'kamen') {
    // The built package (dist/), as `kamen proxy` runs it: worker threads load compiled code. KAMEN_BENCH_ROOT:
    // another checkout's build instead (bench/proxy-compare.ts puts two builds side by side).
    const root = process.env.KAMEN_BENCH_ROOT;
    const { createProxy, loadProxyConfig } = (
      root !== undefined && root !== ''
        ? await import(pathToFileURL(join(root, 'packages/proxy/dist/index.js')).href)
        : await import('@kamen/proxy')
    ) as typeof import('@kamen/proxy');
    const proxy = await createProxy(
      loadProxyConfig({
        listen: { host: '127.0.0.1', port: 0 },
        upstream: { url: upstream },
        identity: { roleHeader: ROLE_HEADER, trustedProxies: ['127.0.0.1/32'] },
        log: { level: 'silent' },
        ...(threads !== undefined ? { workers: { threads: Number(threads) } } : {}),
      }),
    );
    return { ...(await proxy.listen()), close: () => proxy.close() };
  }
  throw new Error(`unknown target ${kind} (upstream | passthrough | kamen)`);
}

const target = await start(process.argv[2] ?? '', process.argv[3], process.argv[4]);
process.stdout.write(`${JSON.stringify({ url: target.url })}\n`);
process.once('SIGTERM', () => {
  void target.close().finally(() => process.exit(0));
});
