/**
 * @kamen/proxy — the masking reverse proxy.
 *
 * ```ts
 * import { createProxy, loadProxyConfig } from '@kamen/proxy';
 * const proxy = await createProxy(loadProxyConfig({ upstream: { url: 'http://127.0.0.1:3000' }, listen: { port: 0 } }));
 * const { url } = await proxy.listen();   // 'http://127.0.0.1:54321'
 * …
 * await proxy.close();                    // stops accepting, drains in-flight requests, closes the upstream pool
 * ```
 *
 * The API here is stable: `createProxy`, `loadProxyConfig`, the `KamenProxy` handle, `ProxyConfig` and the error
 * catalogue. docs/proxy.md documents the config and behaviour.
 * @public
 */
export { createProxy, type KamenProxy, type ProxyOptions } from './proxy.js';
export { loadProxyConfig, registerConfigSection, type LoadConfigOptions } from './config/load.js';
export { PROXY_CONFIG_SCHEMA, type SchemaFragment } from './config/schema.js';
export type {
  ProxyConfig,
  ListenConfig,
  UpstreamConfig,
  IdentityConfig,
  RouteRule,
  ContentConfig,
  LimitsConfig,
  WorkersConfig,
  OnMissingRole,
} from './config/types.js';
export { PROXY_ERRORS, PROXY_ERROR_STATUS, proxyError, type ProxyErrorCode } from './errors.js';
export { parseCidr, createAddressMatcher, type Cidr, type AddressMatcher } from './net/cidr.js';
export * from './identity/index.js';
export * from './grants/index.js';
export * from './audit/index.js';
