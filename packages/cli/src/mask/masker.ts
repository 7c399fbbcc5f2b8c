import {
  applyStep,
  classifyField,
  maskText,
  pathTail,
  relate,
  type FieldType,
  type FormatTransformHooks,
  type Leaf,
  type LeafKind,
  type Plan,
  type PlanStep,
} from '@kamen/core';
import { VALUE_KINDS, fieldName, type FieldDecisions } from './decide.js';
import { countMasked, emptyStats, type MaskStats } from './stats.js';

/** What a field gets: an operator step (a typed column or a policy override), or free-text detection. */
export interface FieldPlan {
  readonly type: FieldType | undefined;
  readonly step: PlanStep | undefined;
}

/** Distinct JSON keys whose masked form is cached: keys repeat in every record, values never enter this cache. */
const KEY_CACHE_LIMIT = 10_000;

/**
 * Names a policy may use for a field: the CLI's own path (CSV header, `$.employees[*].tel`, `/root/emp/tel`), the
 * path relative to the record as maskRecord sees it (`$.tel`, `/tel`), and the bare key (`tel`, core's pathTail).
 * A CSV header (`kind` 'cell') is one name, whole, even when it reads like a path (`a.b`, `/a/b`).
 */
export function fieldCandidates(field: string, kind?: LeafKind): string[] {
  const out = [field];
  if (kind === 'cell') return out;
  if (field.startsWith('$')) {
    const star = field.indexOf('[*]');
    if (star >= 0) out.push(`$${field.slice(star + 3)}`);
  } else if (field.startsWith('/')) {
    const segs = field.split('/').slice(1);
    for (let i = 1; i < segs.length; i++) out.push(`/${segs.slice(i).join('/')}`);
  }
  const key = pathTail(field, kind);
  if (key !== '' && !out.includes(key)) out.push(key);
  return out;
}

/**
 * What a field gets: the sample's decision, else its name alone (the same answer in every worker and shard); a
 * policy override wins. kamen reveal asks the same to find the step a value was masked with.
 */
export function planField(plan: Plan, decisions: FieldDecisions, leaf: Leaf): FieldPlan {
  const decided = decisions[leaf.field];
  const type = decided !== undefined ? (decided.type ?? undefined) : classifyField(fieldName(leaf.field), [])?.type;
  const override = plan.forField(fieldCandidates(leaf.field, leaf.kind), type);
  const step = override ?? (type !== undefined && type !== 'FREE_TEXT' ? plan.forType(type) : undefined);
  return { type: override?.context.entity ?? type, step };
}

/**
 * `s` as a string of its own. Decoders cut values out of a whole batch's text (for 13 or more characters V8 makes a
 * sliced string that points into the text), and core's operator and short-text memos keep values: one cached value
 * kept a whole 256 KiB slice's text alive, ~20 MB more live heap per worker on NDJSON. Concatenating makes a new
 * string that slice() flattens into a copy of just this value; the batch text then dies with the batch.
 */
export const detached = (s: string): string => (s.length < 13 ? s : ` ${s}`.slice(1));

/** A record transform plus the counts of what it changed since the last take(). */
export interface Masker {
  readonly hooks: FormatTransformHooks;
  /** Returns the counts so far and starts new ones. */
  take(): MaskStats;
}

/**
 * The record transform every thread runs: typed fields get their operator (with the record's own name and address
 * as context, so フリガナ and email follow a surrogate 氏名), other strings are scanned as free text.
 */
export function createMasker(plan: Plan, decisions: FieldDecisions): Masker {
  let stats = emptyStats();
  const plans = new Map<string, FieldPlan>();
  const keyCache = new Map<string, string>();

  const planFor = (leaf: Leaf): FieldPlan => {
    let p = plans.get(leaf.field);
    if (p === undefined) plans.set(leaf.field, (p = planField(plan, decisions, leaf)));
    return p;
  };

  const freeText = (value: string, field: string): string => {
    const { text, findings } = maskText(value, plan);
    for (const f of findings) countMasked(stats, field, f.type);
    return text;
  };

  const maskKey = (value: string, field: string): string => {
    const hit = keyCache.get(value);
    if (hit !== undefined) return hit;
    const masked = freeText(value, field);
    if (keyCache.size >= KEY_CACHE_LIMIT) keyCache.clear();
    keyCache.set(value, masked);
    return masked;
  };

  const hooks: FormatTransformHooks = {
    record(leaves) {
      stats.records++;
      const steps: (FieldPlan | undefined)[] = [];
      const related: Partial<Record<FieldType, string>> = {};
      for (const leaf of leaves) {
        leaf.value = detached(leaf.value); // before any cache or context sees it
        const p = VALUE_KINDS.has(leaf.kind) ? planFor(leaf) : undefined;
        steps.push(p);
        if (p?.step !== undefined && p.type !== undefined && leaf.value.trim() !== '')
          relate(related, p.type, leaf.value);
      }
      for (let i = 0; i < leaves.length; i++) {
        const leaf = leaves[i] as Leaf;
        const value = leaf.value;
        if (value.trim() === '') continue;
        const p = steps[i];
        if (leaf.kind === 'key') leaf.value = maskKey(value, leaf.field);
        else if (p?.step !== undefined) {
          // The operator's field is the policy override's name when there is one (FPE tweaks by it, and kamen
          // reveal derives the same), else the CLI's path.
          leaf.value = applyStep(p.step, value, related, p.step.context.field ?? leaf.field);
          if (leaf.value !== value) countMasked(stats, leaf.field, p.step.context.entity);
        } else leaf.value = freeText(value, leaf.field);
      }
    },
  };
  return {
    hooks,
    take() {
      const out = stats;
      stats = emptyStats();
      return out;
    },
  };
}
