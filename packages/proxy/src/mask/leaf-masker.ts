import {
  KamenError,
  classifyField,
  maskText,
  type FieldType,
  type FormatTransformHooks,
  type Leaf,
  type Plan,
  type PlanStep,
} from '@kamen/core';
import type { RevealMatcher } from '../grants/reveal-matcher.js';

/** Counts of masked values by type, filled while a body is masked (for the metrics). */
export type MaskCounts = Map<string, number>;

export interface LeafMaskerOptions {
  /** Route rule fields: JSON path (`$.employees[*].name`), CSV header or XML path → type. */
  readonly fields?: Readonly<Record<string, FieldType>>;
  /** A verified grant's matcher: the leaves it selects pass unchanged (reveal.ts). */
  readonly reveal?: RevealMatcher;
  readonly counts?: MaskCounts;
}

/** The last name of a leaf path: `.name` / `["氏名"]` (JSON), `/a/b` / `/a/@id` (XML), the header (CSV). */
export function leafKey(path: string): string {
  if (path.endsWith('"]')) {
    const open = path.lastIndexOf('["');
    if (open >= 0) {
      try {
        return JSON.parse(path.slice(open + 1, -1)) as string;
      } catch {
        return path;
      }
    }
  }
  if (path.startsWith('$')) {
    const m = /\.([^.[\]]+)(?:\[(?:\d+|\*)\])*$/.exec(path);
    return m?.[1] ?? path;
  }
  if (path.startsWith('/')) {
    const last = path.slice(path.lastIndexOf('/') + 1);
    return last.startsWith('@') ? last.slice(1) : last;
  }
  return path;
}

const KANJI = /[\u3400-\u9fff]/u;

/**
 * The proxy's masking transform over core's format records: each string leaf is typed by the route's field rules,
 * a policy field override, or classifyField on its key and first value (decided once per field for the whole body);
 * typed leaves get their plan step, everything else is scanned as free text. Object keys, comments and plain-text
 * lines are always free text. The leaves of one record share name/address context (氏名 with フリガナ).
 * Any operator failure throws (KAMEN_ERR_MASK_FAILED): the body fails, nothing is passed through.
 */
export function createLeafMasker(plan: Plan, options: LeafMaskerOptions = {}): FormatTransformHooks {
  const decided = new Map<string, FieldType | null>();
  const counts = options.counts;
  const count = (type: string) => counts?.set(type, (counts.get(type) ?? 0) + 1);

  const typeOf = (leaf: Leaf): FieldType | undefined => {
    // Keys, comments and plain-text lines (path '') have no field name to classify: free text only.
    if (leaf.kind === 'key' || leaf.kind === 'comment' || leaf.path === '') return undefined;
    const known = options.fields?.[leaf.field] ?? options.fields?.[leaf.path];
    if (known !== undefined) return known;
    const cached = decided.get(leaf.field);
    if (cached !== undefined) return cached ?? undefined;
    const key = leafKey(leaf.field);
    const override = plan.forField([leaf.path, leaf.field, key], undefined);
    let type: FieldType | undefined;
    if (override !== undefined && override.context.entity !== 'FREE_TEXT') type = override.context.entity;
    else type = classifyField(key, [leaf.value])?.type;
    if (leaf.value.trim() !== '') decided.set(leaf.field, type ?? null);
    return type;
  };

  const apply = (step: PlanStep, leaf: Leaf, related: Partial<Record<FieldType, string>>): string => {
    try {
      const out = step.operator.apply(leaf.value, step.params, { ...step.context, related, field: leaf.field });
      if (typeof out !== 'string') throw new TypeError('operator returned a non-string');
      return out;
    } catch (cause) {
      const code = cause instanceof KamenError ? ` (${cause.code})` : '';
      throw new KamenError(
        'KAMEN_ERR_MASK_FAILED',
        `${step.operator.name} on ${step.context.entity}${code}`,
        { path: leaf.field },
        { cause },
      );
    }
  };

  return {
    record(leaves) {
      const types: (FieldType | undefined)[] = leaves.map(typeOf);
      const related: Partial<Record<FieldType, string>> = {};
      leaves.forEach((leaf, i) => {
        const type = types[i];
        if (type === undefined || leaf.value === '') return;
        const prev = related[type];
        if (prev === undefined || (type === 'PERSON_NAME' && KANJI.test(leaf.value) && !KANJI.test(prev)))
          related[type] = leaf.value;
      });
      // Object keys and comments name nothing: only values take part in finding the record id.
      const revealed = options.reveal?.forRecord(leaves.filter((l) => l.kind !== 'key' && l.kind !== 'comment'));
      leaves.forEach((leaf, i) => {
        const type = types[i];
        if (leaf.value === '' || revealed?.(leaf, type) === true) return;
        const key = leafKey(leaf.field);
        const step =
          type !== undefined
            ? (plan.forField([leaf.path, leaf.field, key], type) ??
              (type !== 'FREE_TEXT' ? plan.forType(type) : undefined))
            : undefined;
        if (step !== undefined) {
          const out = apply(step, leaf, related);
          if (out !== leaf.value) count(type ?? 'FIELD');
          leaf.value = out;
          return;
        }
        const result = maskText(leaf.value, plan);
        for (const f of result.findings) count(f.type);
        leaf.value = result.text;
      });
    },
  };
}
