import { parseArgs } from 'node:util';
import { createProxy, loadProxyConfig, type KamenProxy, type LoadConfigOptions } from '@kamen/proxy';
import { EXIT } from '../exit-codes.js';
import { UsageError } from './detect.js';

export const PROXY_HELP = `kamen proxy [--config FILE] [options]

Runs the masking reverse proxy: every response is masked for the caller's role (docs/proxy.md).
Flags override the config file's settings.

Options:
  --config FILE          YAML config (JSON-Schema validated; the proxy refuses to start on any error)
  --upstream URL         the application behind the proxy (http or https)
  --listen HOST:PORT     address to listen on (default 127.0.0.1:8080; port 0 picks a free one)
  --policy FILE|builtin  policy file, or 'builtin': the built-in policies, whose names are the roles
                         (support, migration, analytics, admin; admin sees bodies unchanged)
  --key-file FILE        key file for pseudonyms/FPE (kamen keygen); without it an ephemeral key is used
  --role-header NAME     take the role from this request header ...
  --trusted-proxy CIDR   ... only when the client address is in this range (repeatable); from anywhere
                         else identity headers are stripped
  --on-missing-role restrictive|reject
                         a missing, unknown or ambiguous role gets the most restrictive masked view
                         (default) or 401
  --log-level LEVEL      fatal|error|warn|info|debug|silent (default info; JSON lines on stdout)

Signals: SIGTERM/SIGINT drain in-flight requests and exit 0; SIGHUP reloads the config file (a bad
new config is logged and the old one kept). Endpoints: /healthz, /readyz, /metrics.`;

/** `--listen` → { host, port }: `HOST:PORT`, `[v6]:PORT`, `:PORT` or `PORT`. */
export function parseListen(text: string): { host?: string; port: number } {
  const m = /^(?:(?:\[([^\]]+)\]|([^:[\]]*)):)?(\d{1,5})$/.exec(text);
  const port = Number(m?.[3]);
  if (m === null || !(port >= 0 && port <= 65535)) throw new UsageError(`--listen '${text}' is not HOST:PORT`);
  const host = m[1] ?? m[2];
  return host === undefined || host === '' ? { port } : { host, port };
}

function overridesFrom(values: Record<string, string | string[] | boolean | undefined>): Record<string, unknown> {
  const identity: Record<string, unknown> = {};
  if (typeof values['role-header'] === 'string') identity.roleHeader = values['role-header'];
  if (Array.isArray(values['trusted-proxy'])) identity.trustedProxies = values['trusted-proxy'];
  const onMissing = values['on-missing-role'];
  if (typeof onMissing === 'string') {
    if (onMissing !== 'restrictive' && onMissing !== 'reject')
      throw new UsageError('--on-missing-role must be restrictive or reject');
    identity.onMissingRole = onMissing;
  }
  const out: Record<string, unknown> = {};
  if (typeof values.upstream === 'string') out.upstream = { url: values.upstream };
  if (typeof values.listen === 'string') out.listen = parseListen(values.listen);
  if (typeof values.policy === 'string') out.policy = values.policy;
  if (typeof values['key-file'] === 'string') out.keyFile = values['key-file'];
  if (typeof values['log-level'] === 'string') out.log = { level: values['log-level'] };
  if (Object.keys(identity).length > 0) out.identity = identity;
  return out;
}

/** Runs the proxy until SIGTERM/SIGINT; resolves with the exit code. */
export async function proxyCommand(
  argv: string[],
  io: { stdout: NodeJS.WritableStream; stderr: NodeJS.WritableStream },
) {
  const { values } = parseArgs({
    args: argv,
    options: {
      config: { type: 'string' },
      upstream: { type: 'string' },
      listen: { type: 'string' },
      policy: { type: 'string' },
      'key-file': { type: 'string' },
      'role-header': { type: 'string' },
      'trusted-proxy': { type: 'string', multiple: true },
      'on-missing-role': { type: 'string' },
      'log-level': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.help) {
    io.stdout.write(`${PROXY_HELP}\n`);
    return EXIT.OK;
  }
  const options: LoadConfigOptions = { overrides: overridesFrom(values), baseDir: process.cwd() };
  const load = () =>
    values.config !== undefined
      ? loadProxyConfig(values.config, { overrides: options.overrides })
      : loadProxyConfig({}, options);
  const proxy: KamenProxy = await createProxy(load(), { logStream: io.stdout, processMetrics: true });
  const { url } = await proxy.listen();
  io.stderr.write(`kamen proxy: listening on ${url}, upstream ${new URL(proxy.config.upstream.url).origin}\n`);
  return new Promise<number>((resolve) => {
    const stop = () => {
      process.off('SIGHUP', reload);
      void proxy.close().then(() => resolve(EXIT.OK));
    };
    const reload = () => {
      try {
        proxy.reload(load());
      } catch (err) {
        const code = (err as { code?: unknown }).code;
        proxy.logger.error({ code, reason: (err as Error).message }, 'reload failed; the previous config stays');
      }
    };
    process.once('SIGTERM', stop);
    process.once('SIGINT', stop);
    process.on('SIGHUP', reload);
  });
}
