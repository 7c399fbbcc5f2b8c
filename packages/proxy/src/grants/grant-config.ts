import type { SchemaFragment } from '../config/schema.js';

/** The `grants` config section: where grants arrive and how they are checked. */
export interface GrantsConfig {
  /** Request header carrying a grant token; always stripped before the request goes upstream. */
  readonly header: string;
  /** Longest lifetime (exp − iat) a grant may have, e.g. `1h`; longer grants are refused even when signed. */
  readonly maxTtl: string;
  /** Seconds of clock skew tolerated between the issuer and the proxy. */
  readonly clockToleranceSec: number;
  /** Live grants remembered for replay detection, per replica (docs/proxy.md: multi-replica caveat). */
  readonly replayCapacity: number;
  /** Key file the grants are signed with (default: the proxy's `keyFile`). */
  readonly keyFile?: string;
}

export const GRANT_DEFAULTS = {
  header: 'x-kamen-grant',
  maxTtl: '1h',
  clockToleranceSec: 5,
  replayCapacity: 100_000,
} as const satisfies GrantsConfig;

/** JSON-Schema fragment for the `grants` section (proxy-core composes it into the config schema). */
export const GRANTS_SCHEMA_FRAGMENT: SchemaFragment = {
  section: 'grants',
  schema: {
    type: 'object',
    additionalProperties: false,
    properties: {
      header: { type: 'string', pattern: '^[A-Za-z0-9-]+$', default: GRANT_DEFAULTS.header },
      maxTtl: { type: 'string', pattern: '^\\d{1,7}[smhd]?$', default: GRANT_DEFAULTS.maxTtl },
      clockToleranceSec: { type: 'integer', minimum: 0, maximum: 300, default: GRANT_DEFAULTS.clockToleranceSec },
      replayCapacity: { type: 'integer', minimum: 1, maximum: 10_000_000, default: GRANT_DEFAULTS.replayCapacity },
      keyFile: { type: 'string', minLength: 1 },
    },
  },
};
