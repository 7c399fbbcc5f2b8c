import {
  applyStep,
  maskText,
  relate,
  type FieldType,
  type FormatTransformHooks,
  type Leaf,
  type MaskTextResult,
  type Plan,
} from '@kamen/core';
import type { RevealMatcher } from '../grants/reveal-matcher.js';
import { createFieldDecider, type FieldDecider, type Resolved, type RouteFields } from './field-decider.js';

/** Counts of masked values by type, filled while a body is masked (for the metrics). */
export type MaskCounts = Map<string, number>;

export interface LeafMaskerOptions {
  /** Route rule fields: JSON path (`$.employees[*].name`), CSV header or XML path → type. */
  readonly fields?: RouteFields;
  /** A verified grant's matcher: the leaves it selects pass unchanged (reveal.ts). */
  readonly reveal?: RevealMatcher;
  readonly counts?: MaskCounts;
  /** The body's field decider (default: a new one for this plan and route). */
  readonly decider?: FieldDecider;
}

/**
 * The proxy's masking transform over core's format records: each string leaf is typed by the route's field rules,
 * a policy field override, or classifyField on its key and first value (decided once per field for the whole body,
 * see field-decider.ts); typed leaves get their plan step, everything else is scanned as free text. Object keys,
 * comments and plain-text lines are always free text. The leaves of one record share name/address context (氏名
 * with フリガナ). Any operator failure throws (KAMEN_ERR_MASK_FAILED): the body fails, nothing is passed through.
 */
export function createLeafMasker(plan: Plan, options: LeafMaskerOptions = {}): FormatTransformHooks {
  const decider = options.decider ?? createFieldDecider(plan, options.fields);
  const counts = options.counts;
  const count = (type: string) => counts?.set(type, (counts.get(type) ?? 0) + 1);
  const resolved: Resolved[] = [];
  // Object keys repeat record after record, and the tokenizer hands the same key string at the same position: the
  // free-text result of the key at each position is kept for this body (maskText is deterministic per plan; its own
  // memo is a lookup per key), so a repeated key costs one comparison.
  const keySources: string[] = [];
  const keyResults: MaskTextResult[] = [];

  return {
    record(leaves) {
      const related: Partial<Record<FieldType, string>> = {};
      resolved.length = leaves.length;
      for (let i = 0; i < leaves.length; i++) {
        const leaf = leaves[i] as Leaf;
        const r = decider.resolve(leaf);
        resolved[i] = r;
        if (r.type !== undefined && leaf.value !== '') relate(related, r.type, leaf.value);
      }
      // Object keys and comments name nothing: only values take part in finding the record id.
      const revealed = options.reveal?.forRecord(leaves.filter((l) => l.kind !== 'key' && l.kind !== 'comment'));
      for (let i = 0; i < leaves.length; i++) {
        const leaf = leaves[i] as Leaf;
        const { type, step } = resolved[i] as Resolved;
        if (leaf.value === '' || revealed?.(leaf, type) === true) continue;
        if (step !== undefined) {
          const out = applyStep(step, leaf.value, related, leaf.field);
          if (out !== leaf.value) {
            count(type ?? 'FIELD');
            leaf.value = out;
            continue;
          }
          // Unchanged by a masking operator: the value is not what the field was decided as (a phone number in
          // a column whose first value was a kana name). Fail closed: look for PII in it as free text.
          if (step.operator.name === 'keep') continue;
        }
        let result: MaskTextResult;
        if (leaf.kind !== 'key') result = maskText(leaf.value, plan);
        else if (keySources[i] === leaf.value) result = keyResults[i] as MaskTextResult;
        else {
          result = maskText(leaf.value, plan);
          keySources[i] = leaf.value;
          keyResults[i] = result;
        }
        const findings = result.findings;
        for (let f = 0; f < findings.length; f++) count((findings[f] as MaskTextResult['findings'][number]).type);
        leaf.value = result.text;
      }
    },
  };
}
