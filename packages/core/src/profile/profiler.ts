import { detect } from '../engine/detect.js';
import { ephemeralKeyRing } from '../keys/key-ring.js';
import { compilePolicy, type Plan } from '../policy/compile.js';
import { loadPolicy } from '../policy/load-policy.js';
import type { Registry } from '../rules/registry.js';
import { classifyField, type ClassifyFieldOptions } from '../structure/classify-field.js';
import type { FieldType } from '../types.js';
import { exampleOf, maskedName } from './examples.js';
import { FieldStats } from './field-stats.js';
import type { Detected, FieldProfile, Profile } from './types.js';

/** One string leaf of a record: what the format decoders produce (`Leaf` fits). */
export interface ProfileLeaf {
  /** CSV header, JSON field with `[*]`, XML path, `''` for text lines. */
  readonly field: string;
  /** Leaf kind (cell, value, text, attribute, cdata, comment, key). */
  readonly kind: string;
  readonly value: string;
}

export interface ProfileOptions {
  /** Values per field kept (uniformly sampled) for classification and examples; default 100. */
  readonly sampleSize?: number;
  /** Masked examples per field; default 3. */
  readonly examples?: number;
  /** Distinct fields profiled; values of further fields are only counted (bounded memory). Default 1000. */
  readonly maxFields?: number;
  /** Masks the examples; default: the built-in support policy, role support, with a throw-away key. */
  readonly plan?: Plan;
  /** Detection rules; default: the example plan's. */
  readonly registry?: Registry;
  /** Passed to classifyField (header dictionaries, threshold). */
  readonly classify?: ClassifyFieldOptions;
}

/**
 * Accumulates a profile over records: feed every record's string leaves, then `finish()`.
 * @public
 */
export interface Profiler {
  /**
   * Adds one record. `detected[i]` may hold what detect() found in `leaves[i]` (computed elsewhere, e.g. in a
   * worker, with `conflicts: 'merge'`); without it the profiler runs detect() itself.
   */
  addRecord(leaves: readonly ProfileLeaf[], detected?: readonly (readonly Detected[])[]): void;
  finish(): Profile;
}

/** Where object keys (JSON) are profiled: one pseudo-field for all of them, detection only. */
export const OBJECT_KEYS_FIELD = '(object keys)';

function fieldKey(leaf: ProfileLeaf): { key: string; freeTextOnly: boolean } {
  if (leaf.kind === 'key') return { key: OBJECT_KEYS_FIELD, freeTextOnly: true };
  // An XML comment's field is its parent element's path; the element's own text is another column.
  if (leaf.kind === 'comment') return { key: `${leaf.field}/#comment`, freeTextOnly: true };
  return { key: leaf.field, freeTextOnly: false };
}

const OVERFLOW_NAMES = 10_000;

function defaultPlan(): Plan {
  // Examples only: an ephemeral key, so keyed operators (hash of an employee id) work and mean nothing later.
  return compilePolicy(loadPolicy('support'), 'support', { keys: ephemeralKeyRing() });
}

/**
 * Creates a profiler: per field (CSV column, JSON field, XML path, free text) it classifies the field on its name
 * and a uniform sample of its values, counts detected entities with their scores, the share of values holding PII,
 * and keeps a few examples that are masked (or reduced to their shape) before they leave it: a profile never holds
 * a raw value. Memory is bounded by `maxFields` × `sampleSize`, whatever the number of records.
 * @public
 */
export function createProfiler(options: ProfileOptions = {}): Profiler {
  const sampleSize = options.sampleSize ?? 100;
  const examples = options.examples ?? 3;
  const maxFields = options.maxFields ?? 1000;
  if (!(Number.isInteger(sampleSize) && sampleSize >= 1 && Number.isInteger(examples) && examples >= 0)) {
    throw new RangeError('sampleSize must be a positive integer and examples a non-negative integer');
  }
  const plan = options.plan ?? defaultPlan();
  const registry = options.registry ?? plan.registry;
  const fields = new Map<string, FieldStats>();
  const overflow = { fields: 0, values: 0 };
  // Names of fields past maxFields, only to count them; capped too (the count is then a lower bound).
  const overflowNames = new Set<string>();
  let records = 0;

  const statsFor = (leaf: ProfileLeaf): FieldStats | undefined => {
    const { key, freeTextOnly } = fieldKey(leaf);
    let s = fields.get(key);
    if (s === undefined) {
      if (fields.size >= maxFields) return undefined;
      // A JSON key or XML element name can itself be personal ({"k.sato@example.com": …}): the name shown is
      // masked like free text, and such a field is never named in a suggested policy.
      const shown = freeTextOnly ? key : maskedName(key, plan, registry);
      s = new FieldStats(key, shown, freeTextOnly, sampleSize, examples, fields.size + 1);
      fields.set(key, s);
    }
    return s;
  };

  return {
    addRecord(leaves, detected) {
      records++;
      for (let i = 0; i < leaves.length; i++) {
        const leaf = leaves[i] as ProfileLeaf;
        const s = statsFor(leaf);
        if (s === undefined) {
          overflow.values++;
          if (overflowNames.size < OVERFLOW_NAMES) overflowNames.add(leaf.field);
          overflow.fields = overflowNames.size;
          continue;
        }
        const findings =
          leaf.value.trim() === '' ? [] : (detected?.[i] ?? detect(leaf.value, { registry, conflicts: 'merge' }));
        s.add(leaf.kind, leaf.value, findings);
      }
    },
    finish() {
      const profiles = [...fields.values()].map((s) => finishField(s, plan, examples, options.classify));
      const totals: Partial<Record<FieldType, number>> = {};
      for (const p of profiles) {
        const type = p.classification?.type;
        if (type !== undefined && type !== 'FREE_TEXT') totals[type] = (totals[type] ?? 0) + p.piiValues;
        else for (const e of p.entities) totals[e.type] = (totals[e.type] ?? 0) + e.findings;
      }
      return {
        records,
        fields: profiles,
        totals,
        overflow: { ...overflow },
        examplesMaskedWith: { policy: plan.policy, role: plan.role },
      };
    },
  };
}

function finishField(
  s: FieldStats,
  plan: Plan,
  count: number,
  classify: ClassifyFieldOptions | undefined,
): FieldProfile {
  const classification = s.freeTextOnly ? null : classifyField(s.field, s.sample.items, classify);
  const type = classification?.type;
  const structured = type !== undefined && type !== 'FREE_TEXT';
  const piiValues = structured ? s.values - s.empty : s.withFindings;
  // Examples of a typed field come from all its values; of free text, from the values that held findings.
  const pool = structured || s.flagged.items.length === 0 ? s.sample.items : s.flagged.items;
  const seen = new Set<string>();
  const shown: string[] = [];
  for (const value of pool) {
    if (shown.length >= count) break;
    const example = exampleOf(value, s.field, type, plan);
    if (seen.has(example)) continue;
    seen.add(example);
    shown.push(example);
  }
  return {
    field: s.shown,
    ...(s.shown !== s.field ? { nameMasked: true } : {}),
    kinds: [...s.kinds].sort(),
    values: s.values,
    empty: s.empty,
    classification,
    entities: s.entityProfiles(),
    valuesWithFindings: s.withFindings,
    piiValues,
    piiShare: s.values === 0 ? 0 : Math.round((piiValues / s.values) * 1000) / 1000,
    examples: shown,
  };
}
