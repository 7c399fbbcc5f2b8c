import { randomBytes } from 'node:crypto';
import { closeSync, constants, openSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  BUILTIN_POLICIES,
  LruCache,
  compilePolicy,
  createKeyRing,
  loadKeyRing,
  loadPolicy,
  parseKeyRing,
  type KeyRing,
  type OperatorConfig,
  type Plan,
  type Policy,
  type RolePolicy,
} from '@kamen/core';
import { notePolicyFields } from './mask/concrete-names.js';

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
  /** What a mask worker needs to compile the very same plans (workerData: never a task message, never logged). */
  readonly workerSetup: PlanSetup;
}

/**
 * The policies and key material plans are compiled from: structured-clone-able, so worker threads compile the same
 * plans as the main thread (same keys → same pseudonyms).
 */
export interface PlanSetup {
  /** Policy per role (built-in: each role its own policy; a policy file: the same one for every role). */
  readonly policies: ReadonlyMap<string, Policy>;
  /** Role whose policy serves unknown roles (core then applies that policy's most restrictive role). */
  readonly fallback: string;
  /** The key file's text (read once, after its permission checks), or the bytes of the ephemeral key. */
  readonly key: { readonly kind: 'text'; readonly text: string } | { readonly kind: 'raw'; readonly key: Uint8Array };
}

const EPHEMERAL_KEY_ID = 'eph';

export function keyRingOf(key: PlanSetup['key']): KeyRing {
  return key.kind === 'text'
    ? parseKeyRing(key.text)
    : createKeyRing([{ id: EPHEMERAL_KEY_ID, key: key.key }], EPHEMERAL_KEY_ID);
}

/** The plan for a role and tenant: the same function in the main thread and in every worker. */
export function compilePlanFor(setup: PlanSetup, keys: KeyRing, role: string, tenant: string | undefined): Plan {
  const policy = setup.policies.get(role) ?? (setup.policies.get(setup.fallback) as Policy);
  const plan = compilePolicy(policy, role, { keys, ...(tenant !== undefined ? { tenant } : {}) });
  notePolicyFields(plan, policy);
  return plan;
}

const MAX_PLANS = 1024;

const keepsEverything = (role: RolePolicy | undefined): boolean => {
  if (role?.default?.operator !== 'keep') return false;
  const all: OperatorConfig[] = [...Object.values(role.entities ?? {}), ...Object.values(role.fields ?? {})];
  return all.every((c) => c.operator === 'keep');
};

/** Loads the policy (or built-ins) and the key ring once; throws a KamenError on a bad policy or key file. */
export function createPolicySet(policy: string, keyFile: string | undefined, baseDir: string): PolicySet {
  let key: PlanSetup['key'];
  if (keyFile !== undefined) {
    const path = resolve(baseDir, keyFile);
    loadKeyRing(path); // permission and format checks, with their errors
    // Workers get this text: main thread and workers parse the same bytes, even if the file changes later.
    const fd = openSync(path, constants.O_RDONLY | constants.O_NOFOLLOW);
    try {
      key = { kind: 'text', text: readFileSync(fd, 'utf8') };
    } finally {
      closeSync(fd);
    }
  } else {
    key = { kind: 'raw', key: randomBytes(32) };
  }
  const keys = keyRingOf(key);
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
  // Bounded: many tenants must not grow the cache without limit (compiling again is cheap).
  const plans = new LruCache<string, Plan>(MAX_PLANS);
  // An unknown role compiles to the policy's mostRestrictive role (core's rule); built-in: support's `restricted`.
  const setup: PlanSetup = { policies, fallback: policies.has('support') ? 'support' : (roles[0] as string), key };
  return {
    workerSetup: setup,
    roles,
    unmaskedRoles: unmasked,
    ephemeralKeys: keyFile === undefined,
    isUnmasked: (role) => unmasked.includes(role),
    planFor(role, tenant) {
      const id = `${role}\u0000${tenant ?? ''}`;
      let plan = plans.get(id);
      if (plan === undefined) {
        plan = compilePlanFor(setup, keys, role, tenant);
        plans.set(id, plan);
      }
      return plan;
    },
  };
}
