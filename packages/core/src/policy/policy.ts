import type { FieldType } from '../types.js';

/** One operator with its raw parameters, as written in a policy file. */
export interface OperatorConfig {
  readonly operator: string;
  readonly params?: Readonly<Record<string, unknown>>;
  /** Field overrides only: the type the field holds (default: the type classifyField gives it). */
  readonly entity?: FieldType;
}

/** What one role sees: operators per entity type, overrides per field path, and a default for other PII. */
export interface RolePolicy {
  readonly description?: string;
  readonly default?: OperatorConfig;
  readonly entities?: Readonly<Partial<Record<FieldType, OperatorConfig>>>;
  /** Keyed by CSV header, JSON path ($.a.b) or XML path (/a/b). */
  readonly fields?: Readonly<Record<string, OperatorConfig>>;
}

/** Per-tenant settings: which key on the ring, and overrides on top of every role. */
export interface TenantPolicy {
  readonly keyId?: string;
  readonly entities?: Readonly<Partial<Record<FieldType, OperatorConfig>>>;
  readonly fields?: Readonly<Record<string, OperatorConfig>>;
}

/**
 * A masking policy (rules/policy.schema.json). Loaded and validated by loadPolicy(); compiled per role and
 * tenant by compilePolicy().
 * @public
 */
export interface Policy {
  readonly name: string;
  readonly description?: string;
  /** Operator for PII that no rule names: privacy by default, never `keep`. */
  readonly default: OperatorConfig;
  /** The role used when the caller's role is unknown or missing (least privilege). */
  readonly mostRestrictive: string;
  readonly roles: Readonly<Record<string, RolePolicy>>;
  readonly tenants?: Readonly<Record<string, TenantPolicy>>;
  /** The file it was loaded from, for error messages. */
  readonly file?: string;
}
