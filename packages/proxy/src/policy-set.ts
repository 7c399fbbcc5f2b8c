import { resolve } from 'node:path';
import {
  BUILTIN_POLICIES,
  compilePolicy,
  ephemeralKeyRing,
  loadKeyRing,
  loadPolicy,
  type KeyRing,
  type OperatorConfig,
  type Plan,
  type Policy,
  type RolePolicy,
} from '@kamen/core';

/**
 * The roles the proxy knows and a compiled plan per (role, tenant), compiled once and cached. `builtin` means the
 * built-in policies with their names as roles (each role uses its own policy file); otherwise one policy file whose
 * roles are the roles. Roles whose every operator is `keep` are unmasked: their bodies pass unchanged.
 */
export interface PolicySet {
  readonly roles: readonly string[];
  readonly unmaskedRoles: readonly string[];
  /** True when the key ring is ephemeral (pseudonyms differ per process: fine for one replica, not for N). */
  readonly ephemeralKeys: boolean;
  isUnmasked(role: string): boolean;
  planFor(role: string, tenant: string | undefined): Plan;
}

const MAX_PLANS = 1024;

const keepsEverything = (role: RolePolicy | undefined): boolean => {
  if (role?.default?.operator !== 'keep') return false;
  const all: OperatorConfig[] = [...Object.values(role.entities ?? {}), ...Object.values(role.fields ?? {})];
  return all.every((c) => c.operator === 'keep');
};

/** Loads the policy (or built-ins) and the key ring once; throws a KamenError on a bad policy or key file. */
export function createPolicySet(policy: string, keyFile: string | undefined, baseDir: string): PolicySet {
  const keys: KeyRing = keyFile !== undefined ? loadKeyRing(resolve(baseDir, keyFile)) : ephemeralKeyRing();
  const builtin = policy === 'builtin';
  const policies = new Map<string, Policy>();
  let roles: string[];
  if (builtin) {
    for (const name of BUILTIN_POLICIES) policies.set(name, loadPolicy(name));
    roles = [...BUILTIN_POLICIES];
  } else {
    const loaded = loadPolicy(resolve(baseDir, policy));
    roles = Object.keys(loaded.roles);
    for (const role of roles) policies.set(role, loaded);
  }
  const unmasked = roles.filter((r) => keepsEverything(policies.get(r)?.roles[r]));
  const plans = new Map<string, Plan>();
  // An unknown role compiles to the policy's mostRestrictive role (core's rule); built-in: support's `restricted`.
  const fallback = policies.get('support') ?? (policies.values().next().value as Policy);
  return {
    roles,
    unmaskedRoles: unmasked,
    ephemeralKeys: keyFile === undefined,
    isUnmasked: (role) => unmasked.includes(role),
    planFor(role, tenant) {
      const id = `${role}\u0000${tenant ?? ''}`;
      let plan = plans.get(id);
      if (plan === undefined) {
        const p = policies.get(role) ?? fallback;
        plan = compilePolicy(p, role, { keys, ...(tenant !== undefined ? { tenant } : {}) });
        // Bounded: many tenants must not grow the cache without limit (compiling again is cheap).
        if (plans.size >= MAX_PLANS) plans.clear();
        plans.set(id, plan);
      }
      return plan;
    },
  };
}
