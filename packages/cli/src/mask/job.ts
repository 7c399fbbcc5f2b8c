import {
  compilePolicy,
  createKeyRing,
  getDefaultRegistry,
  parseKeyRing,
  type FormatSpec,
  type KeyRing,
  type OperatorConfig,
  type Plan,
  type Policy,
  type Registry,
} from '@kamen/core';
import type { TextEncodingName } from '../io/index.js';
import type { FieldDecisions } from './decide.js';

/**
 * Key material as handed to workers (workerData, never a task message, never logged): the key file's or
 * KAMEN_KEY's text, or the bytes of the run's ephemeral key.
 */
export type JobKey =
  { readonly kind: 'text'; readonly text: string } | { readonly kind: 'raw'; readonly key: Uint8Array };

/** What workers need before the input is read: they compile the plan and load the rules while it is sampled. */
export interface MaskSetup {
  readonly policy: Policy;
  /** The role asked for (compilePolicy falls back to the policy's most restrictive role when it is unknown). */
  readonly role: string | undefined;
  readonly key: JobKey;
  readonly outputEncoding: TextEncodingName;
}

/** Everything decided once per stream in the main thread: structured-clone-able, so workers rebuild the same plan. */
export interface MaskJob extends MaskSetup {
  readonly decisions: FieldDecisions;
  readonly spec: FormatSpec;
}

export const EPHEMERAL_KEY_ID = 'eph';

export function keyRingOf(key: JobKey): KeyRing {
  return key.kind === 'text'
    ? parseKeyRing(key.text, true)
    : createKeyRing([{ id: EPHEMERAL_KEY_ID, key: key.key }], EPHEMERAL_KEY_ID);
}

/**
 * Surrogates written to Shift_JIS/CP932/EUC-JP must be characters those encodings have: every surrogate step
 * without an explicit charset is switched to 'cp932' (JIS X 0208, which all three can encode).
 */
export function policyForEncoding(policy: Policy, encoding: TextEncodingName): Policy {
  if (encoding === 'utf-8') return policy;
  const fix = (c: OperatorConfig): OperatorConfig =>
    c.operator === 'surrogate' && c.params?.charset === undefined
      ? { ...c, params: { ...c.params, charset: 'cp932' } }
      : c;
  const fixAll = <T extends Readonly<Record<string, OperatorConfig>> | undefined>(m: T): T =>
    (m === undefined ? m : Object.fromEntries(Object.entries(m).map(([k, v]) => [k, fix(v)]))) as T;
  return {
    ...policy,
    default: fix(policy.default),
    roles: Object.fromEntries(
      Object.entries(policy.roles).map(([name, r]) => [
        name,
        {
          ...r,
          ...(r.default !== undefined ? { default: fix(r.default) } : {}),
          ...(r.entities !== undefined ? { entities: fixAll(r.entities) } : {}),
          ...(r.fields !== undefined ? { fields: fixAll(r.fields) } : {}),
        },
      ]),
    ),
    ...(policy.tenants !== undefined
      ? {
          tenants: Object.fromEntries(
            Object.entries(policy.tenants).map(([name, t]) => [
              name,
              {
                ...t,
                ...(t.entities !== undefined ? { entities: fixAll(t.entities) } : {}),
                ...(t.fields !== undefined ? { fields: fixAll(t.fields) } : {}),
              },
            ]),
          ),
        }
      : {}),
  };
}

/**
 * The built-in rules, compiled when a text is first scanned rather than when a plan is compiled: the main thread of
 * a run with workers compiles the plan only to check the policy and key, and never scans, so it never pays for the
 * rules (~0.7 s of CPU and their memory for the whole run). The same arrays as getDefaultRegistry()'s, so detection
 * caches keyed by them still hit.
 */
const builtInRules: Registry = {
  get rules() {
    return getDefaultRegistry().rules;
  },
  get detectors() {
    return getDefaultRegistry().detectors;
  },
};

/** The plan a setup describes: the same in the main thread and in every worker. */
export function planOf(job: MaskSetup): Plan {
  return compilePolicy(policyForEncoding(job.policy, job.outputEncoding), job.role, {
    keys: keyRingOf(job.key),
    registry: builtInRules,
  });
}
