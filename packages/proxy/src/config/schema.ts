/**
 * JSON Schema of the proxy config (draft-07, ajv with useDefaults): every default lives here, so a validated config
 * is a complete ProxyConfig. Sections owned by other modules (identity extras, grants, audit) are composed in by
 * `composeSchema`.
 */

const ms = (def: number) => ({ type: 'integer', minimum: 1, maximum: 3_600_000, default: def });
const bytes = (def: number) => ({ type: 'integer', minimum: 1, default: def });
const MiB = 1024 * 1024;

export const PROXY_CONFIG_SCHEMA = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  type: 'object',
  additionalProperties: false,
  required: ['upstream'],
  properties: {
    listen: {
      type: 'object',
      additionalProperties: false,
      default: {},
      properties: {
        host: { type: 'string', minLength: 1, default: '127.0.0.1' },
        port: { type: 'integer', minimum: 0, maximum: 65535, default: 8080 },
      },
    },
    upstream: {
      type: 'object',
      additionalProperties: false,
      required: ['url'],
      properties: {
        url: { type: 'string', pattern: '^https?://' },
        connections: { type: 'integer', minimum: 1, maximum: 10_000, default: 128 },
        connectTimeoutMs: ms(5_000),
        headersTimeoutMs: ms(30_000),
        bodyTimeoutMs: ms(30_000),
        keepAliveTimeoutMs: ms(4_000),
        maskedEncoding: { enum: ['identity', 'decodable'], default: 'identity' },
      },
    },
    policy: { type: 'string', minLength: 1, default: 'builtin' },
    keyFile: { type: 'string', minLength: 1 },
    identity: {
      type: 'object',
      default: {},
      properties: {
        roleHeader: { type: 'string', pattern: '^[A-Za-z0-9-]+$' },
        trustedProxies: { type: 'array', items: { type: 'string', minLength: 1 }, default: [] },
        onMissingRole: { enum: ['restrictive', 'reject'], default: 'restrictive' },
        defaultRole: { type: 'string', minLength: 1 },
      },
    },
    grants: { type: 'object' },
    audit: { type: 'object' },
    routes: {
      type: 'array',
      default: [],
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['path'],
        properties: {
          methods: {
            type: 'array',
            items: { type: 'string', pattern: '^[A-Z]+$' },
            default: [],
          },
          path: { type: 'string', pattern: '^/' },
          fields: { type: 'object', additionalProperties: { type: 'string' }, default: {} },
          allowTypes: {
            type: 'array',
            items: { type: 'string', pattern: '^[a-z0-9.+*-]+/[a-z0-9.+*-]+$' },
            default: [],
          },
        },
      },
    },
    content: {
      type: 'object',
      additionalProperties: false,
      default: {},
      properties: {
        allowTypes: {
          type: 'array',
          items: { type: 'string', pattern: '^[a-z0-9.+*-]+/[a-z0-9.+*-]+$' },
          default: [],
        },
        blockStatus: { enum: [403, 415, 502], default: 403 },
        htmlInlineScripts: { enum: ['mask', 'block'], default: 'mask' },
      },
    },
    limits: {
      type: 'object',
      additionalProperties: false,
      default: {},
      properties: {
        maxBodyBytes: bytes(64 * MiB),
        maxDecompressedBytes: bytes(256 * MiB),
        maxEncodingLayers: { type: 'integer', minimum: 1, maximum: 4, default: 2 },
        maxRecordBytes: bytes(8 * MiB),
        maxRequestBodyBytes: bytes(16 * MiB),
        maxHeaderBytes: { type: 'integer', minimum: 1024, maximum: 1024 * 1024, default: 16 * 1024 },
        maxHeadersCount: { type: 'integer', minimum: 8, maximum: 2000, default: 100 },
        headersTimeoutMs: ms(10_000),
        requestTimeoutMs: ms(60_000),
        keepAliveTimeoutMs: ms(5_000),
        bufferBytes: bytes(1 * MiB),
      },
    },
    workers: {
      type: 'object',
      additionalProperties: false,
      default: {},
      properties: {
        threads: { type: 'integer', minimum: 0, maximum: 64, default: 1 },
        minBodyBytes: bytes(256 * 1024),
        batchBytes: { type: 'integer', minimum: 1024, maximum: 64 * MiB, default: 128 * 1024 },
        maxInFlight: { type: 'integer', minimum: 1, maximum: 64, default: 2 },
      },
    },
    log: {
      type: 'object',
      additionalProperties: false,
      default: {},
      properties: {
        level: { enum: ['fatal', 'error', 'warn', 'info', 'debug', 'silent'], default: 'info' },
      },
    },
  },
} as const;

/** A schema fragment another module contributes for its config section (identity extras, grants, audit). */
export interface SchemaFragment {
  readonly section: 'identity' | 'grants' | 'audit';
  readonly schema: Readonly<Record<string, unknown>>;
}

/**
 * The full schema: the core schema with other modules' sections merged in. An identity fragment adds properties
 * to the identity object; grants/audit fragments replace the open placeholder objects.
 */
export function composeSchema(fragments: readonly SchemaFragment[]): Record<string, unknown> {
  const schema = structuredClone(PROXY_CONFIG_SCHEMA) as unknown as {
    properties: Record<string, Record<string, unknown>>;
  };
  for (const f of fragments) {
    const target = schema.properties[f.section] as Record<string, unknown>;
    if (f.section === 'identity') {
      const props = (f.schema.properties ?? {}) as Record<string, unknown>;
      target.properties = { ...(target.properties as object), ...props };
      if (f.schema.additionalProperties === false) target.additionalProperties = false;
      if (Array.isArray(f.schema.required)) target.required = f.schema.required;
    } else {
      schema.properties[f.section] = { ...f.schema };
    }
  }
  return schema as unknown as Record<string, unknown>;
}
