import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { LineCounter, isNode, parseDocument } from 'yaml';
import { FIELD_ONLY_TYPES, ENTITY_TYPES } from '@kamen/core';
import { proxyError } from '../errors.js';
import { AUDIT_SCHEMA_FRAGMENT } from '../audit/audit-config.js';
import { GRANTS_SCHEMA_FRAGMENT } from '../grants/grant-config.js';
import { IDENTITY_SCHEMA_FRAGMENT } from '../identity/identity-config.js';
import { parseCidr } from '../net/cidr.js';
import { compileRoutePattern } from '../routes.js';
import { composeSchema, type SchemaFragment } from './schema.js';
import type { ProxyConfig } from './types.js';

type Segment = string | number;
type Locate = (path: readonly Segment[]) => { line?: number; column?: number };

const fragments: SchemaFragment[] = [IDENTITY_SCHEMA_FRAGMENT, GRANTS_SCHEMA_FRAGMENT, AUDIT_SCHEMA_FRAGMENT];
let validator: ValidateFunction | undefined;

/** Lets the identity/grants/audit modules add their config sections to the schema (call at module load). */
export function registerConfigSection(fragment: SchemaFragment): void {
  fragments.push(fragment);
  validator = undefined;
}

function validate(): ValidateFunction {
  validator ??= new Ajv({ allErrors: false, useDefaults: true, strict: false }).compile(composeSchema(fragments));
  return validator;
}

export interface LoadConfigOptions {
  /** Values that replace the file's (command-line flags); merged one level deep per section. */
  readonly overrides?: Readonly<Record<string, unknown>>;
  /** Directory relative paths resolve against (default: the config file's directory, else the cwd). */
  readonly baseDir?: string;
}

/**
 * Reads, parses (YAML, duplicate keys rejected) and validates a proxy config file, or validates a config object.
 * Every error is a KamenError naming the file, line and column and the offending setting; the proxy refuses to
 * start on any of them.
 */
export function loadProxyConfig(source: string | Readonly<Record<string, unknown>>, options: LoadConfigOptions = {}) {
  let data: unknown;
  let locate: Locate = () => ({});
  let file: string | undefined;
  if (typeof source === 'string') {
    file = source;
    let text: string;
    try {
      text = readFileSync(source, 'utf8');
    } catch (cause) {
      throw proxyError('KAMEN_PROXY_ERR_CONFIG_FILE', 'cannot read the config file', { file }, cause);
    }
    const lines = new LineCounter();
    const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
    const first = doc.errors[0];
    if (first !== undefined) {
      const pos = lines.linePos(first.pos[0]);
      throw proxyError('KAMEN_PROXY_ERR_CONFIG_FILE', `YAML syntax: ${first.code}`, {
        file,
        line: pos.line,
        column: pos.col,
      });
    }
    data = doc.toJS() ?? {};
    locate = (path) => {
      for (let n = path.length; n >= 0; n--) {
        const node = doc.getIn(path.slice(0, n), true);
        if (isNode(node) && node.range) {
          const pos = lines.linePos(node.range[0]);
          return { line: pos.line, column: pos.col };
        }
      }
      return {};
    };
  } else {
    data = structuredClone(source);
  }
  data = merge(data, options.overrides);
  const baseDir = options.baseDir ?? (file !== undefined ? dirname(resolve(file)) : process.cwd());
  const check = validate();
  if (!check(data)) {
    const err = (check.errors as ErrorObject[])[0] as ErrorObject;
    const segments = err.instancePath
      .split('/')
      .slice(1)
      .map((s): Segment => (/^\d+$/.test(s) ? Number(s) : s.replace(/~1/g, '/').replace(/~0/g, '~')));
    const where = err.instancePath === '' ? 'config' : err.instancePath.slice(1).replace(/\//g, '.');
    const extra =
      err.keyword === 'additionalProperties'
        ? ` '${(err.params as { additionalProperty: string }).additionalProperty}'`
        : err.keyword === 'enum'
          ? ` (${(err.params as { allowedValues: unknown[] }).allowedValues.map((v) => JSON.stringify(v)).join(', ')})`
          : '';
    throw proxyError('KAMEN_PROXY_ERR_CONFIG_SCHEMA', `${where} ${err.message ?? 'is invalid'}${extra}`, {
      ...(file !== undefined ? { file } : {}),
      ...locate(segments),
      path: where,
    });
  }
  const config = { ...(data as Omit<ProxyConfig, 'baseDir'>), baseDir } as ProxyConfig;
  checkSemantics(config, (path, message) => {
    throw proxyError('KAMEN_PROXY_ERR_CONFIG_INVALID', `${path.join('.')} ${message}`, {
      ...(file !== undefined ? { file } : {}),
      ...locate(path),
      path: path.join('.'),
    });
  });
  return config;
}

function merge(data: unknown, overrides: Readonly<Record<string, unknown>> | undefined): unknown {
  if (overrides === undefined) return data;
  const base = typeof data === 'object' && data !== null && !Array.isArray(data) ? { ...data } : {};
  const out = base as Record<string, unknown>;
  for (const [key, value] of Object.entries(overrides)) {
    if (value === undefined) continue;
    const prev = out[key];
    const isPlain = (v: unknown) => typeof v === 'object' && v !== null && !Array.isArray(v);
    out[key] = isPlain(value) && isPlain(prev) ? { ...(prev as object), ...(value as object) } : value;
  }
  return out;
}

/** Checks that go beyond the schema: URL, CIDRs, route patterns. */
function checkSemantics(config: ProxyConfig, fail: (path: Segment[], message: string) => never): void {
  let url: URL;
  try {
    url = new URL(config.upstream.url);
  } catch {
    fail(['upstream', 'url'], 'is not a valid URL');
  }
  if (url.username !== '' || url.password !== '') fail(['upstream', 'url'], 'must not carry credentials');
  if (url.search !== '' || url.hash !== '') fail(['upstream', 'url'], 'must not have a query or fragment');
  config.identity.trustedProxies.forEach((cidr, i) => {
    if (parseCidr(cidr) === undefined) fail(['identity', 'trustedProxies', i], `is not a valid CIDR ('${cidr}')`);
  });
  const types = new Set<string>([...ENTITY_TYPES, ...FIELD_ONLY_TYPES]);
  config.routes.forEach((route, i) => {
    try {
      compileRoutePattern(route.path);
    } catch (err) {
      fail(['routes', i, 'path'], (err as Error).message);
    }
    for (const [field, type] of Object.entries(route.fields))
      if (!types.has(type)) fail(['routes', i, 'fields', field], `names an unknown type '${type}'`);
  });
  if (config.limits.headersTimeoutMs > config.limits.requestTimeoutMs)
    fail(['limits', 'headersTimeoutMs'], 'must not exceed limits.requestTimeoutMs');
}
