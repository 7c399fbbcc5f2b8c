import {
  KamenError,
  PSEUDONYM_TOKEN,
  reveal,
  revealFpe,
  type FormatTransformHooks,
  type KeyRing,
  type Leaf,
  type Plan,
  type PlanStep,
} from '@kamen/core';
import { VALUE_KINDS, type FieldDecisions } from '../mask/decide.js';
import { planField } from '../mask/masker.js';

/** What a reveal run did: counts only, never a value. */
export interface RevealStats {
  records: number;
  /** Pseudonym tokens replaced by their original. */
  pseudonyms: number;
  /** FPE values decrypted (fields the policy gives fpe). */
  fpe: number;
  /** Non-empty values of fields whose operator keeps nothing to reverse (hash, mask, redact, surrogate…). */
  irreversible: number;
  /** Values that could not be revealed, by error code (tampered, unknown key id, outside the FPE domain). */
  failed: Record<string, number>;
  /** The first failures: code and location, never the value. */
  failures: { code: string; record: number; field: string }[];
}

export interface RevealerOptions {
  /** The masking policy and role, compiled with the key: FPE fields are found through it. Tokens need none. */
  readonly plan: Plan | undefined;
  /** Field types as mask decided them (from its --report), else decided here the same way. */
  readonly decisions: FieldDecisions;
  readonly keys: KeyRing;
  /** 'fail': the first value that cannot be revealed stops the run; 'skip': it is left as it is and counted. */
  readonly onError: 'fail' | 'skip';
}

const MAX_FAILURES = 100;

/**
 * The record transform of `kamen reveal`: pseudonym tokens anywhere (cells, values, free text, keys, comments)
 * become their originals; values of fields the plan masks with fpe are decrypted with the same binding mask used
 * (entity type, field, key). Everything else is left as it is.
 */
export function createRevealer(options: RevealerOptions): { hooks: FormatTransformHooks; stats: RevealStats } {
  const { plan, keys } = options;
  const stats: RevealStats = { records: 0, pseudonyms: 0, fpe: 0, irreversible: 0, failed: {}, failures: [] };
  const steps = new Map<string, PlanStep | undefined>();

  // The step kamen mask chose for the field (planField), so a value is revealed by the operator that masked it.
  const stepFor = (leaf: Leaf): PlanStep | undefined => {
    if (plan === undefined) return undefined;
    if (steps.has(leaf.field)) return steps.get(leaf.field);
    const step = planField(plan, options.decisions, leaf).step;
    steps.set(leaf.field, step);
    return step;
  };

  const failed = (err: unknown, leaf: Leaf): void => {
    if (!(err instanceof KamenError)) throw err;
    const where = { record: leaf.record, field: leaf.field };
    // Only the code and where: the message of a reveal error never holds the value, and neither does this one.
    if (options.onError === 'fail') throw new KamenError(err.code, err.message, { ...err.context, ...where });
    stats.failed[err.code] = (stats.failed[err.code] ?? 0) + 1;
    if (stats.failures.length < MAX_FAILURES) stats.failures.push({ code: err.code, ...where });
  };

  const tokens = (value: string, leaf: Leaf): string =>
    value.includes('PSN:')
      ? value.replace(PSEUDONYM_TOKEN, (token) => {
          try {
            const original = reveal(token, keys);
            stats.pseudonyms++;
            return original;
          } catch (err) {
            failed(err, leaf);
            return token;
          }
        })
      : value;

  const hooks: FormatTransformHooks = {
    record(leaves) {
      stats.records++;
      for (const leaf of leaves) {
        if (leaf.value.trim() === '') continue;
        const step = VALUE_KINDS.has(leaf.kind) ? stepFor(leaf) : undefined;
        if (step?.operator.name === 'fpe') {
          try {
            const c = step.context;
            leaf.value = revealFpe(
              leaf.value,
              {
                entity: c.entity,
                field: c.field ?? leaf.field,
                ...(c.tenant !== undefined ? { tenant: c.tenant } : {}),
              },
              keys,
            );
            stats.fpe++;
          } catch (err) {
            failed(err, leaf);
          }
          continue;
        }
        if (step !== undefined && !step.operator.reversible && step.operator.name !== 'keep') stats.irreversible++;
        leaf.value = tokens(leaf.value, leaf);
      }
    },
  };
  return { hooks, stats };
}
