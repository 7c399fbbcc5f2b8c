import { coreError } from '../errors.js';
import type { KeyRing } from '../keys/keyring.js';
import type { Operator, OperatorContext } from '../operators/operator.js';
import { getDefaultRegistry, type Registry } from '../rules/registry.js';
import { ENTITY_TYPES, FIELD_ONLY_TYPES, type FieldType } from '../types.js';
import { resolveOperator } from './operators.js';
import type { OperatorConfig, Policy } from './policy.js';

/** One decided transformation: the operator, its validated params and the context it runs with. */
export interface PlanStep {
  readonly operator: Operator;
  readonly params: unknown;
  readonly context: OperatorContext;
}

/**
 * A policy compiled for one role and tenant: every decision is made once per stream, here, and masking only
 * looks steps up.
 * @public
 */
export interface Plan {
  readonly policy: string;
  /** The role actually applied (the most restrictive one when the requested role is unknown). */
  readonly role: string;
  readonly tenant?: string;
  readonly registry: Registry;
  /** The step for a detected entity or classified field type. */
  forType(type: FieldType): PlanStep;
  /**
   * The override for a field (tried in order: each candidate name or path), or undefined. `type` is the type the
   * field was classified as, used when the override does not name one.
   */
  forField(candidates: readonly string[], type: FieldType | undefined): PlanStep | undefined;
}

export interface CompileOptions {
  readonly keys?: KeyRing;
  readonly tenant?: string;
  /** Detection rules (default: the built-in registry). */
  readonly registry?: Registry;
}

/** A ring whose default key is the tenant's, so one master ring serves many tenants without sharing tokens. */
function tenantRing(ring: KeyRing, kid: string): KeyRing {
  ring.subkey('kamen:check', kid); // unknown kid -> KAMEN_ERR_KEY_UNKNOWN now, not on the first value
  return { primaryId: kid, ids: ring.ids, subkey: (purpose, id) => ring.subkey(purpose, id ?? kid) };
}

/**
 * Compiles `policy` for `role` (unknown or missing role -> policy.mostRestrictive) and tenant.
 * @public
 */
export function compilePolicy(policy: Policy, role: string | undefined, options: CompileOptions = {}): Plan {
  const applied = role !== undefined && Object.hasOwn(policy.roles, role) ? role : policy.mostRestrictive;
  const rolePolicy = policy.roles[applied] ?? {};
  const tenantPolicy = options.tenant !== undefined ? policy.tenants?.[options.tenant] : undefined;
  const keys =
    options.keys !== undefined && tenantPolicy?.keyId !== undefined
      ? tenantRing(options.keys, tenantPolicy.keyId)
      : options.keys;
  const step = (config: OperatorConfig, entity: FieldType, field?: string): PlanStep => {
    const operator = resolveOperator(config.operator);
    if (operator === undefined)
      throw coreError('KAMEN_ERR_POLICY_UNKNOWN_OPERATOR', `unknown operator '${config.operator}'`);
    const params = operator.validate(config.params ?? {}, entity);
    const context: OperatorContext = {
      entity,
      ...(field !== undefined ? { field } : {}),
      ...(options.tenant !== undefined ? { tenant: options.tenant } : {}),
      ...(keys !== undefined ? { keys } : {}),
    };
    return { operator, params, context };
  };
  const byType = new Map<FieldType, PlanStep>();
  for (const type of [...ENTITY_TYPES, ...FIELD_ONLY_TYPES]) {
    const config =
      tenantPolicy?.entities?.[type] ?? rolePolicy.entities?.[type] ?? rolePolicy.default ?? policy.default;
    byType.set(type, step(config, type));
  }
  const fields = new Map<string, OperatorConfig>(Object.entries({ ...rolePolicy.fields, ...tenantPolicy?.fields }));
  const fieldSteps = new Map<string, PlanStep>();
  return {
    policy: policy.name,
    role: applied,
    ...(options.tenant !== undefined ? { tenant: options.tenant } : {}),
    registry: options.registry ?? getDefaultRegistry(),
    forType: (type) => byType.get(type) as PlanStep,
    forField(candidates, type) {
      for (const name of candidates) {
        const config = fields.get(name);
        if (config === undefined) continue;
        const entity = config.entity ?? type ?? 'FREE_TEXT';
        const cacheKey = `${name}\u0000${entity}`;
        let s = fieldSteps.get(cacheKey);
        if (s === undefined) {
          s = step(config, entity, name);
          fieldSteps.set(cacheKey, s);
        }
        return s;
      }
      return undefined;
    },
  };
}
