import { classifyField } from '../structure/classify-field.js';
import type { FieldType } from '../types.js';
import { applyStep, relate } from './apply.js';
import { compilePolicy, type CompileOptions, type Plan, type PlanStep } from './compile.js';
import { loadPolicy } from './load-policy.js';
import type { Policy } from './policy.js';
import { maskText } from './mask-text.js';

/** A JSON-like record: what CSV rows, parsed JSON and parsed XML become. */
export type RecordValue = string | number | boolean | null | undefined | readonly RecordValue[] | RecordObject;
export interface RecordObject {
  readonly [key: string]: RecordValue;
}

/** Field path or header -> type, when the caller already knows (skips classification for those fields). */
export type FieldPaths = Readonly<Record<string, FieldType>>;

interface Where {
  readonly json: string;
  readonly wild: string;
  readonly xml: string;
  readonly key: string;
}

const isObject = (v: RecordValue): v is RecordObject => typeof v === 'object' && v !== null && !Array.isArray(v);
const isLeaf = (v: RecordValue): v is string | number => typeof v === 'string' || typeof v === 'number';

function child(where: Where, key: string): Where {
  const simple = /^[a-z_$][\w$]*$/i.test(key);
  const seg = simple ? `.${key}` : `[${JSON.stringify(key)}]`;
  return { json: where.json + seg, wild: where.wild + seg, xml: `${where.xml}/${key}`, key };
}

/**
 * Field types decided per plan (one plan = one stream): the first non-empty value of a field decides its type,
 * so every record of a stream masks one column the same way and classification runs once per field.
 */
const decided = new WeakMap<Plan, Map<string, FieldType | undefined>>();

function typeOf(where: Where, value: string, plan: Plan, fieldPaths: FieldPaths | undefined): FieldType | undefined {
  const known =
    fieldPaths?.[where.json] ?? fieldPaths?.[where.wild] ?? fieldPaths?.[where.xml] ?? fieldPaths?.[where.key];
  if (known !== undefined) return known;
  const override = plan.forField([where.json, where.wild, where.xml, where.key], undefined);
  if (override !== undefined && override.context.entity !== 'FREE_TEXT') return override.context.entity;
  let cache = decided.get(plan);
  if (cache === undefined) {
    cache = new Map();
    decided.set(plan, cache);
  }
  const id = `${where.wild}\u0000${where.xml}`;
  if (cache.has(id)) return cache.get(id);
  const type = classifyField(where.key, [value])?.type;
  if (value.trim() !== '') cache.set(id, type);
  return type;
}

function maskLeaf(
  value: string | number,
  where: Where,
  type: FieldType | undefined,
  plan: Plan,
  related: Partial<Record<FieldType, string>>,
): RecordValue {
  const text = String(value);
  const step: PlanStep | undefined =
    plan.forField([where.json, where.wild, where.xml, where.key], type) ??
    (type !== undefined && type !== 'FREE_TEXT' ? plan.forType(type) : undefined);
  if (step !== undefined) return applyStep(step, text, related, where.json);
  // Unclassified or free text: detect inside it.
  const masked = maskText(text, plan).text;
  return typeof value === 'number' && masked === text ? value : masked;
}

function maskNode(node: RecordValue, where: Where, plan: Plan, fieldPaths: FieldPaths | undefined): RecordValue {
  if (Array.isArray(node)) {
    return (node as readonly RecordValue[]).map((item, i) => {
      const at = { json: `${where.json}[${i}]`, wild: `${where.wild}[*]`, xml: where.xml, key: where.key };
      return isLeaf(item)
        ? maskLeaf(item, at, typeOf(at, String(item), plan, fieldPaths), plan, {})
        : maskNode(item, at, plan, fieldPaths);
    });
  }
  if (!isObject(node))
    return isLeaf(node) ? maskLeaf(node, where, typeOf(where, String(node), plan, fieldPaths), plan, {}) : node;
  // First pass: classify the leaves, and collect the record's own name and address so related fields
  // (フリガナ, email, postal code) are transformed consistently with them.
  const types = new Map<string, FieldType | undefined>();
  const related: Partial<Record<FieldType, string>> = {};
  for (const [key, value] of Object.entries(node)) {
    if (!isLeaf(value)) continue;
    const type = typeOf(child(where, key), String(value), plan, fieldPaths);
    types.set(key, type);
    if (type === undefined) continue;
    relate(related, type, String(value));
  }
  const out: Record<string, RecordValue> = {};
  for (const [key, value] of Object.entries(node)) {
    const at = child(where, key);
    out[key] = isLeaf(value)
      ? maskLeaf(value, at, types.get(key), plan, related)
      : maskNode(value, at, plan, fieldPaths);
  }
  return out;
}

/**
 * Masks a flat (CSV row) or nested (JSON, XML) record with a compiled plan: each field is typed by `fieldPaths`,
 * a policy field override or classifyField on its key; typed fields get their operator, other strings are
 * scanned as free text. Related fields of one object share context, so 氏名 and フリガナ stay one (surrogate)
 * person. Throws KAMEN_ERR_MASK_FAILED when any field fails: never a partly masked record.
 * @public
 */
export function maskRecord<T extends RecordValue>(record: T, plan: Plan, fieldPaths?: FieldPaths): T;
/** Convenience form: loads (by built-in name or path) and compiles the policy for this one call. */
export function maskRecord<T extends RecordValue>(
  record: T,
  policy: Policy | string,
  role: string | undefined,
  options?: CompileOptions,
  fieldPaths?: FieldPaths,
): T;
export function maskRecord<T extends RecordValue>(
  record: T,
  planOrPolicy: Plan | Policy | string,
  roleOrPaths?: string | FieldPaths,
  options?: CompileOptions,
  fieldPaths?: FieldPaths,
): T {
  if (typeof planOrPolicy !== 'string' && 'forType' in planOrPolicy) {
    return maskNode(record, ROOT, planOrPolicy, roleOrPaths as FieldPaths | undefined) as T;
  }
  const policy = typeof planOrPolicy === 'string' ? loadPolicy(planOrPolicy) : planOrPolicy;
  const plan = compilePolicy(policy, roleOrPaths as string | undefined, options);
  return maskNode(record, ROOT, plan, fieldPaths) as T;
}

const ROOT = { json: '$', wild: '$', xml: '', key: '' };
