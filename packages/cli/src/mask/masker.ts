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

/** A field's plan and its operator changes not yet in the counts (see the record hook). */
interface FieldState extends FieldPlan {
  readonly field: string;
  /** The step reads the record's other values (not contextFree: fpe, surrogate), so the record hook collects them. */
  readonly contextual: boolean;
  counted: boolean;
  pending: number;
}

/**
 * `s.trim() === ''` without trimming every cell: a value that starts with printable ASCII or a character between
 * U+3001 and U+FEFE (kana, kanji, full-width forms) is not blank, as trim's whitespace has none of those; anything
 * else asks trim itself.
 */
export const blank = (s: string): boolean => {
  if (s.length === 0) return true;
  const c = s.charCodeAt(0);
  if ((c > 0x20 && c < 0x7f) || (c > 0x3000 && c < 0xfeff)) return false;
  return s.trim() === '';
};

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
  const plans = new Map<string, FieldState>();
  const keyCache = new Map<string, string>();
  // Each record's plans by position: one array reused across records instead of a new one per record.
  const states: (FieldState | undefined)[] = [];
  // The previous record's fields by position: structured rows repeat them, so most cells skip the Map lookup.
  const lastFields: (string | undefined)[] = [];
  // Fields changed by an operator since the last take(): only these have counts to add there.
  const changed: FieldState[] = [];

  const stateFor = (leaf: Leaf): FieldState => {
    let s = plans.get(leaf.field);
    if (s === undefined) {
      const p = planField(plan, decisions, leaf);
      const contextual = p.step !== undefined && p.step.operator.contextFree !== true;
      plans.set(
        leaf.field,
        (s = { field: leaf.field, step: p.step, type: p.type, contextual, counted: false, pending: 0 }),
      );
    }
    return s;
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
      const n = leaves.length;
      let contextual = false;
      for (let i = 0; i < n; i++) {
        const leaf = leaves[i] as Leaf;
        let s: FieldState | undefined;
        if (VALUE_KINDS.has(leaf.kind)) {
          const field = leaf.field;
          s = lastFields[i] === field ? states[i] : stateFor(leaf);
          lastFields[i] = field;
          if (s?.contextual === true) contextual = true;
        } else lastFields[i] = undefined;
        states[i] = s;
      }
      // The record's values by type, only when a step reads them: applyStep gives any other operator its step's own
      // context, whatever related values it is handed. Values are detached before any cache or context sees them:
      // here every value of such a record; otherwise (below) only those going to the free-text and key caches, since
      // a contextFree operator keeps nothing and a copy of its value would only be garbage.
      let related: Partial<Record<FieldType, string>> | undefined;
      if (contextual) {
        related = {};
        for (let i = 0; i < n; i++) {
          const s = states[i];
          const leaf = leaves[i] as Leaf;
          const value = (leaf.value = detached(leaf.value));
          if (s?.step !== undefined && s.type !== undefined && !blank(value)) relate(related, s.type, value);
        }
      }
      for (let i = 0; i < n; i++) {
        const leaf = leaves[i] as Leaf;
        const value = leaf.value;
        if (blank(value)) continue;
        const s = states[i];
        if (leaf.kind === 'key') leaf.value = maskKey(contextual ? value : detached(value), leaf.field);
        else if (s?.step !== undefined) {
          // The operator's field is the policy override's name when there is one (FPE tweaks by it, and kamen
          // reveal derives the same), else the CLI's path.
          leaf.value = applyStep(s.step, value, related, s.step.context.field ?? leaf.field);
          if (leaf.value !== value) {
            // The field's first change goes into the counts at once (their key order is that of first change);
            // later ones are added up here and counted on take().
            if (s.counted) s.pending++;
            else {
              countMasked(stats, leaf.field, s.step.context.entity);
              s.counted = true;
              changed.push(s);
            }
          }
        } else leaf.value = freeText(contextual ? value : detached(value), leaf.field);
      }
    },
  };
  return {
    hooks,
    take() {
      for (const s of changed) {
        if (s.pending > 0 && s.step !== undefined) countMasked(stats, s.field, s.step.context.entity, s.pending);
        s.pending = 0;
        s.counted = false;
      }
      changed.length = 0;
      const out = stats;
      stats = emptyStats();
      return out;
    },
  };
}
