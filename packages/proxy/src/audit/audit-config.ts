import type { SchemaFragment } from '../config/schema.js';

/** The `audit` config section. Reveals are possible only with an audit log. */
export interface AuditConfig {
  /** JSON-lines log file (one writer per file; give each replica its own). */
  readonly path: string;
  /** Head file (default `<path>.head`). */
  readonly headFile?: string;
  /** `always`: each entry is synced to disk before the reveal is sent; `never`: the OS decides (faster, loses the tail on power loss). */
  readonly fsync: 'always' | 'never';
  /** Key file whose `audit:v1` subkey MACs the entries (default: the proxy's `keyFile`; none = hash chain only). */
  readonly keyFile?: string;
}

/** JSON-Schema fragment for the `audit` section (proxy-core composes it into the config schema). */
export const AUDIT_SCHEMA_FRAGMENT: SchemaFragment = {
  section: 'audit',
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['path'],
    properties: {
      path: { type: 'string', minLength: 1 },
      headFile: { type: 'string', minLength: 1 },
      fsync: { enum: ['always', 'never'], default: 'always' },
      keyFile: { type: 'string', minLength: 1 },
    },
  },
};
