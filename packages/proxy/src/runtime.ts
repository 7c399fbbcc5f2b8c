import { Pool } from 'undici';
import type { ProxyConfig } from './config/types.js';
import { createMaskPool, type MaskPool } from './mask/mask-pool.js';
import { createIdentityResolver, type IdentityResolver } from './identity/create-identity-resolver.js';
import type { IdentityExtras } from './identity/identity-config.js';
import { createPolicySet, type PolicySet } from './policy-set.js';
import { createRouteTable, type CompiledRoute } from './routes.js';

/**
 * Everything a request needs that comes from the config: built once at start and on each reload (SIGHUP), then
 * swapped atomically. A request keeps the runtime it started with, so a reload never changes a response midway.
 */
export interface Runtime {
  readonly config: ProxyConfig;
  readonly policies: PolicySet;
  readonly route: (method: string, path: string) => CompiledRoute | undefined;
  readonly identity: IdentityResolver;
  readonly upstream: Pool;
  /** Worker threads for large bodies (config.workers); undefined when workers.threads is 0. */
  readonly pool: MaskPool | undefined;
  /** Upstream base path ('' or '/prefix' without a trailing slash). */
  readonly basePath: string;
  readonly upstreamHost: string;
  /** Request headers a response depends on: added to Vary (CA-01). */
  readonly varyOn: readonly string[];
  /** In-flight requests using this runtime (its pool is closed when a retired runtime reaches 0). */
  active: number;
}

/**
 * Builds a runtime; throws a KamenError (config, policy or key) without side effects left behind (the pool's
 * workers start with the first large body). `maskWorker` replaces the worker module (tests, embedding).
 */
export function createRuntime(config: ProxyConfig, maskWorker?: string): Runtime {
  const policies = createPolicySet(config.policy, config.keyFile, config.baseDir);
  const identity = createIdentityResolver(config.identity as ProxyConfig['identity'] & IdentityExtras, {
    roles: policies.roles,
    unmaskedRoles: policies.unmaskedRoles,
    baseDir: config.baseDir,
  });
  const url = new URL(config.upstream.url);
  const u = config.upstream;
  const upstream = new Pool(url.origin, {
    connections: u.connections,
    pipelining: 1,
    keepAliveTimeout: u.keepAliveTimeoutMs,
    headersTimeout: u.headersTimeoutMs,
    bodyTimeout: u.bodyTimeoutMs,
    connect: { timeout: u.connectTimeoutMs },
  });
  const varyOn = ['authorization', 'cookie', ...identity.identityHeaders];
  return {
    config,
    policies,
    route: createRouteTable(config.routes),
    identity,
    upstream,
    pool: createMaskPool(config.workers, policies.workerSetup, maskWorker),
    basePath: trimSlashes(url.pathname),
    upstreamHost: url.host,
    varyOn: [...new Set(varyOn)],
    active: 0,
  };
}

/** '/app/' → '/app', '/' → '' (no regex: a trailing-slash pattern is quadratic on a string of slashes). */
function trimSlashes(path: string): string {
  let end = path.length;
  while (end > 0 && path.charCodeAt(end - 1) === 47) end--;
  return path.slice(0, end);
}
