import { detect } from '../engine/detect.js';
import type { Finding } from '../types.js';
import { applyStep } from './apply.js';
import { compilePolicy, type CompileOptions, type Plan } from './compile.js';
import { loadPolicy } from './load-policy.js';
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
  const findings = detect(text, { registry: plan.registry, conflicts: 'merge' }).sort((a, b) => a.start - b.start);
  return { text: replaceFindings(text, findings, plan), findings };
}
