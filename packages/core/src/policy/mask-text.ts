import { detect } from '../engine/detect.js';
import type { Finding } from '../types.js';
import { applyStep } from './apply.js';
import { compilePolicy, type CompileOptions, type Plan } from './compile.js';
import { loadPolicy } from './load-policy.js';
import { LruCache } from './lru.js';
import type { Policy } from './policy.js';

/** Masked text and what was found in the original (offsets into the original). */
export interface MaskTextResult {
  readonly text: string;
  readonly findings: readonly Finding[];
}

/** Replaces findings (sorted by start, non-overlapping) in `text`, end to start so offsets stay valid. */
export function replaceFindings(text: string, findings: readonly Finding[], plan: Plan, offset = 0): string {
  // Pieces are collected end to start and joined once: linear in the text, however many findings.
  const pieces: string[] = [];
  let tail = text.length;
  for (let i = findings.length - 1; i >= 0; i--) {
    const f = findings[i] as Finding;
    const start = f.start - offset;
    const end = f.end - offset;
    pieces.push(text.slice(end, tail), applyStep(plan.forType(f.type), text.slice(start, end)));
    tail = start;
  }
  pieces.push(text.slice(0, tail));
  return pieces.reverse().join('');
}

/** Texts up to this many UTF-16 units are memoised per plan: column values (部署, 銀行名, dates), not documents. */
export const SHORT_TEXT_MAX = 64;
/** Memoised short texts per plan: bounded, so a worker's memory does not grow with the input. */
export const SHORT_TEXT_CACHE_SIZE = 16_384;

/**
 * Per-plan memo of maskText on short texts. Sound because a plan fixes the rules and the keys, and operators are
 * deterministic for a given key, parameters and context (free-text findings run with the plan's own context):
 * the cached result is exactly what a fresh call returns. Low-cardinality columns left to free-text detection
 * (銀行名, 支店名, 部署, 入社日) then cost one lookup per value instead of a detection pass.
 */
const shortTexts = new WeakMap<Plan, LruCache<string, MaskTextResult>>();

function maskWithPlan(text: string, plan: Plan): MaskTextResult {
  const findings = detect(text, { registry: plan.registry, conflicts: 'merge' }).sort((a, b) => a.start - b.start);
  return { text: replaceFindings(text, findings, plan), findings };
}

function maskShort(text: string, plan: Plan): MaskTextResult {
  let cache = shortTexts.get(plan);
  if (cache === undefined) shortTexts.set(plan, (cache = new LruCache(SHORT_TEXT_CACHE_SIZE)));
  let hit = cache.get(text);
  if (hit === undefined) {
    const fresh = maskWithPlan(text, plan);
    // Shared between callers from now on: frozen so no caller can change another's result.
    for (const f of fresh.findings) Object.freeze(f);
    hit = Object.freeze({ text: fresh.text, findings: Object.freeze(fresh.findings) });
    cache.set(text, hit);
  }
  return hit;
}

/**
 * Detects PII in free text (overlaps merged: the safest span wins) and transforms each finding with the plan's
 * operator for its type. Throws KAMEN_ERR_MASK_FAILED when any operator fails: never partially masked text.
 * @public
 */
export function maskText(text: string, plan: Plan): MaskTextResult;
/** Convenience form: loads (by built-in name or path) and compiles the policy for this one call. */
export function maskText(
  text: string,
  policy: Policy | string,
  role: string | undefined,
  options?: CompileOptions,
): MaskTextResult;
export function maskText(
  text: string,
  planOrPolicy: Plan | Policy | string,
  role?: string,
  options?: CompileOptions,
): MaskTextResult {
  const plan =
    typeof planOrPolicy === 'string'
      ? compilePolicy(loadPolicy(planOrPolicy), role, options)
      : 'forType' in planOrPolicy
        ? planOrPolicy
        : compilePolicy(planOrPolicy, role, options);
  return text.length <= SHORT_TEXT_MAX ? maskShort(text, plan) : maskWithPlan(text, plan);
}
